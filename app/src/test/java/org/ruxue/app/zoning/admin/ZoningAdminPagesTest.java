package org.ruxue.app.zoning.admin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Visitor;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.zoning.AddressView;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneCandidate;
import org.ruxue.app.zoning.ZoneLookup;
import org.ruxue.app.zoning.ZoneQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5: a district officer maintains schools, zones and addresses in the browser, each
 * change on the record and in the lookup; another district's officer is refused (R-P5,
 * R-Z1, R-Z4).
 */
@IntegrationTest
class ZoningAdminPagesTest {

	private static final String PASSWORD = "zoning pages officer";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	Schools schools;

	@Autowired
	ServiceZones zones;

	@Autowired
	ZoneLookup lookup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.ruxue.app.audit.AuditTrail trail;

	@BeforeEach
	void officers() {
		Calendars.sourceYear2017(calendar);
		for (String[] officer : List.of(new String[] { "zp-chaoyang", "110105" },
				new String[] { "zp-dongcheng", "110101" })) {
			if (!staff.exists(officer[0])) {
				staff.create(new NewAccount(officer[0], officer[0], Role.DISTRICT_OFFICER, officer[1], null), PASSWORD,
						false, Actor.SYSTEM);
			}
		}
	}

	@Test
	void anOfficerAddsASchoolAZoneAndAnAddressThenDeletesTheAddressAfterConfirming() {
		Visitor officer = signedIn("zp-chaoyang");

		officer.page("/district/zoning/schools/new");
		var saved = officer.submit("/district/zoning/schools?district=110105", Map.of("code", "110105-W001", "name",
				"北京市朝阳区页面测试小学", "level", "PRIMARY", "ownership", "public", "address", "朝阳区页面路1号", "seats", "90"));
		assertThat(saved.body()).contains("已保存", "北京市朝阳区页面测试小学");

		var invalid = officer.submit("/district/zoning/schools?district=110105", Map.of("code", "bad code!", "name", "",
				"level", "PRIMARY", "ownership", "public", "address", "x", "seats", "0"));
		assertThat(invalid.body()).contains("学校代码为 1 到 64 位", "请填写学校名称", "每年学位数应为 1 到 10000");

		officer.page("/district/zoning/zones/new?year=2017");
		assertThat(
				officer
					.submit("/district/zoning/zones?district=110105&year=2017",
							Map.of("level", "PRIMARY", "name", "页面测试片", "schoolCode", "110105-W001",
									"lotterySchoolCodes", ""))
					.body())
			.contains("页面测试片");

		officer.page("/district/zoning/addresses/new?year=2017");
		assertThat(officer
			.submit("/district/zoning/addresses?district=110105&year=2017", Map.of("level", "PRIMARY", "zoneName",
					"页面测试片", "standardText", "页面测试嘉园", "building", "", "aliases", "页面路9号院"))
			.body()).contains("页面测试嘉园", "页面路9号院");
		assertThat(lookUp("朝阳区页面路9号院")).extracting(ZoneCandidate::address).contains("页面测试嘉园");
		assertThat(audited("zoning.zone-address.saved")).isPositive();

		AddressView address = zones.addresses("110105", 2017, "页面测试嘉园", 1, 10).items().getFirst();
		assertThat(officer.page("/district/zoning/addresses/" + address.id() + "/delete").body()).contains("确认删除",
				"页面测试嘉园");
		assertThat(zones.address(address.id())).as("nothing is deleted before the confirmation").isPresent();
		officer.submit("/district/zoning/addresses/" + address.id() + "/delete", Map.of());
		assertThat(zones.address(address.id())).isEmpty();
		assertThat(lookUp("朝阳区页面路9号院")).extracting(ZoneCandidate::address).doesNotContain("页面测试嘉园");
		assertThat(audited("zoning.zone-address.deleted")).isPositive();

		officer.page("/district/zoning/schools");
		var refused = officer.submit("/district/zoning/schools/110105-W001/delete", Map.of());
		assertThat(refused.body()).contains("仍是 1 个服务片的对口或派位学校");
		assertThat(schools.byCode("110105-W001")).isPresent();
	}

	@Test
	void anOfficerSetsTheDistrictsCutoffAndSixYearRule() {
		Visitor officer = signedIn("zp-chaoyang");
		officer.page("/district/zoning?year=2017");

		var saved = officer.submit("/district/zoning/settings?district=110105&year=2017",
				Map.of("contactOffice", "朝阳区教育委员会招生考试办公室", "contactPhone", "010-00000000", "placeRule", "true",
						"placeIntervalYears", "6", "cutoff", "2017-06-30"));

		assertThat(saved.body()).contains("已保存");
		assertThat(calendar.rules(2017).orElseThrow().zoningCutoff("110105"))
			.hasValue(java.time.LocalDate.of(2017, 6, 30));
		assertThat(zones.settings("110105").placeIntervalYears()).isEqualTo(6);
		var wrong = officer.submit("/district/zoning/settings?district=110105&year=2017",
				Map.of("contactOffice", "", "contactPhone", "", "cutoff", "30.06.2017"));
		assertThat(wrong.body()).contains("日期请按 2017-06-30 的格式填写");
	}

	@Test
	void anOfficerOfAnotherDistrictIsRefused() {
		Visitor officer = signedIn("zp-dongcheng");

		assertThat(officer.page("/district/zoning/schools?district=110105").statusCode()).isEqualTo(403);
		assertThat(officer.page("/district/zoning/import?district=110105").statusCode()).isEqualTo(403);
		assertThat(officer.page("/district/zoning/schools").body()).contains("东城区");
		String chaoyangSchool = jdbc.sql("select code from school where district_code = '110105' limit 1")
			.query(String.class)
			.optional()
			.orElse(null);
		if (chaoyangSchool != null) {
			assertThat(officer.page("/district/zoning/schools/" + chaoyangSchool + "/edit").statusCode())
				.isEqualTo(403);
		}
		assertThat(new Visitor(port).page("/district/zoning").body()).contains("password");
	}

	private Visitor signedIn(String username) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(username, PASSWORD);
		return visitor;
	}

	private List<ZoneCandidate> lookUp(String address) {
		return lookup.lookup(new ZoneQuery(address, "110105", null, null, 2017)).candidates();
	}

	private long audited(String action) {
		trail.seal();
		return jdbc.sql("select count(*) from audit_entry where action = ?").param(action).query(Long.class).single();
	}

}
