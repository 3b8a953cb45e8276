package org.ruxue.app.identity;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Visitor;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Families activate, sign in, reset and change their mobile (R-G2, R-G5, R-G6, R-P11).
 */
@IntegrationTest
class FamilyAccountsTest {

	static final String FAMILY_PASSWORD = "our family passphrase";

	@LocalServerPort
	int port;

	@Autowired
	RegisterEntries register;

	@Autowired
	FamilyAccounts families;

	@Autowired
	StaffAccounts staff;

	@Autowired
	SentCodes phone;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPrimaryEntryFamilyActivatesWithTheChildsIdNumberAndNameThenSignsIn() {
		IdCardNumber child = register.newChildInDongcheng("李小明");
		String mobile = Mobiles.fresh();

		activate(child.value(), "李小明", mobile);

		Visitor parent = new Visitor(port);
		parent.page("/login");
		HttpResponse<String> signedIn = parent.submit("/login/family",
				Map.of("identifier", child.value(), "childName", "李小明", "password", FAMILY_PASSWORD));
		assertThat(signedIn.uri().getPath()).isEqualTo("/account");
		assertThat(signedIn.body()).contains(child.masked(), new MobileNumber(mobile).masked())
			.doesNotContain(child.value());
		assertThat(phone.notices())
			.anyMatch(n -> n instanceof FamilyAccountActivated a && a.mobile().value().equals(mobile)
					&& a.messages().get(0).templateKey().equals("notification.account-activated"));
	}

	@Test
	void theIdNumberIsSealedAtRestAndFoundByItsKeyedHash() {
		IdCardNumber child = register.newChildInDongcheng("赵一");
		activate(child.value(), "赵一", Mobiles.fresh());

		byte[] row = jdbc.sql("""
				select f.child_id_sealed from family_account f where f.child_name = '赵一'
				""").query(byte[].class).single();
		assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain(child.value().substring(6, 14));
		assertThat(jdbc.sql("select count(*) from family_account where child_id_hash is not null and child_name = '赵一'")
			.query(Long.class)
			.single()).isOne();
		assertThat(families.find(child.value())).isPresent();
	}

	@Test
	void aNameTheRegisterDoesNotHoldIsRefusedAndNothingIsSent() {
		IdCardNumber child = register.newChildInDongcheng("王小红");
		String mobile = Mobiles.fresh();
		Visitor family = new Visitor(port);
		family.page("/family/activate");

		HttpResponse<String> refused = family.submit("/family/activate",
				Map.of("identifier", child.value(), "childName", "王小虹", "mobile", mobile));

		assertThat(refused.body()).contains("证件号与姓名不符", "value=\"王小虹\"", "value=\"" + mobile + "\"");
		assertThat(phone.codeSentTo(mobile)).isFalse();
	}

	@Test
	void signInFailsWithTheSameMessageForAWrongNameAWrongPasswordAndNoAccount() {
		IdCardNumber child = register.newChildInDongcheng("孙悟");
		activate(child.value(), "孙悟", Mobiles.fresh());

		String wrongName = familySignIn(child.value(), "孙空", FAMILY_PASSWORD);
		String wrongPassword = familySignIn(child.value(), "孙悟", "not our family passphrase");
		String noAccount = familySignIn("G9999999999", "孙悟", FAMILY_PASSWORD);

		for (String body : new String[] { wrongName, wrongPassword, noAccount }) {
			assertThat(body).contains("登录信息不正确，或尝试次数过多");
		}
	}

	@Test
	void aJuniorEntryFamilyProvisionedFromTheRegistryActivatesWithTheEducationIdByCodeToItsRegisteredMobile() {
		IdCardNumber child = register.newChildInDongcheng("周杰");
		String registered = Mobiles.fresh();
		families.provision(child, "周杰", null, new MobileNumber(registered));
		families.assignEducationId(child, "g" + child.value(), Actor.SYSTEM);

		Visitor family = new Visitor(port);
		family.page("/family/activate");
		HttpResponse<String> sent = family.submit("/family/activate",
				Map.of("identifier", "G" + child.value(), "childName", "周杰", "mobile", ""));
		assertThat(sent.body()).contains(new MobileNumber(registered).masked());
		family.submit("/family/activate/confirm", Map.of("code", phone.lastCodeTo(registered), "password",
				FAMILY_PASSWORD, "confirmation", FAMILY_PASSWORD));

		assertThat(familySignInPath("G" + child.value(), "周杰", FAMILY_PASSWORD)).isEqualTo("/account");
	}

