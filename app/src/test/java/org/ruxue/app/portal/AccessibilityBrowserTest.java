package org.ruxue.app.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import org.ruxue.app.Axe;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.ActivatedFamilies;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accessibility (issue 12): axe-core in the real headless Chromium over every page of
 * every role, against WCAG 2.0/2.1 A and AA; no serious or critical violation. The pages
 * come from the handler mapping like {@code AccessMatrixTest}'s endpoints: a GET mapping
 * that is neither visited here nor excluded with a reason fails the test, so a new page
 * cannot be forgotten.
 */
@IntegrationTest
class AccessibilityBrowserTest {

	private static final String DISTRICT = "110101";

	private static final String SCHOOL = "A11Y-TEST-DC1";

	private static final String PASSWORD = "accessibility browser password";

	enum Who {

		ANONYMOUS, FAMILY, DISTRICT_OFFICER, SCHOOL_STAFF, CITY_ADMIN

	}

	/** A page, the mapping it stands for, and who looks at it. */
	record Visit(Who who, String mapping, String path) {

	}

	static final List<Visit> VISITS = List.of(
			// anyone
			new Visit(Who.ANONYMOUS, "/", "/"), new Visit(Who.ANONYMOUS, "/help", "/help"),
			new Visit(Who.ANONYMOUS, "/login", "/login"),
			new Visit(Who.ANONYMOUS, "/family/activate", "/family/activate"),
			new Visit(Who.ANONYMOUS, "/family/reset", "/family/reset"), new Visit(Who.ANONYMOUS, "/zones", "/zones"),
			new Visit(Who.ANONYMOUS, "/zones", "/zones?district=110101&level=PRIMARY&q=%E6%99%AF%E5%B1%B1"),
			new Visit(Who.ANONYMOUS, "/zones/gated", "/zones/gated"), new Visit(Who.ANONYMOUS, "/primary", "/primary"),
			new Visit(Who.ANONYMOUS, "/permits", "/permits"),
			new Visit(Who.ANONYMOUS, "/high-school-opportunities", "/high-school-opportunities"),
			new Visit(Who.ANONYMOUS, "/high-school-opportunities/compare", "/high-school-opportunities/compare"),
			new Visit(Who.ANONYMOUS, "/lottery", "/lottery"),
			new Visit(Who.ANONYMOUS, "/lottery/statistics", "/lottery/statistics"),
			new Visit(Who.ANONYMOUS, "/error", "/no-such-page"),
			// a family
			new Visit(Who.FAMILY, "/junior", "/junior"),
			new Visit(Who.FAMILY, "/junior/preferences", "/junior/preferences"),
			new Visit(Who.FAMILY, "/junior/preferences/receipt", "/junior/preferences/receipt"),
			new Visit(Who.FAMILY, "/junior/result", "/junior/result"),
			new Visit(Who.FAMILY, "/junior/chances", "/junior/chances"),
			new Visit(Who.FAMILY, "/junior/path", "/junior/path"),
			new Visit(Who.FAMILY, "/primary/{district}/register", "/primary/" + DISTRICT + "/register"),
			new Visit(Who.FAMILY, "/primary/mine", "/primary/mine"),
			new Visit(Who.FAMILY, "/primary/result", "/primary/result"),
			new Visit(Who.FAMILY, "/permits/{district}/apply", "/permits/" + DISTRICT + "/apply"),
			new Visit(Who.FAMILY, "/inbox", "/inbox"), new Visit(Who.FAMILY, "/account", "/account"),
			new Visit(Who.FAMILY, "/account/password", "/account/password"),
			new Visit(Who.FAMILY, "/account/mobile", "/account/mobile"),
			// a district officer
			new Visit(Who.DISTRICT_OFFICER, "/district/primary", "/district/primary"),
			new Visit(Who.DISTRICT_OFFICER, "/district/primary/new", "/district/primary/new"),
			new Visit(Who.DISTRICT_OFFICER, "/district/students", "/district/students"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/corrections", "/district/junior/corrections"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/newly-arrived", "/district/junior/newly-arrived"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/routes", "/district/junior/routes"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/transfers", "/district/junior/transfers"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning", "/district/zoning?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/addresses",
					"/district/zoning/addresses?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/addresses/new",
					"/district/zoning/addresses/new?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/schools",
					"/district/zoning/schools?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/schools/new",
					"/district/zoning/schools/new?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/zones",
					"/district/zoning/zones?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/zones/new",
					"/district/zoning/zones/new?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/import",
					"/district/zoning/import?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/permits", "/district/permits"),
			new Visit(Who.DISTRICT_OFFICER, "/district/permits/settings", "/district/permits/settings"),
			new Visit(Who.DISTRICT_OFFICER, "/district/admission/overflow", "/district/admission/overflow"),
			new Visit(Who.DISTRICT_OFFICER, "/staff/accounts", "/staff/accounts"),
			new Visit(Who.DISTRICT_OFFICER, "/staff/families", "/staff/families"),
			// the search by the child's ID number leads to the family's account
			new Visit(Who.DISTRICT_OFFICER, "/staff/families/{id}", "/staff/families?q={child}"),
			new Visit(Who.DISTRICT_OFFICER, "/inbox", "/inbox"),
			new Visit(Who.DISTRICT_OFFICER, "/account", "/account"),
			// school staff
			new Visit(Who.SCHOOL_STAFF, "/school/forms", "/school/forms"),
			new Visit(Who.SCHOOL_STAFF, "/school/junior/corrections", "/school/junior/corrections"),
			new Visit(Who.SCHOOL_STAFF, "/school/junior/transfers", "/school/junior/transfers"),
			// the city
			new Visit(Who.CITY_ADMIN, "/admin/calendar", "/admin/calendar"),
			new Visit(Who.CITY_ADMIN, "/admin/calendar/{year}", "/admin/calendar/2017"),
			new Visit(Who.CITY_ADMIN, "/admin/audit", "/admin/audit"),
			new Visit(Who.CITY_ADMIN, "/admin/draws", "/admin/draws"),
			new Visit(Who.CITY_ADMIN, "/admin/registry", "/admin/registry"),
			new Visit(Who.CITY_ADMIN, "/admin/registry/handoff", "/admin/registry/handoff"),
			new Visit(Who.CITY_ADMIN, "/admin/registry/handoff/reconciliation",
					"/admin/registry/handoff/reconciliation"),
			new Visit(Who.CITY_ADMIN, "/admin/junior/batches", "/admin/junior/batches"),
			new Visit(Who.CITY_ADMIN, "/admin/junior/batches/{district}", "/admin/junior/batches/110117?year=2017"),
			new Visit(Who.CITY_ADMIN, "/admin/placement/estimates", "/admin/placement/estimates"),
			new Visit(Who.CITY_ADMIN, "/admin/high-school-opportunities", "/admin/high-school-opportunities"),
			new Visit(Who.CITY_ADMIN, "/admin/notifications/failures", "/admin/notifications/failures"));

