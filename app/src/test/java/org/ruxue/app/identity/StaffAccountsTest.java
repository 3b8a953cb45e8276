package org.ruxue.app.identity;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Visitor;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level above creates staff accounts in the browser; the first sign-in sets a
 * password.
 */
@IntegrationTest
class StaffAccountsTest {

	static final String PASSWORD = "staff accounts test password";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCityCreatesADistrictOfficerWhoseFirstSignInSetsANewPassword() {
		Visitor admin = signedIn(account("sa-city", Role.CITY_ADMIN, null, null));
		admin.page("/staff/accounts");

		HttpResponse<String> created = admin.submit("/staff/accounts", Map.of("username", "sa-new-officer",
				"displayName", "东城区教委", "scope", "110101", "initialPassword", "handed over by phone"));

		assertThat(created.body()).contains("sa-new-officer", "首次登录时须修改密码");
		Visitor officer = new Visitor(port);
		HttpResponse<String> first = officer.signIn("sa-new-officer", "handed over by phone");
		assertThat(first.uri().getPath()).isEqualTo("/login/new-password");
		assertThat(officer.page("/staff/accounts").uri().getPath()).isEqualTo("/login");

		officer.page("/login/new-password");
		HttpResponse<String> weak = officer.submit("/login/new-password",
				Map.of("password", "password1234", "confirmation", "password1234"));
		assertThat(weak.body()).contains("这个密码太常见");

		HttpResponse<String> done = officer.submit("/login/new-password",
				Map.of("password", "my own district passphrase", "confirmation", "my own district passphrase"));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(officer.page("/account").body()).contains("区教委工作人员");
		assertThat(jdbc.sql("select password_hash from account where username = 'sa-new-officer'")
			.query(String.class)
			.single()).startsWith("{bcrypt}$2");
		assertThat(trail.latest(50)).anyMatch(e -> e.action().equals("identity.account.created")
				&& e.actor().equals("sa-city") && e.after().contains("sa-new-officer"));
	}

	@Test
	void aDistrictOfficerCreatesStaffOfItsOwnSchoolsOnly() {
		TestSchools.ensure(jdbc);
		Visitor officer = signedIn(account("sa-officer", Role.DISTRICT_OFFICER, "110101", null));
		HttpResponse<String> page = officer.page("/staff/accounts");
		assertThat(page.body()).contains(TestSchools.DONGCHENG).doesNotContain(TestSchools.XICHENG);
		String ownSchool = TestSchools.DONGCHENG;

		HttpResponse<String> created = officer.submit("/staff/accounts", Map.of("username", "sa-teacher", "displayName",
				"教务处", "scope", ownSchool, "initialPassword", "school staff first password"));
		assertThat(created.body()).contains("sa-teacher");

		officer.page("/staff/accounts");
		HttpResponse<String> foreign = officer.submit("/staff/accounts", Map.of("username", "sa-foreign", "displayName",
				"外区", "scope", otherDistrictSchool(), "initialPassword", "school staff first password"));
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(accounts.exists("sa-foreign")).isFalse();
	}

	@Test
	void aTakenUsernameComesBackNextToItsFieldWithEverythingTypedKept() {
		account("sa-taken", Role.DISTRICT_OFFICER, "110101", null);
		Visitor admin = signedIn(account("sa-city2", Role.CITY_ADMIN, null, null));
		admin.page("/staff/accounts");

		HttpResponse<String> again = admin.submit("/staff/accounts", Map.of("username", "sa-taken", "displayName",
				"重复的名字", "scope", "110101", "initialPassword", "handed over by phone"));

		assertThat(again.body()).contains("此用户名已被使用", "value=\"重复的名字\"");
	}

	@Test
	void schoolStaffAndFamiliesHaveNoStaffConsole() {
		Visitor teacher = signedIn(account("sa-school", Role.SCHOOL_STAFF, "110101", otherDistrictSchool()));

		assertThat(teacher.page("/staff/accounts").statusCode()).isEqualTo(403);
		assertThat(teacher.page("/staff/families").statusCode()).isEqualTo(403);
	}

	@Test
	void aPasswordChangeEndsEverySessionOfTheAccount() {
		String username = account("sa-two-devices", Role.DISTRICT_OFFICER, "110101", null);
		Visitor phone = signedIn(username);
		Visitor laptop = signedIn(username);
		assertThat(laptop.page("/account").uri().getPath()).isEqualTo("/account");

		phone.page("/account/password");
		HttpResponse<String> changed = phone.submit("/account/password", Map.of("current", PASSWORD, "password",
				"a brand new passphrase", "confirmation", "a brand new passphrase"));

		assertThat(changed.uri().getPath()).isEqualTo("/account");
		assertThat(changed.body()).contains("其他设备上的登录已全部退出");
		assertThat(laptop.page("/account").uri().getPath()).isEqualTo("/login");
		assertThat(new Visitor(port).signIn(username, "a brand new passphrase").uri().getPath()).isEqualTo("/");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndLaxAndChangesAtSignIn() throws Exception {
		String username = account("sa-cookies", Role.CITY_ADMIN, null, null);
		var cookies = new java.net.CookieManager();
		var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
		var login = http
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
				.build(), HttpResponse.BodyHandlers.ofString());
		String setCookie = String.join(";", login.headers().allValues("Set-Cookie"));
		assertThat(setCookie).contains("SESSION=", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		String before = session(cookies);
		var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
		assertThat(matcher.find()).isTrue();

		http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("username=" + username + "&password=" + PASSWORD.replace(' ', '+') + "&_csrf="
						+ java.net.URLEncoder.encode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(session(cookies)).isNotEqualTo(before);
	}

	private static String session(java.net.CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private String account(String username, Role role, String district, String school) {
		if (!accounts.exists(username)) {
			accounts.create(new NewAccount(username, username, role, district, school), PASSWORD, false, Actor.SYSTEM);
		}
		return username;
	}

	private Visitor signedIn(String username) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(username, PASSWORD);
		return visitor;
	}

	private String otherDistrictSchool() {
		TestSchools.ensure(jdbc);
		return TestSchools.XICHENG;
	}

}
