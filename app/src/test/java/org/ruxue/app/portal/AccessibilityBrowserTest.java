package org.ruxue.app.portal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ruxue.app.Axe;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.ActivatedFamilies;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.junior.Confirmations;
import org.ruxue.app.junior.NewlyArrived;
import org.ruxue.app.junior.NewlyArrivedForm;
import org.ruxue.app.junior.TransferFixtures;
import org.ruxue.app.opportunity.JuniorHighFigures;
import org.ruxue.app.permits.PermitApplication;
import org.ruxue.app.permits.PermitApplications;
import org.ruxue.app.permits.PermitFixtures;
import org.ruxue.app.placement.DrawnDistricts;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;
import org.ruxue.app.primary.PrimaryFixtures;
import org.ruxue.app.primary.PrimaryRegistrations;
import org.ruxue.app.registry.Student;

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
 * cannot be forgotten. Pages of a single record are visited with records their modules'
 * fixtures make once per run; only what is not a page (a file, a fragment, JSON) is
 * excluded. Every page is looked at in a phone's window and in a desktop's.
 */
@IntegrationTest
class AccessibilityBrowserTest {

	private static final String DISTRICT = "110101";

	private static final String SCHOOL = TransferFixtures.SCHOOL;

	private static final String PASSWORD = "accessibility browser password";

	enum Who {

		ANONYMOUS, FAMILY, DISTRICT_OFFICER, SCHOOL_STAFF, CITY_ADMIN,