	/** GET mappings that are not pages of their own, or need a record; and why. */
	static final Map<String, String> EXCLUDED = Map.ofEntries(Map.entry("/error/problem", "a JSON problem, not a page"),
			Map.entry("/login/new-password",
					"only for an account that must change its password; the same form as /account/password"),
			Map.entry("/dev/sms", "development aid, off in production"),
			Map.entry("/primary/mine/{id}",
					"a registration: PrimaryKeyboardBrowserTest checks it after its keyboard-only submission"),
			Map.entry("/primary/mine/{id}/cancel",
					"a registration's cancellation form: PrimaryKeyboardBrowserTest checks it"),
			Map.entry("/primary/mine/{id}/form.pdf", "a PDF"),
			Map.entry("/district/primary/{id}", "a registration under review: PrimaryKeyboardBrowserTest checks it"),
			Map.entry("/district/primary/export.xlsx", "a spreadsheet"),
			Map.entry("/district/students/{id}", "a student's record: needs a registry student"),
			Map.entry("/district/junior/corrections/{id}", "a correction request: needs one"),
			Map.entry("/district/junior/transfers/{id}", "a transfer request: needs one"),
			Map.entry("/district/permits/{id}", "a permit application: needs one"),
			Map.entry("/district/permits/scans/{id}", "an uploaded scan (an image)"),
			Map.entry("/permits/mine/{id}", "a family's permit application: needs one"),
			Map.entry("/permits/mine/scans/{id}", "an uploaded scan (an image)"),
			Map.entry("/district/zoning/addresses/{id}/edit", "an address's form: the same form as addresses/new"),
			Map.entry("/district/zoning/addresses/{id}/delete", "a confirmation for a record: needs an address"),
			Map.entry("/district/zoning/schools/{code}/edit", "a school's form: the same form as schools/new"),
			Map.entry("/district/zoning/schools/{code}/delete", "a confirmation for a record: needs a school"),
			Map.entry("/district/zoning/zones/{id}/edit", "a zone's form: the same form as zones/new"),
			Map.entry("/district/zoning/zones/{id}/delete", "a confirmation for a record: needs a zone"),
			Map.entry("/district/zoning/import/{id}", "an import's review: needs an uploaded file"),
			Map.entry("/district/zoning/import/{id}/progress", "an htmx fragment of the import's page"),
			Map.entry("/district/zoning/import/template/{kind}.{format}", "a spreadsheet or CSV template"),
			Map.entry("/school/junior/corrections/{id}", "a correction request: needs one"),
			Map.entry("/school/junior/transfers/{id}", "a transfer request: needs one"),
			Map.entry("/school/junior/transfers/{id}/form.pdf", "a PDF"),
			Map.entry("/school/junior/students/{id}/path", "a student's path: needs a registry student"),
			Map.entry("/staff/students/{id}/path", "a student's path: needs a registry student"),
			Map.entry("/admin/draws/{id}", "a draw: checked by placement.DrawBrowserTest"),
			Map.entry("/admin/draws/{id}/progress", "an htmx fragment of the draw's page"),
			Map.entry("/admin/results/{id}", "a published draw's corrections: checked by placement.DrawBrowserTest"),
			Map.entry("/admin/registry/import/{id}", "a graduates' import: needs an uploaded file"),
			Map.entry("/admin/registry/import/{id}/progress", "an htmx fragment of the import's page"),
			Map.entry("/admin/registry/handoff/export", "a spreadsheet"),
			Map.entry("/admin/registry/handoff/reconciliation.csv", "a CSV"),
			Map.entry("/admin/placement/estimates/progress", "an htmx fragment of the estimates' page"),
			Map.entry("/admin/high-school-opportunities/import/{id}", "an import's review: needs an uploaded file"),
			Map.entry("/admin/high-school-opportunities/import/{id}/progress", "an htmx fragment of the import's page"),
			Map.entry("/admin/high-school-opportunities/template.{format}", "a spreadsheet or CSV template"),
			Map.entry("/high-school-opportunities/{code}", "a school: needs imported opportunities"),
			Map.entry("/lottery/{id}", "a published draw's verification page: checked by placement.DrawBrowserTest"),
			Map.entry("/lottery/{id}/entropy.txt", "plain text"), Map.entry("/lottery/{id}/result.txt", "plain text"),
			Map.entry("/lottery/{id}/snapshot.txt", "plain text"),
			Map.entry("/lottery/{drawId}/statistics", "a published draw's statistics: needs a draw"),
			Map.entry("/lottery/{drawId}/statistics/{schoolCode}", "a school's statistics: needs a draw"),
			Map.entry("/lottery/{drawId}/statistics.csv", "a CSV"),
			Map.entry("/lottery/{drawId}/statistics.xlsx", "a spreadsheet"));

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	StaffAccounts staff;

