package org.ruxue.app.zoning;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.population.IdCardNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Dongcheng's identity-gated lookup (R-Z2): two distinct addresses per ID number. */
@IntegrationTest
class GatedZoneLookupTest {

	private static final String DONGCHENG = "110101";

	private static final String SCHOOL = "110101-T901";

	@Autowired
	GatedZoneLookup gated;

	@Autowired
	ZoneLookup open;

	@Autowired
	ServiceZones zones;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void dongchengGatesItsLookup() {
		Calendars.sourceYear2017(calendar);
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, '东城区门禁测试小学', ?, 'PRIMARY', true, '北京市东城区', 60) on conflict do nothing""")
			.params(SCHOOL, DONGCHENG)
			.update();
		zones.configureDistrict(DONGCHENG, "东城区教育委员会", null, true, null, Actor.SYSTEM);
		zones.saveZone(new ZoneDefinition(DONGCHENG, 2017, EntryLevel.PRIMARY, "门禁测试片", SCHOOL, List.of()),
				Actor.SYSTEM);
		for (String compound : List.of("门禁一号小区", "门禁二号小区", "门禁三号小区", "门禁四号小区", "门禁五号小区", "门禁六号小区")) {
			zones.saveAddress(
					new AddressMapping(DONGCHENG, 2017, EntryLevel.PRIMARY, "门禁测试片", compound, null, List.of(), false),
					Actor.SYSTEM);
		}
	}

	@Test
	void anIdNumberLooksUpTwoAddressesAndAgainButNotAThird() {
		String child = id("11010120100101001");
		String guardian = id("11010119800101002");

		assertThat(gated.lookup(request(child, guardian, "门禁一号小区")).found()).isTrue();
		assertThat(gated.lookup(request(child, guardian, "东城区门禁二号小区3号楼")).found()).isTrue();
		assertThat(gated.lookup(request(child, guardian, "门禁一号小区5号楼")).found()).as("the same home again").isTrue();

		assertThatExceptionOfType(GatedLookupLimitReached.class)
			.isThrownBy(() -> gated.lookup(request(child, guardian, "门禁三号小区")))
			.withMessageContaining("2 different addresses");
		assertThatExceptionOfType(GatedLookupLimitReached.class).as("the guardian's number is spent too")
			.isThrownBy(() -> gated.lookup(request(id("11010120100202003"), guardian, "门禁三号小区")));
	}

	@Test
	void theLimitHoldsUnderConcurrentRequests() throws Exception {
		String child = id("11010120100303004");
		String guardian = id("11010119800303005");
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (String compound : List.of("门禁三号小区", "门禁四号小区", "门禁五号小区", "门禁六号小区")) {
			attempts.add(() -> {
				try {
					gated.lookup(request(child, guardian, compound));
					return true;
				}
				catch (GatedLookupLimitReached ex) {
					return false;
				}
			});
		}
		int answered = 0;
		try (var pool = Executors.newFixedThreadPool(4)) {
			for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
				answered += outcome.get() ? 1 : 0;
			}
		}

		assertThat(answered).isEqualTo(2);
	}

	@Test
	void storesNoIdNumberAndAuditsEveryLookup() {
		String child = id("11010120100404006");
		gated.lookup(request(child, id("11010119800404007"), "门禁一号小区"));

		assertThat(jdbc.sql("select count(*) from gated_lookup where id_hash = ?")
			.param(gated.hash(child))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from gated_lookup where id_hash like ?")
			.param("%" + child + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(audit.latest(20)).anySatisfy(
				entry -> assertThat(entry.toString()).contains("zoning.gated-lookup.answered").doesNotContain(child));
	}

	@Test
	void theOpenLookupDoesNotAnswerForAGatedDistrictAndTheGatedOneRefusesOpenDistricts() {
		assertThat(open.lookup(ZoneQuery.of("东城区门禁一号小区")).found()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> gated.lookup(new GatedLookupRequest("张小明", id("11010120100505008"), "张大明",
					id("11010119800505009"), "13800000000", "华纺易城", "110105", EntryLevel.PRIMARY, null)));
	}

	@Test
	void refusesAWrongIdNumber() {
		String valid = id("11010120100101001");
		String wrong = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GatedLookupRequest("张小明", wrong, "张大明", id("11010119800101002"), "13800000000",
					"门禁一号小区", DONGCHENG, EntryLevel.PRIMARY, null))
			.withMessageContaining("does not add up");
	}

	private static GatedLookupRequest request(String child, String guardian, String address) {
		return new GatedLookupRequest("张小明", child, "张大明", guardian, "13800000000", address, DONGCHENG,
				EntryLevel.PRIMARY, null);
	}

	private static String id(String first17) {
		return IdCardNumber.withCheckDigit(first17).value();
	}

}
