package org.ruxue.app.placement;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.admission.AdmissionRefused;
import org.ruxue.app.admission.Admissions;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.primary.PrimaryRegistrations;
import org.ruxue.app.primary.RegistrationId;
import org.ruxue.app.primary.RegistrationRefused;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.TieBreaking;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Primary entry's placement (R-Z4, R-P5): a single-school zone admits by priority
 * category and the lottery orders children within one; a multi-school zone's children are
 * drawn among its schools by the same engine; whom no zone school could seat the district
 * allocates to a school with free seats, recorded as such. After the freeze no review
 * changes who is in the draw.
 */
@IntegrationTest
class PrimaryPlacementTest {

	static final int YEAR = 2019;

	static final String DISTRICT = "110102";

	static final SignedIn OFFICER = new SignedIn(AccountId.random(), "pl-officer", "西城区教委", Role.DISTRICT_OFFICER,
			DISTRICT, null);

	@Autowired
	PlacementFixtures fixtures;

	@Autowired
	Draws draws;

	@Autowired
	Admissions admissions;

	@Autowired
	PrimaryRegistrations registrations;

	@Autowired
	SealedIdNumbers sealed;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheSuitesDay() {
		fixtures.resetClock();
	}

	@Test
	void rZ4_zonesAdmitByCategoryTheLotteryOrdersWithinOneAndTheDistrictPlacesTheRest() {
		fixtures.year(YEAR);
		String single = "PL" + YEAR + "S1";
		String multiA = "PL" + YEAR + "M1";
		String multiB = "PL" + YEAR + "M2";
		String spare = "PL" + YEAR + "F1";
		fixtures.school(single, "派位测试单校划片小学", DISTRICT, "PRIMARY", 2);
		fixtures.school(multiA, "派位测试多校划片甲小学", DISTRICT, "PRIMARY", 1);
		fixtures.school(multiB, "派位测试多校划片乙小学", DISTRICT, "PRIMARY", 1);
		fixtures.school(spare, "派位测试有余位小学", DISTRICT, "PRIMARY", 1);
		fixtures.at(YEAR, 5, 20, 9);
		RegistrationId firstA = registration("单校甲", List.of(single), 1);
		RegistrationId firstB = registration("单校乙", List.of(single), 1);
		RegistrationId second = registration("单校丙", List.of(single), 2);
		RegistrationId third = registration("单校丁", List.of(single), 3);
		RegistrationId m1 = registration("多校甲", List.of(multiA, multiB), 1);
		RegistrationId m2 = registration("多校乙", List.of(multiA, multiB), 1);
		RegistrationId m3 = registration("多校丙", List.of(multiA, multiB), 1);

		fixtures.at(YEAR, 7, 5, 8);
		LotteryDraw frozen = draws.freeze(new Draws.FreezeRequest(EntryLevel.PRIMARY, YEAR, DISTRICT,
				Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE, LocalDate.of(YEAR, 7, 5), "公证员现场摇号"),
				PlacementFixtures.CITY);
		String snapshot = new String(draws.snapshotBytes(frozen.id()), StandardCharsets.UTF_8);
		assertThat(frozen.students()).isEqualTo(7);
		assertThat(snapshot).contains("school " + single + " 2\n")
			.contains(lotteryId(frozen, second) + " " + single + ":1\n")
			.contains(lotteryId(frozen, third) + " " + single + ":2\n")
			.contains(lotteryId(frozen, m1) + " " + multiA + ":0 " + multiB + ":0\n")
			.doesNotContain("单校");

		// after the freeze the district's review changes nothing that is in the draw
		assertThatThrownBy(() -> registrations.cancel(third, 0, "家长要求撤销", OFFICER))
			.isInstanceOf(RegistrationRefused.class)
			.satisfies(ex -> assertThat(((RegistrationRefused) ex).problems())
				.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("primary.error.frozen")));

		draws.draw(frozen.id(), "2019-07-05 07 19 23", PlacementFixtures.CITY, n -> {
		});
		fixtures.at(YEAR, 7, 6, 9);
		draws.publish(frozen.id(), PlacementFixtures.CITY);

		// category first: both category-1 children hold the single school's two seats
		assertThat(placedAt(frozen, firstA)).isEqualTo(single);
		assertThat(placedAt(frozen, firstB)).isEqualTo(single);
		assertThat(placedAt(frozen, second)).isNull();
		assertThat(placedAt(frozen, third)).isNull();
		// the lottery shares the multi-school zone's two seats among its three children
		List<String> multi = java.util.stream.Stream.of(m1, m2, m3).map(r -> placedAt(frozen, r)).toList();
		assertThat(multi).containsOnlyOnce(multiA).containsOnlyOnce(multiB).containsOnlyOnce((String) null);