	@Autowired
	FamilyAccounts families;

	@Autowired
	ActivatedFamilies activated;

	@Autowired
	RegisterEntries register;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	private static String familyChildId;

	private static final String FAMILY_CHILD = "无障碍检查";

	@BeforeEach
	void world() {
		Calendars.sourceYear2017(calendar);
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, '无障碍测试小学', ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").params(SCHOOL, DISTRICT).update();
		staffAccount("a11y-district", Role.DISTRICT_OFFICER, DISTRICT, null);
		staffAccount("a11y-school", Role.SCHOOL_STAFF, DISTRICT, SCHOOL);
		staffAccount("a11y-city", Role.CITY_ADMIN, null, null);
		if (familyChildId == null) {
			IdCardNumber child = register.newChildInDongcheng(FAMILY_CHILD);
			String mobile = String.format("136%08d", System.nanoTime() % 100_000_000L);
			AccountId account = families.provision(child, FAMILY_CHILD, null, new MobileNumber(mobile));
			activated.activate(account, mobile, PASSWORD);
			familyChildId = child.value();
		}
	}

	@Test
	void everyPageMappingIsCheckedOrExcludedWithAReason() {
		Set<String> pages = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (method.getBeanType().getPackageName().startsWith("org.ruxue") && !fromTestSources(method.getBeanType())
					&& (methods.isEmpty() || methods.contains(RequestMethod.GET))) {
				info.getPatternValues().stream().filter(p -> !p.startsWith("/api/")).forEach(pages::add);
			}
		});
		Set<String> visited = VISITS.stream().map(Visit::mapping).collect(Collectors.toSet());
		assertThat(pages.stream().filter(p -> !visited.contains(p) && !EXCLUDED.containsKey(p)))
			.as("GET pages neither checked by axe here nor excluded with a reason")
			.isEmpty();
		assertThat(visited.stream().filter(p -> !pages.contains(p))).as("checked pages that are not mapped").isEmpty();
		assertThat(EXCLUDED.keySet().stream().filter(p -> !pages.contains(p))).as("excluded pages that are not mapped")
			.isEmpty();
	}

	@Test
	void noPageOfAnyRoleHasASeriousOrCriticalViolationOfWcag21AA() {
		List<String> problems = new ArrayList<>();
		for (Who who : Who.values()) {
			WebDriver browser = signIn(who);
			for (Visit visit : VISITS) {
				if (visit.who() != who) {
					continue;
				}
				browser.get(url(visit.path().replace("{child}", familyChildId)));
				String landed = browser.getCurrentUrl();
				if (visit.path().contains("{child}") && landed.contains("?q=")) {
					problems.add(who + " " + visit.path() + ": the family was not found, its page not checked");
					continue;
				}
				if (who != Who.ANONYMOUS && landed.contains("/login")) {
					problems.add(who + " " + visit.path() + ": sent to sign in, not checked");
					continue;
				}
				for (String violation : Axe.seriousViolations(browser)) {
					problems.add(who + " " + visit.path() + ": " + violation);
				}
			}
		}
		assertThat(problems).as("serious or critical WCAG 2.1 AA violations, by page").isEmpty();
	}

	private WebDriver signIn(Who who) {
		return switch (who) {
			case ANONYMOUS -> Browser.get();
			case FAMILY -> Browser.signInAsFamily(url(""), familyChildId, FAMILY_CHILD, PASSWORD);
			case DISTRICT_OFFICER -> Browser.signInAsStaff(url(""), "a11y-district", PASSWORD);
			case SCHOOL_STAFF -> Browser.signInAsStaff(url(""), "a11y-school", PASSWORD);
			case CITY_ADMIN -> Browser.signInAsStaff(url(""), "a11y-city", PASSWORD);
		};
	}

	private void staffAccount(String username, Role role, String district, String school) {
		if (!staff.exists(username)) {
			staff.create(new NewAccount(username, username, role, district, school), PASSWORD, false, Actor.SYSTEM);
		}
	}

	private static boolean fromTestSources(Class<?> type) {
		return String.valueOf(type.getProtectionDomain().getCodeSource().getLocation()).contains("test-classes");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
