package org.ruxue.app.calendar;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Visitor;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The city administrator edits a year in the browser; nobody else may. */
@IntegrationTest
class CalendarAdminTest {

	private static final String PASSWORD = "calendar admin password";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	AuditTrail trail;

	@BeforeEach
	void accountsAndYear() {
		account("calendar-admin", Role.CITY_ADMIN, null);
		account("calendar-officer", Role.DISTRICT_OFFICER, "110101");
		Calendars.sourceYear2017(calendar);
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		HttpResponse<String> response = new Visitor(port).page("/admin/calendar");

		assertThat(response.uri().getPath()).isEqualTo("/login");
	}

	@Test
	void aDistrictOfficerMayNotEditTheCalendar() {
		Visitor officer = new Visitor(port);
		officer.signIn("calendar-officer", PASSWORD);

		HttpResponse<String> response = officer.page("/admin/calendar/2017");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("没有权限");
	}

	@Test
	void aTypoComesBackNextToItsFieldWithEverythingTypedKept() {
		Visitor admin = signedInAdmin();
		admin.page("/admin/calendar/2017");
		Map<String, String> form = formOf2017();
		form.put("closes[PRIMARY_COLLECTION]", "2017-05-3l");

		HttpResponse<String> response = admin.submit("/admin/calendar/2017", form);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("“2017-05-3l”不是有效日期", "value=\"2017-05-08\"");
		assertThat(calendar.window(2017, PhaseKind.PRIMARY_COLLECTION).orElseThrow().closesOn())
			.hasToString("2017-05-31");
	}

	@Test
	void savingMovesTheWindowAndGoesOnTheRecord() {
		Visitor admin = signedInAdmin();
		admin.page("/admin/calendar/2017");
		Map<String, String> form = formOf2017();
		form.put("closes[PRIMARY_COLLECTION]", "2017-06-02");

		HttpResponse<String> response = admin.submit("/admin/calendar/2017", form);

		assertThat(response.uri().getPath()).isEqualTo("/admin/calendar");
		assertThat(response.body()).contains("2017 年度的入学日历已保存");
		assertThat(calendar.window(2017, PhaseKind.PRIMARY_COLLECTION).orElseThrow().closesOn())
			.hasToString("2017-06-02");
		assertThat(trail.about("enrollment-year", "2017").getLast().actor()).isEqualTo("calendar-admin");
	}

	private Visitor signedInAdmin() {
		Visitor admin = new Visitor(port);
		admin.signIn("calendar-admin", PASSWORD);
		return admin;
	}

	private Map<String, String> formOf2017() {
		Map<String, String> form = new HashMap<>();
		form.put("version", String.valueOf(calendar.version(2017)));
		form.put("ageCutoff", "2011-08-31");
		for (PhaseWindow window : calendar.windows(2017)) {
			form.put("opens[" + window.kind() + "]", window.opensOn().toString());
			form.put("closes[" + window.kind() + "]", (window.closesOn() != null) ? window.closesOn().toString() : "");
		}
		form.put("zoningCutoffs", "110105=2017-06-30");
		return form;
	}

	private void account(String username, Role role, String district) {
		if (!accounts.exists(username)) {
			accounts.create(new NewAccount(username, username, role, district, null), PASSWORD, false, Actor.SYSTEM);
		}
	}

}