		// the district places the overflow at a school with free seats, once, as such
		var waiting = admissions.overflow(OFFICER);
		assertThat(waiting).extracting(Admissions.Overflow::lotteryId)
			.contains(lotteryId(frozen, second), lotteryId(frozen, third));
		assertThat(waiting).allSatisfy(w -> assertThat(w.maskedName()).contains("*"));
		admissions.allocate(frozen.id(), lotteryId(frozen, second), spare, null, OFFICER);
		assertThatThrownBy(() -> admissions.allocate(frozen.id(), lotteryId(frozen, third), spare, null, OFFICER))
			.isInstanceOf(AdmissionRefused.class)
			.hasMessage("admission.error.no-seat");
		assertThatThrownBy(() -> admissions.allocate(frozen.id(), lotteryId(frozen, second), single, null, OFFICER))
			.isInstanceOf(AdmissionRefused.class)
			.hasMessage("admission.error.not-overflow");
		assertThatThrownBy(() -> admissions.allocate(frozen.id(), lotteryId(frozen, firstA), spare, null, OFFICER))
			.isInstanceOf(AdmissionRefused.class)
			.hasMessage("admission.error.not-overflow");
		assertThat(admissions.decisions(frozen.id(), lotteryId(frozen, second))).singleElement()
			.satisfies(d -> assertThat(d.schoolCode()).isEqualTo(spare));
		assertThat(admissions.overflow(OFFICER)).extracting(Admissions.Overflow::lotteryId)
			.doesNotContain(lotteryId(frozen, second))
			.contains(lotteryId(frozen, third));

		// the placed and the allocated are handed to the registry; the others are not
		assertThat(jdbc.sql("select count(*) from registry_handoff where year = ? and level = 'PRIMARY'")
			.param(YEAR)
			.query(Long.class)
			.single()).isEqualTo(5);
		// families without an account are told at the guardian's mobile
		assertThat(jdbc
			.sql("select count(*) from notification_message where template_key like 'admission.sms.%' "
					+ "and mobile like '135%' and inbox_owner is null")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(8);
	}

	private String lotteryId(LotteryDraw draw, RegistrationId registration) {
		return draws.ofRegistration(registration)
			.stream()
			.filter(e -> e.draw().id().equals(draw.id()))
			.findFirst()
			.orElseThrow()
			.entrant()
			.lotteryId();
	}

	private String placedAt(LotteryDraw draw, RegistrationId registration) {
		return draws.outcome(draw.id(), lotteryId(draw, registration)).orElseThrow().schoolCode();
	}

	private static int next = (int) (System.nanoTime() % 9000);

	/** An approved, verified registration as the primary module stores one. */
	private RegistrationId registration(String name, List<String> zoneSchools, int category) {
		int n = ++next;
		IdCardNumber child = IdCardNumber
			.withCheckDigit(DISTRICT + "20120" + (1 + n % 8) + "1" + (n % 10) + String.format("%03d", n % 1000));
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(java.time.Instant.now());
		jdbc.sql("""
				insert into primary_registration (id, number, year, district_code, registered_by, idempotency_key,
				  child_id_hash, child_id_sealed, child_name, sex, birth_date, hukou_type, hukou_district_code,
				  hukou_address, home_tenure, residence_address, zone_name, zone_schools, zoning_rule, home_key,
				  category_position, category_label, category_inputs, status, verification, verify_after, form_code,
				  submitted_at, changed_at)
				values (?, ?, ?, ?, 'DISTRICT', ?, ?, ?, ?, ?, ?, 'BEIJING', ?, '西城区测试胡同1号', 'RENTED',
				  '西城区测试胡同1号', ?, ?, 'R-P5', ?, ?, ?, '测试', 'APPROVED', 'VERIFIED', ?, ?, ?, ?)
				""")
			.params(id, "PL" + YEAR + "-" + n, YEAR, DISTRICT, UUID.randomUUID(), sealed.lookupHash(child),
					sealed.seal(child), name, child.isMale() ? "MALE" : "FEMALE", child.birthDate(), DISTRICT,
					(zoneSchools.size() > 1) ? "多校划片" : "单校划片", String.join(",", zoneSchools), "home-" + n, category,
					"类别" + category, now, String.format("P%03d-%04d", n % 1000, n % 10000), now, now)
			.update();
		jdbc.sql("""
				insert into primary_guardian (registration_id, position, name, relation, id_sealed, mobile)
				values (?, 1, '家长', 'FATHER', ?, ?)
				""").params(id, sealed.seal(child), "135" + String.format("%08d", n)).update();
		return new RegistrationId(id);
	}

}