		/** A staff account's first sign-in, which must set a new password. */
		NEW_STAFF

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
			// the texts the log gateway "sent", in the demo and the tests
			new Visit(Who.ANONYMOUS, "/dev/sms", "/dev/sms"),
			new Visit(Who.ANONYMOUS, "/lottery/{id}", "/lottery/{draw}"),
			new Visit(Who.ANONYMOUS, "/lottery/{drawId}/statistics", "/lottery/{draw}/statistics"),
			new Visit(Who.ANONYMOUS, "/lottery/{drawId}/statistics/{schoolCode}",
					"/lottery/{draw}/statistics/{draw-school}"),
			new Visit(Who.ANONYMOUS, "/high-school-opportunities/{code}", "/high-school-opportunities/{junior-high}"),
			// a family
			new Visit(Who.FAMILY, "/junior", "/junior"),
			new Visit(Who.FAMILY, "/junior/preferences", "/junior/preferences"),
			new Visit(Who.FAMILY, "/junior/preferences/receipt", "/junior/preferences/receipt"),
			new Visit(Who.FAMILY, "/junior/result", "/junior/result"),
			new Visit(Who.FAMILY, "/junior/chances", "/junior/chances"),
			new Visit(Who.FAMILY, "/junior/path", "/junior/path"),
			new Visit(Who.FAMILY, "/primary/{district}/register", "/primary/" + DISTRICT + "/register"),
			new Visit(Who.FAMILY, "/primary/mine", "/primary/mine"),
			new Visit(Who.FAMILY, "/primary/mine/{id}", "/primary/mine/{registration}"),
			new Visit(Who.FAMILY, "/primary/mine/{id}/cancel", "/primary/mine/{registration}/cancel"),
			new Visit(Who.FAMILY, "/permits/mine/{id}", "/permits/mine/{permit}"),
			new Visit(Who.FAMILY, "/primary/result", "/primary/result"),
			new Visit(Who.FAMILY, "/permits/{district}/apply", "/permits/" + DISTRICT + "/apply"),
			new Visit(Who.FAMILY, "/inbox", "/inbox"), new Visit(Who.FAMILY, "/account", "/account"),
			new Visit(Who.FAMILY, "/account/password", "/account/password"),
			new Visit(Who.FAMILY, "/account/mobile", "/account/mobile"),
			// a district officer
			new Visit(Who.DISTRICT_OFFICER, "/district/primary", "/district/primary"),
			new Visit(Who.DISTRICT_OFFICER, "/district/primary/{id}", "/district/primary/{registration}"),
			new Visit(Who.DISTRICT_OFFICER, "/district/primary/new", "/district/primary/new"),
			new Visit(Who.DISTRICT_OFFICER, "/district/students", "/district/students"),
			new Visit(Who.DISTRICT_OFFICER, "/district/students/{id}", "/district/students/{student}"),
			new Visit(Who.DISTRICT_OFFICER, "/staff/students/{id}/path", "/staff/students/{student}/path"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/corrections", "/district/junior/corrections"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/corrections/{id}",
					"/district/junior/corrections/{district-report}"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/newly-arrived", "/district/junior/newly-arrived"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/routes", "/district/junior/routes"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/transfers", "/district/junior/transfers"),
			new Visit(Who.DISTRICT_OFFICER, "/district/junior/transfers/{id}",
					"/district/junior/transfers/{district-transfer}"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning", "/district/zoning?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/addresses",
					"/district/zoning/addresses?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/addresses/new",
					"/district/zoning/addresses/new?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/addresses/{id}/edit",
					"/district/zoning/addresses/{address}/edit"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/addresses/{id}/delete",
					"/district/zoning/addresses/{address}/delete"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/schools",
					"/district/zoning/schools?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/schools/new",
					"/district/zoning/schools/new?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/schools/{code}/edit",
					"/district/zoning/schools/{school}/edit"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/schools/{code}/delete",
					"/district/zoning/schools/{school}/delete"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/zones",
					"/district/zoning/zones?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/zones/new",
					"/district/zoning/zones/new?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/zones/{id}/edit", "/district/zoning/zones/{zone}/edit"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/zones/{id}/delete",
					"/district/zoning/zones/{zone}/delete"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/import",
					"/district/zoning/import?district=110101&year=2017"),
			new Visit(Who.DISTRICT_OFFICER, "/district/zoning/import/{id}", "{zoning-import}"),
			new Visit(Who.DISTRICT_OFFICER, "/district/permits", "/district/permits"),
			new Visit(Who.DISTRICT_OFFICER, "/district/permits/{id}", "/district/permits/{permit}"),
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
			new Visit(Who.SCHOOL_STAFF, "/school/junior/corrections/{id}",
					"/school/junior/corrections/{school-report}"),
			new Visit(Who.SCHOOL_STAFF, "/school/junior/transfers", "/school/junior/transfers"),
			new Visit(Who.SCHOOL_STAFF, "/school/junior/transfers/{id}", "/school/junior/transfers/{school-transfer}"),
			new Visit(Who.SCHOOL_STAFF, "/school/junior/students/{id}/path", "/school/junior/students/{student}/path"),
			// the city
			new Visit(Who.CITY_ADMIN, "/admin/calendar", "/admin/calendar"),
			new Visit(Who.CITY_ADMIN, "/admin/calendar/{year}", "/admin/calendar/2017"),
			new Visit(Who.CITY_ADMIN, "/admin/audit", "/admin/audit"),
			new Visit(Who.CITY_ADMIN, "/admin/draws", "/admin/draws"),
			new Visit(Who.CITY_ADMIN, "/admin/draws/{id}", "/admin/draws/{draw}"),
			new Visit(Who.CITY_ADMIN, "/admin/results/{id}", "/admin/results/{junior-draw}"),
			new Visit(Who.CITY_ADMIN, "/admin/registry", "/admin/registry"),
			new Visit(Who.CITY_ADMIN, "/admin/registry/import/{id}", "{registry-import}"),
			new Visit(Who.CITY_ADMIN, "/admin/registry/handoff", "/admin/registry/handoff"),
			new Visit(Who.CITY_ADMIN, "/admin/registry/handoff/reconciliation",
					"/admin/registry/handoff/reconciliation?level=PRIMARY"),
			new Visit(Who.CITY_ADMIN, "/admin/junior/batches", "/admin/junior/batches"),
			new Visit(Who.CITY_ADMIN, "/admin/junior/batches/{district}", "/admin/junior/batches/110117?year=2017"),
			new Visit(Who.CITY_ADMIN, "/admin/placement/estimates", "/admin/placement/estimates"),
			new Visit(Who.CITY_ADMIN, "/admin/high-school-opportunities", "/admin/high-school-opportunities"),
			new Visit(Who.CITY_ADMIN, "/admin/high-school-opportunities/import/{id}", "{opportunity-import}"),
			new Visit(Who.CITY_ADMIN, "/admin/notifications/failures", "/admin/notifications/failures"),
			// the sign-in of an account with an initial password leads there
			new Visit(Who.NEW_STAFF, "/login/new-password", "/login/new-password"));