	@Test
	void aWrongCodeComesBackNextToItsFieldAndTheRightOneStillWorks() {
		IdCardNumber child = register.newChildInDongcheng("钱多");
		String mobile = Mobiles.fresh();
		Visitor family = new Visitor(port);
		family.page("/family/activate");
		family.submit("/family/activate", Map.of("identifier", child.value(), "childName", "钱多", "mobile", mobile));
		String code = phone.lastCodeTo(mobile);
		String wrong = code.equals("000000") ? "111111" : "000000";

		HttpResponse<String> refused = family.submit("/family/activate/confirm",
				Map.of("code", wrong, "password", FAMILY_PASSWORD, "confirmation", FAMILY_PASSWORD));
		assertThat(refused.body()).contains("验证码不正确");

		HttpResponse<String> done = family.submit("/family/activate/confirm",
				Map.of("code", code, "password", FAMILY_PASSWORD, "confirmation", FAMILY_PASSWORD));
		assertThat(done.uri().getPath()).isEqualTo("/login");
	}

	@Test
	void aFamilyResetsItsPasswordByCodeToTheRegisteredMobile() {
		IdCardNumber child = register.newChildInDongcheng("吴忘");
		String mobile = Mobiles.fresh();
		activate(child.value(), "吴忘", mobile);
		aMinuteLater(mobile);
		Visitor family = new Visitor(port);
		family.page("/family/reset");

		HttpResponse<String> sent = family.submit("/family/reset",
				Map.of("identifier", child.value(), "childName", "吴忘"));
		Visitor stranger = new Visitor(port);
		stranger.page("/family/reset");
		HttpResponse<String> unknown = stranger.submit("/family/reset",
				Map.of("identifier", "G0000000000", "childName", "吴忘"));
		assertThat(sent.body()).contains("如果信息与已激活的账户相符");
		assertThat(unknown.body()).contains("如果信息与已激活的账户相符");

		family.submit("/family/reset/confirm", Map.of("code", phone.lastCodeTo(mobile), "password",
				"a newly remembered phrase", "confirmation", "a newly remembered phrase"));

		assertThat(familySignInPath(child.value(), "吴忘", "a newly remembered phrase")).isEqualTo("/account");
	}

	@Test
	void theDistrictResetsAFamilysPasswordOnTheRecordAndTheFamilyIsTold() {
		IdCardNumber child = register.newChildInDongcheng("郑重");
		String mobile = Mobiles.fresh();
		activate(child.value(), "郑重", mobile);
		AccountId id = families.find(child.value()).orElseThrow().id();
		staff.create(new NewAccount("fa-officer", "东城区教委", Role.DISTRICT_OFFICER, "110101", null),
				StaffAccountsTest.PASSWORD, false, Actor.SYSTEM);
		Visitor officer = new Visitor(port);
		officer.signIn("fa-officer", StaffAccountsTest.PASSWORD);

		HttpResponse<String> found = officer.page("/staff/families?q=" + child.value());
		assertThat(found.uri().getPath()).isEqualTo("/staff/families/" + id.value());
		assertThat(found.body()).contains(child.masked()).doesNotContain(child.value());
		HttpResponse<String> reset = officer.submit("/staff/families/" + id.value() + "/password-reset", Map.of());
		String temporary = reset.body().replaceAll("(?s).*id=\"temporary-password\"[^>]*>([a-z0-9]+)<.*", "$1");

		assertThat(temporary).hasSize(16);
		assertThat(familySignInPath(child.value(), "郑重", FAMILY_PASSWORD)).isEqualTo("/login/family");
		assertThat(familySignInPath(child.value(), "郑重", temporary)).isEqualTo("/login/new-password");
		assertThat(trail.about("account", id.value().toString())).extracting(e -> e.action())
			.contains("identity.family.opened", "identity.family.password-reset-by-district");
		assertThat(phone.notices())
			.anyMatch(n -> n instanceof FamilyPasswordResetByDistrict r && r.mobile().value().equals(mobile));
	}