	/**
	 * GET mappings that are not pages of their own (a file, a fragment, an answer in
	 * JSON), or that no role of this walk can open; and why.
	 */
	static final Map<String, String> EXCLUDED = Map.ofEntries(Map.entry("/error/problem", "a JSON problem, not a page"),
			Map.entry("/primary/mine/{id}/form.pdf", "a PDF"),
			Map.entry("/district/primary/export.xlsx", "a spreadsheet"),
			Map.entry("/district/permits/scans/{id}", "an uploaded scan (an image)"),
			Map.entry("/permits/mine/scans/{id}", "an uploaded scan (an image)"),
			Map.entry("/district/zoning/import/{id}/progress", "an htmx fragment of the import's page"),
			Map.entry("/district/zoning/import/template/{kind}.{format}", "a spreadsheet or CSV template"),
			Map.entry("/school/junior/transfers/{id}/form.pdf", "a PDF"),
			Map.entry("/admin/draws/{id}/progress", "an htmx fragment of the draw's page"),
			Map.entry("/admin/registry/import/{id}/progress", "an htmx fragment of the import's page"),
			Map.entry("/admin/registry/handoff/export", "a spreadsheet"),
			Map.entry("/admin/registry/handoff/reconciliation.csv", "a CSV"),
			Map.entry("/admin/placement/estimates/progress", "an htmx fragment of the estimates' page"),
			Map.entry("/admin/high-school-opportunities/import/{id}/progress", "an htmx fragment of the import's page"),
			Map.entry("/admin/high-school-opportunities/template.{format}", "a spreadsheet or CSV template"),
			Map.entry("/lottery/{id}/entropy.txt", "plain text"), Map.entry("/lottery/{id}/result.txt", "plain text"),
			Map.entry("/lottery/{id}/snapshot.txt", "plain text"),
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
	JdbcClient jdbc;

	@Autowired
	PrimaryFixtures primary;

	@Autowired
	PrimaryRegistrations registrations;

	@Autowired
	PermitApplications permits;

	@Autowired
	TransferFixtures transfers;

	@Autowired
	Confirmations confirmations;

	@Autowired
	NewlyArrived newlyArrived;

	@Autowired
	DrawnDistricts draws;

	@Autowired
	JuniorHighFigures juniorHighs;

	@TempDir
	Path files;

	private static String familyChildId;

	/**
	 * The records the pages show, by the name a visit's path gives them: {registration}.
	 */
	private static final Map<String, String> records = new HashMap<>();

	private static final String FAMILY_CHILD = "无障碍检查";

	private static final String JUNIOR_HIGH = "110108-A11Y01";

	@BeforeEach
	void world() {
		primary.world();
		transfers.world();
		staffAccount("a11y-district", Role.DISTRICT_OFFICER, DISTRICT, null);
		staffAccount("a11y-school", Role.SCHOOL_STAFF, DISTRICT, SCHOOL);
		staffAccount("a11y-city", Role.CITY_ADMIN, null, null);
		if (familyChildId == null) {
			records.putAll(records());
			familyChildId = records.get("child");
		}
	}

	/**
	 * One record of each kind a page shows, made by the fixtures of its module as the
	 * family, the school or the district would: the family's registration and permit
	 * application, a graduate with its path, the school's and the district's correction
	 * requests, a transfer awaiting the school and one awaiting the district, a zone, an
	 * address, a school, a junior high, two published draws.
	 */
	private Map<String, String> records() {
		Map<String, String> made = new HashMap<>();
		PrimaryFixtures.Family family = primary.family(FAMILY_CHILD);
		activated.activate(family.signedIn().id(), family.mobile(), PASSWORD);
		made.put("child", family.child().value());
		made.put("registration",
				registrations
					.submit(PrimaryFixtures.DONGCHENG, family.form(PrimaryFixtures.DC_ADDRESS), family.signedIn())
					.id()
					.toString());
		PermitApplication permit = permits.start(DISTRICT, family.child().value(), FAMILY_CHILD, family.signedIn());
		permit = permits.saveDetails(permit.id(), permit.version(), PermitFixtures.details(permit), family.signedIn());
		for (PermitApplication.Document d : permit.documents()) {
			permits.addScan(permit.id(), d.position(), d.code().toLowerCase() + ".pdf", PermitFixtures.pdf(),
					family.signedIn());
		}
		permit = permits.openForFamily(permit.id(), family.signedIn());
		made.put("permit", permits.submit(permit.id(), permit.version(), family.signedIn()).id().toString());

		TransferFixtures.Graduate graduate = transfers.graduate("无障碍毕业生");
		made.put("student", graduate.educationId());
		made.put("school-transfer", transfers.submitted(graduate).id().toString());
		made.put("district-transfer", transfers.schoolApproved(transfers.graduate("无障碍转区")).id().toString());
		TransferFixtures.Graduate reporting = transfers.graduate("无障碍纠错");
		made.put("school-report",
				confirmations.reportError(transfers.family(reporting), reporting.student().version(), "班级有误，应为六(3)班")
					.id()
					.toString());
		made.put("district-report", newlyArrivedReport().toString());

		made.put("zone",
				jdbc.sql("select id from service_zone where district_code = ? and year = 2017 and name = ?")
					.params(DISTRICT, "入学测试东城片")
					.query(String.class)
					.single());
		made.put("address",
				jdbc.sql("select id from zone_address where district_code = ? and year = 2017 limit 1")
					.param(DISTRICT)
					.query(String.class)
					.single());
		made.put("school", SCHOOL);
		juniorHighs.publicJuniorWithFigures(JUNIOR_HIGH, "北京市海淀区无障碍测试中学");
		made.put("junior-high", JUNIOR_HIGH);

		DrawnDistricts.Drawn drawn = draws.published();
		made.put("draw", drawn.primary().id().toString());
		made.put("draw-school", DrawnDistricts.PG1);
		made.put("junior-draw", drawn.junior().id().toString());
		return made;
	}

	/**
	 * A report of a newly arrived student (R-J5), whom no school but the district answers
	 * for: the district registers the student, the family reports an error.
	 */
	private UUID newlyArrivedReport() {
		String name = "无障碍新迁入";
		IdCardNumber child = register.newChildInDongcheng(name);
		SignedIn officer = new SignedIn(AccountId.random(), "a11y-district", "区教委", Role.DISTRICT_OFFICER, DISTRICT,
				null);
		String mobile = String.format("139%08d", System.nanoTime() % 100_000_000L);
		Student student = newlyArrived
			.register(new NewlyArrivedForm("HUKOU", "HK-A11Y-0001", child.value(), name, name + "妈妈", mobile), officer);
		AccountId account = families.ofChild(child).orElseThrow();
		SignedIn family = new SignedIn(account, families.contact(account).orElseThrow().username(), name, Role.PARENT,
				DISTRICT, null);
		return confirmations.reportError(family, student.version(), "出生日期有误").id();
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

	/**
	 * Every page at a phone's width and at a desktop's (issue 12): the navigation folds
	 * behind its button on one and spreads out on the other, tables scroll or fit. Each
	 * page is loaded once and looked at in both windows.
	 */
	@Test
	void noPageOfAnyRoleHasASeriousOrCriticalViolationOfWcag21AA() throws IOException {
		List<String> problems = new ArrayList<>();
		try {
			for (Who who : Who.values()) {
				WebDriver browser = signIn(who);
				for (Visit visit : VISITS) {
					if (visit.who() == who) {
						check(browser, who, visit, problems);
					}
				}
			}
		}
		finally {
			Browser.resize(Browser.get(), Browser.PHONE);
		}
		assertThat(problems).as("serious or critical WCAG 2.1 AA violations, by page").isEmpty();
	}

	private void check(WebDriver browser, Who who, Visit visit, List<String> problems) throws IOException {
		Browser.resize(browser, Browser.PHONE);
		String path = path(browser, visit.path());
		browser.get(url(path));
		String landed = browser.getCurrentUrl();
		if (visit.path().contains("{child}") && landed.contains("?q=")) {
			problems.add(who + " " + path + ": the family was not found, its page not checked");
			return;
		}
		if (who != Who.ANONYMOUS && landed.contains("/login") && !visit.mapping().startsWith("/login")) {
			problems.add(who + " " + path + ": sent to sign in, not checked");
			return;
		}
		if (!visit.mapping().equals("/error") && browser.getTitle().equals("出错了")) {
			problems.add(who + " " + path + ": an error page, not the page checked");
			return;
		}
		for (Dimension size : List.of(Browser.PHONE, Browser.DESKTOP)) {
			Browser.resize(browser, size);
			for (String violation : Axe.seriousViolations(browser)) {
				problems.add(who + " " + path + " at " + size.width + " px: " + violation);
			}
		}
	}

	/**
	 * The visit's path with its records filled in; an import's review is first made by
	 * uploading a file through the import's own page, in the browser of its role.
	 */
	private String path(WebDriver browser, String path) throws IOException {
		return switch (path) {
			case "{zoning-import}" -> upload(browser, "/district/zoning/import?district=110101&year=2017",
					"file-addresses", "upload-button-addresses", "addresses.csv",
					"区代码*,入学年度*,学段*,服务片名称*,对口学校代码*,多校派位学校代码（以;分隔）,标准地址*,楼号,别名（以;分隔）,多校派位登记小区（是/否）",
					"110101,2017,小学,无障碍导入片,PR-TEST-DC1,,无障碍导入嘉园,,无障碍导入路6号院,否",
					"110101,2017,小学,无障碍导入片,110101-X999,,无障碍导入雅苑,,,否");
			case "{registry-import}" -> upload(browser, "/admin/registry", "file", "upload-button", "graduates.csv",
					"教育ID,姓名,身份证号,性别,出生日期,毕业小学代码,班级,所在区代码,户籍区代码,监护人姓名,监护人手机",
					"A11Y000001,无障碍导入," + IdCardNumber.withCheckDigit("11010120040917" + "391").value()
							+ ",男,2004-09-17,PR-TEST-DC1,六(2)班,110101,110101,无障碍妈妈,13912345678",
					"A11Y000002,无障碍错误," + IdCardNumber.withCheckDigit("11010120040918" + "392").value()
							+ ",女,2004-09-18,PR-TEST-DC1,六(2)班,110101,110101,无障碍妈妈,12345");
			case "{opportunity-import}" -> upload(browser, "/admin/high-school-opportunities", "file", "upload-button",
					"opportunities.csv", "初中学校代码*,初中学校名称,年份*,毕业生人数*,进入优质高中比例（%）*,优质高中代码,优质高中名称,名额分配名额",
					JUNIOR_HIGH + ",,2018,240,30.5,B-RDFZ,人大附中,8", "110108-A11Y99,,2018,240,130,B-RDFZ,人大附中,8");
			default -> {
				String filled = path;
				for (Map.Entry<String, String> record : records.entrySet()) {
					filled = filled.replace("{" + record.getKey() + "}", record.getValue());
				}
				yield filled;
			}
		};
	}

	/** Uploads the lines as a CSV file on the page and answers the review's path. */
	private String upload(WebDriver browser, String page, String input, String button, String name, String... lines)
			throws IOException {
		Path file = files.resolve(name);
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		browser.get(url(page));
		browser.findElement(By.id(input)).sendKeys(file.toAbsolutePath().toString());
		Browser.clickAndWait(browser, By.id(button));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
		return URI.create(browser.getCurrentUrl()).getPath();
	}

	private WebDriver signIn(Who who) {
		return switch (who) {
			case ANONYMOUS -> Browser.get();
			case FAMILY -> Browser.signInAsFamily(url(""), familyChildId, FAMILY_CHILD, PASSWORD);
			case DISTRICT_OFFICER -> Browser.signInAsStaff(url(""), "a11y-district", PASSWORD);
			case SCHOOL_STAFF -> Browser.signInAsStaff(url(""), "a11y-school", PASSWORD);
			case CITY_ADMIN -> Browser.signInAsStaff(url(""), "a11y-city", PASSWORD);
			case NEW_STAFF -> {
				String username = "a11y-new-" + System.nanoTime() % 1_000_000;
				staff.create(new NewAccount(username, username, Role.SCHOOL_STAFF, DISTRICT, SCHOOL), PASSWORD, true,
						Actor.SYSTEM);
				yield Browser.signInAsStaff(url(""), username, PASSWORD);
			}
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