	@Test
	void anotherDistrictDoesNotFindTheFamily() {
		IdCardNumber child = register.newChildInDongcheng("冯远");
		activate(child.value(), "冯远", Mobiles.fresh());
		AccountId id = families.find(child.value()).orElseThrow().id();
		staff.create(new NewAccount("fa-xicheng", "西城区教委", Role.DISTRICT_OFFICER, "110102", null),
				StaffAccountsTest.PASSWORD, false, Actor.SYSTEM);
		Visitor officer = new Visitor(port);
		officer.signIn("fa-xicheng", StaffAccountsTest.PASSWORD);

		assertThat(officer.page("/staff/families?q=" + child.value()).body()).contains("本区没有这个孩子的账户");
		HttpResponse<String> direct = officer.page("/staff/families/" + id.value());
		assertThat(direct.statusCode()).isEqualTo(403);
		assertThat(direct.body()).doesNotContain("冯远", child.masked());
	}

	@Test
	void changingTheRegisteredMobileProvesTheOldNumberAndTellsIt() {
		IdCardNumber child = register.newChildInDongcheng("陈旧");
		String old = Mobiles.fresh();
		String next = Mobiles.fresh();
		activate(child.value(), "陈旧", old);
		aMinuteLater(old);
		Visitor parent = new Visitor(port);
		parent.page("/login");
		parent.submit("/login/family",
				Map.of("identifier", child.value(), "childName", "陈旧", "password", FAMILY_PASSWORD));
		parent.page("/account/mobile");

		parent.submit("/account/mobile", Map.of("mobile", next));
		assertThat(phone.codeSentTo(next)).isFalse();
		HttpResponse<String> oldProven = parent.submit("/account/mobile/confirm",
				Map.of("code", phone.lastCodeTo(old)));
		assertThat(oldProven.body()).contains(new MobileNumber(next).masked());
		assertThat(families.find(child.value()).orElseThrow().mobile().value()).isEqualTo(old);
		HttpResponse<String> changed = parent.submit("/account/mobile/confirm", Map.of("code", phone.lastCodeTo(next)));

		assertThat(changed.body()).contains(new MobileNumber(next).masked());
		assertThat(phone.notices())
			.anyMatch(n -> n instanceof RegisteredMobileChanged c && c.messages().get(0).mobile().equals(old)
					&& c.messages().get(0).arguments().equals(java.util.List.of(new MobileNumber(next).masked())));
	}

	@Test
	void theRegisterIsNoOracleForNamesTenChecksADayPerChild() {
		IdCardNumber child = register.newChildInDongcheng("卫兵");
		for (int i = 0; i < 10; i++) {
			assertThat(families.startActivation(child.value(), "猜名" + i, Mobiles.fresh(), "10.2.0." + i).step())
				.isEqualTo(FamilyAccounts.Step.NO_MATCH);
		}

		assertThat(families.startActivation(child.value(), "卫兵", Mobiles.fresh(), "10.2.0.99").step())
			.isEqualTo(FamilyAccounts.Step.IP_LIMIT);
		assertThat(jdbc.sql("select count(*) from attempt_limit where key like ?")
			.param("%" + child.value() + "%")
			.query(Long.class)
			.single()).isZero();
	}

	/** The clock stands still in tests: the last code to the number goes back in time. */
	private void aMinuteLater(String mobile) {
		jdbc.sql("update sms_code set sent_at = sent_at - interval '61 seconds' where mobile = ?")
			.param(mobile)
			.update();
	}

	private void activate(String identifier, String name, String mobile) {
		Visitor family = new Visitor(port);
		family.page("/family/activate");
		HttpResponse<String> sent = family.submit("/family/activate",
				Map.of("identifier", identifier, "childName", name, "mobile", mobile));
		assertThat(sent.body()).contains(new MobileNumber(mobile).masked());
		HttpResponse<String> done = family.submit("/family/activate/confirm",
				Map.of("code", phone.lastCodeTo(mobile), "password", FAMILY_PASSWORD, "confirmation", FAMILY_PASSWORD));
		assertThat(done.uri().getPath()).isEqualTo("/login");
	}

	private String familySignIn(String identifier, String name, String password) {
		Visitor parent = new Visitor(port);
		parent.page("/login");
		return parent.submit("/login/family", Map.of("identifier", identifier, "childName", name, "password", password))
			.body();
	}

	private String familySignInPath(String identifier, String name, String password) {
		Visitor parent = new Visitor(port);
		parent.page("/login");
		return parent.submit("/login/family", Map.of("identifier", identifier, "childName", name, "password", password))
			.uri()
			.getPath();
	}

}
