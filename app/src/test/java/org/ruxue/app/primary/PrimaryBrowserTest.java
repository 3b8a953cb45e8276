package org.ruxue.app.primary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.identity.ActivatedFamilies;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.population.IdCardNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of issue 6 in a real browser: register → verified → print the form →
 * district approves → school confirms; cancel and register again inside and after the
 * window; a child born the day after the cutoff; a non-local child without a permit; a
 * double submission.
 */
@IntegrationTest
class PrimaryBrowserTest {

	private static final String PASSWORD = "primary browser family";

	private static final String STAFF_PASSWORD = "primary browser staff";

	@LocalServerPort
	int port;

	@Autowired
	PrimaryFixtures fixtures;

	@Autowired
	ActivatedFamilies activated;

	@Autowired
	StaffAccounts staff;

	@Autowired
	IdentityChecks checks;

	@Autowired
	PrimaryRegistrations registrations;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		fixtures.world();
		staffAccount("pb-dongcheng", Role.DISTRICT_OFFICER, PrimaryFixtures.DONGCHENG, null);
		staffAccount("pb-teacher", Role.SCHOOL_STAFF, PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_SCHOOL);
	}

	@Test
	void rP6_registerThenVerifiedThenPrintThenTheDistrictApprovesAndTheSchoolConfirms() throws Exception {
		PrimaryFixtures.Family family = activatedFamily("浏览登记");
		WebDriver browser = signInAsFamily(family);

		browser.get(url("/primary"));
		assertThat(text(browser, "rules")).contains("登记的先后顺序不影响入学", "只能在全市一个区登记", "选择其中一个区");
		submit(browser, By.linkText("东城区"));
		fill(browser, family.form(PrimaryFixtures.DC_ADDRESS));
		// a typo in the child's ID number: the problem next to the field, the rest kept
		String typo = family.child().value().substring(0, 17) + (family.child().value().endsWith("1") ? "2" : "1");
		type(browser, "childIdNumber", typo);
		submit(browser, By.id("submit"));
		assertThat(text(browser, "childIdNumber-problem")).contains("校验码");
		assertThat(browser.findElement(By.id("guardian1Name")).getAttribute("value")).isEqualTo(family.fatherName());
		Browser.screenshot("primary-form-error");
		type(browser, "childIdNumber", family.child().value());
		submit(browser, By.id("submit"));

		assertThat(text(browser, "status")).isEqualTo("已提交，待区审核");
		assertThat(text(browser, "check")).isEqualTo("核验中");
		assertThat(text(browser, "child-id")).isEqualTo(family.child().masked());
		assertThat(browser.findElements(By.id("print"))).isEmpty();

		checkIdentities();
		browser.navigate().refresh();
		assertThat(text(browser, "check")).isEqualTo("核验通过");
		Browser.screenshot("primary-verified");
		String pdf = browser.findElement(By.id("print")).getAttribute("href");
		HttpResponse<byte[]> form = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(pdf))
				.header("Cookie", "SESSION=" + browser.manage().getCookieNamed("SESSION").getValue())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(new String(form.body(), 0, 5)).isEqualTo("%PDF-");
		String number = text(browser, "number");
		Registration registration = registrationNumbered(number);
		try (var pdfDocument = org.apache.pdfbox.Loader.loadPDF(form.body())) {
			String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(pdfDocument);
			assertThat(printed).contains(number, registration.formCode(), family.childName(), family.child().value(),
					"入学测试东城小学");
			var page = new org.apache.pdfbox.rendering.PDFRenderer(pdfDocument).renderImageWithDPI(0, 100);
			java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
			javax.imageio.ImageIO.write(page, "png",
					java.nio.file.Path.of("target", "screenshots", "primary-form-pdf.png").toFile());
		}

		WebDriver officer = signInAsStaff("pb-dongcheng");
		officer.get(url("/district/primary?status=SUBMITTED&filter=" + number));
		assertThat(text(officer, "queue")).contains(number, Registration.maskName(family.childName()));
		submit(officer, By.linkText(number));
		assertThat(text(officer, "child-id")).isEqualTo(family.child().masked());
		Browser.screenshot("primary-review");
		submit(officer, By.id("approve"));
		assertThat(text(officer, "status")).isEqualTo("区审核通过");

		WebDriver teacher = signInAsStaff("pb-teacher");
		teacher.get(url("/school/forms"));
		type(teacher, "code", registration.formCode().toLowerCase().replace("-", ""));
		submit(teacher, By.id("check-code"));
		assertThat(text(teacher, "verdict")).isEqualTo("采集表真实有效。");
		Browser.screenshot("primary-school-check");
		clickConfirmingAndWait(teacher, By.id("accept"));
		assertThat(text(teacher, "status")).isEqualTo("学校已确认接收");

		signInAsFamily(family);
		browser.get(url("/primary/mine/" + registration.id()));
		assertThat(text(browser, "status")).isEqualTo("学校已确认接收");
		assertThat(browser.findElements(By.id("cancel"))).as("R-P8: no cancelling after acceptance").isEmpty();
	}

	@Test
	void rP8_rP9_rP10_insideTheWindowTheFamilyCancelsWithAConfirmationAndRegistersInAnotherDistrict() {
		PrimaryFixtures.Family family = activatedFamily("浏览换区");
		Registration first = registrations.submit(PrimaryFixtures.DONGCHENG, family.form(PrimaryFixtures.DC_ADDRESS),
				family.signedIn());
		WebDriver browser = signInAsFamily(family);

		browser.get(url("/primary/mine/" + first.id()));
		submit(browser, By.id("cancel"));
		// R-P9: the warning that a late change may cost the place in the zone
		assertThat(text(browser, "warning")).contains("可能影响孩子在原学区的入学机会", "作废");
		type(browser, "reason", "搬到西城");
		submit(browser, By.id("confirm-cancel"));
		assertThat(text(browser, "confirmed-problem")).contains("请勾选确认");
		assertThat(browser.findElement(By.id("reason")).getAttribute("value")).isEqualTo("搬到西城");
		browser.findElement(By.id("confirmed")).click();
		submit(browser, By.id("confirm-cancel"));
		assertThat(browser.getPageSource()).contains("登记已撤销");

		// R-P10: hukou stays in Dongcheng, the family now chooses its home district
		submit(browser, By.linkText("西城区"));
		fill(browser, family.form(PrimaryFixtures.XC_ADDRESS));
		Select hukou = new Select(browser.findElement(By.id("hukouDistrict")));
		hukou.selectByValue(PrimaryFixtures.DONGCHENG);
		submit(browser, By.id("submit"));

		assertThat(text(browser, "status")).isEqualTo("已提交，待区审核");
		assertThat(browser.getPageSource()).contains("西城区");
		assertThat(registrations.byId(first.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
	}

	@Test
	void rP8_afterTheWindowTheOriginalDistrictCancelsAndTheFamilyRegistersInTheNewOne() {
		PrimaryFixtures.Family family = activatedFamily("浏览窗口后");
		Registration first = registrations.submit(PrimaryFixtures.DONGCHENG, family.form(PrimaryFixtures.DC_ADDRESS),
				family.signedIn());
		closeWindowBeforeToday();
		try {
			WebDriver browser = signInAsFamily(family);
			browser.get(url("/primary/mine/" + first.id()));
			assertThat(browser.findElements(By.id("cancel"))).isEmpty();

			WebDriver officer = signInAsStaff("pb-dongcheng");
			officer.get(url("/district/primary/" + first.id()));
			type(officer, "reason", "家长申请转到西城");
			clickConfirmingAndWait(officer, By.id("district-cancel"));
			assertThat(text(officer, "status")).isEqualTo("已撤销");

			browser = signInAsFamily(family);
			browser.get(url("/primary/" + PrimaryFixtures.XICHENG + "/register"));
			fill(browser, family.form(PrimaryFixtures.XC_ADDRESS));
			submit(browser, By.id("submit"));
			assertThat(text(browser, "status")).isEqualTo("已提交，待区审核");
		}
		finally {
			fixtures.world();
		}
	}

	@Test
	void rP2_aChildBornTheDayAfterTheCutoffIsToldTheDate() {
		IdCardNumber child = fixtures.register.newPerson("浏览太小", "110101", LocalDate.of(2011, 9, 1), "110101", false);
		PrimaryFixtures.Family family = activatedFamily(child, "浏览太小");
		WebDriver browser = signInAsFamily(family);

		browser.get(url("/primary/" + PrimaryFixtures.DONGCHENG + "/register"));
		fill(browser, family.form(PrimaryFixtures.DC_ADDRESS));
		submit(browser, By.id("submit"));

		assertThat(text(browser, "childIdNumber-problem")).contains("2011-08-31");
		assertThat(registrations.activeOf(child, 2017)).isEmpty();
	}

	@Test
	void rP7_aNonLocalChildWithoutAPermitIsSentToThePermitReview() {
		IdCardNumber child = fixtures.register.newPerson("浏览非京", "130102", LocalDate.of(2011, 4, 4), null, false);
		PrimaryFixtures.Family family = activatedFamily(child, "浏览非京");
		WebDriver browser = signInAsFamily(family);

		browser.get(url("/primary/" + PrimaryFixtures.DONGCHENG + "/register"));
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
		form.setHukouType("NON_LOCAL");
		form.setHukouDistrict("");
		form.setHomeTenure("RENTED");
		fill(browser, form);
		submit(browser, By.id("submit"));

		assertThat(text(browser, "hukouType-problem")).contains("在京就读证明");
		assertThat(registrations.activeOf(child, 2017)).isEmpty();
	}

	@Test
	void rP4_aDoubleSubmissionOfOneFormIsOneRegistration() {
		PrimaryFixtures.Family family = activatedFamily("浏览双击");
		WebDriver browser = signInAsFamily(family);
		browser.get(url("/primary/" + PrimaryFixtures.DONGCHENG + "/register"));
		fill(browser, family.form(PrimaryFixtures.DC_ADDRESS));

		((JavascriptExecutor) browser)
			.executeScript("window.ruxueOldPage = true;" + "const f = document.getElementById('registration-form');"
					+ "const a = new FormData(f);" + "fetch(f.action, {method: 'POST', body: new URLSearchParams(a)})"
					+ ".then(() => HTMLFormElement.prototype.submit.call(f));");
		new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/mine/"));

		// the first request was answered before the second left: both reached the server
		assertThat(jdbc.sql("select count(*) from primary_registration where family_account = ?")
			.param(family.signedIn().id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Issue 12, works on a slow connection: the form keeps what was typed in the tab, so
	 * that the page loaded again after the connection dropped shows it, with the same
	 * idempotency key; sent again, it is the registration the lost answer was about. Once
	 * it succeeded, the tab forgets it.
	 */
	@Test
	void rP4_aFormLoadedAgainAfterTheConnectionDroppedKeepsWhatWasTypedAndIsTheSameRegistration() {
		PrimaryFixtures.Family family = activatedFamily("浏览断线");
		WebDriver browser = signInAsFamily(family);
		String form = url("/primary/" + PrimaryFixtures.DONGCHENG + "/register");
		browser.get(form);
		fill(browser, family.form(PrimaryFixtures.DC_ADDRESS));
		String key = browser.findElement(By.name("idempotencyKey")).getDomProperty("value");
		// the registration reaches the server, its answer never reaches the family
		((JavascriptExecutor) browser).executeScript("const f = document.getElementById('registration-form');"
				+ "return fetch(f.action, {method: 'POST', body: new URLSearchParams(new FormData(f)),"
				+ " redirect: 'manual'}).then(r => r.type);");

		browser.get(form);

		assertThat(value(browser, "childIdNumber")).isEqualTo(family.child().value());
		assertThat(value(browser, "address")).isEqualTo(PrimaryFixtures.DC_ADDRESS + "1号楼1单元101");
		assertThat(value(browser, "guardian1Name")).isEqualTo(family.fatherName());
		assertThat(value(browser, "guardian1Mobile")).isEqualTo(family.mobile());
		assertThat(browser.findElement(By.name("idempotencyKey")).getDomProperty("value")).isEqualTo(key);
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();

		submit(browser, By.id("submit"));

		assertThat(browser.getCurrentUrl()).contains("/primary/mine/");
		assertThat(jdbc.sql("select count(*) from primary_registration where family_account = ?")
			.param(family.signedIn().id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(((JavascriptExecutor) browser)
			.executeScript("return Object.keys(sessionStorage).filter(k => k.startsWith('ruxue.typed:')).length"))
			.isEqualTo(0L);
		browser.get(form);
		assertThat(value(browser, "address")).isEmpty();
	}

	private static String value(WebDriver browser, String id) {
		return browser.findElement(By.id(id)).getDomProperty("value");
	}

	private PrimaryFixtures.Family activatedFamily(String childName) {
		return activatedFamily(fixtures.register.newChildInDongcheng(childName), childName);
	}

	private PrimaryFixtures.Family activatedFamily(IdCardNumber child, String childName) {
		PrimaryFixtures.Family family = fixtures.familyOf(child, childName);
		activated.activate(family.signedIn().id(), family.mobile(), PASSWORD);
		return family;
	}

	private void staffAccount(String username, Role role, String district, String school) {
		if (!staff.exists(username)) {
			staff.create(new NewAccount(username, username, role, district, school), STAFF_PASSWORD, false,
					Actor.SYSTEM);
		}
	}

	private Registration registrationNumbered(String number) {
		return jdbc.sql("select id from primary_registration where number = ?")
			.param(number)
			.query(java.util.UUID.class)
			.optional()
			.flatMap(id -> registrations.byId(new RegistrationId(id)))
			.orElseThrow();
	}

	private WebDriver signInAsFamily(PrimaryFixtures.Family family) {
		return Browser.signInAsFamily(url(""), family.child().value(), family.childName(), PASSWORD);
	}

	private WebDriver signInAsStaff(String username) {
		return Browser.signInAsStaff(url(""), username, STAFF_PASSWORD);
	}

	/** Types the whole form as a parent would, choosing from the lists. */
	private static void fill(WebDriver browser, RegistrationForm form) {
		type(browser, "childName", form.getChildName());
		type(browser, "childIdNumber", form.getChildIdNumber());
		new Select(browser.findElement(By.id("hukouType"))).selectByValue(form.getHukouType());
		if (form.getHukouDistrict() != null && !form.getHukouDistrict().isEmpty()) {
			new Select(browser.findElement(By.id("hukouDistrict"))).selectByValue(form.getHukouDistrict());
		}
		type(browser, "hukouAddress", form.getHukouAddress());
		type(browser, "address", form.getAddress());
		new Select(browser.findElement(By.id("homeTenure"))).selectByValue(form.getHomeTenure());
		if ("OWNED".equals(form.getHomeTenure())) {
			new Select(browser.findElement(By.id("owner"))).selectByValue(form.getOwner());
			type(browser, "certificateNumber", form.getCertificateNumber());
			((JavascriptExecutor) browser).executeScript(
					"document.getElementById('certificateDate').value = arguments[0]", form.getCertificateDate());
		}
		type(browser, "guardian1Name", form.getGuardian1Name());
		new Select(browser.findElement(By.id("guardian1Relation"))).selectByValue(form.getGuardian1Relation());
		type(browser, "guardian1IdNumber", form.getGuardian1IdNumber());
		type(browser, "guardian1Mobile", form.getGuardian1Mobile());
	}

	private void checkIdentities() {
		while (checks.checkDue(Instant.now().plusSeconds(3600 * 24 * 365 * 20L)) > 0) {
			// until nothing is due
		}
	}

	private void closeWindowBeforeToday() {
		var windows = new ArrayList<>(calendar.windows(2017));
		windows.replaceAll(w -> (w.kind() == PhaseKind.PRIMARY_COLLECTION)
				? new PhaseWindow(PhaseKind.PRIMARY_COLLECTION, LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 9))
				: w);
		var rules = calendar.rules(2017).orElseThrow();
		calendar.schedule(2017, calendar.version(2017), windows, rules.ageCutoff(), rules.zoningCutoffs(),
				Actor.SYSTEM);
	}

	/**
	 * Clicks a button that asks for confirmation, accepts it, and waits for the next
	 * page.
	 */
	private static void clickConfirmingAndWait(WebDriver browser, By button) {
		((JavascriptExecutor) browser).executeScript("window.ruxueOldPage = true; window.confirm = () => true;");
		browser.findElement(button).click();
		new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.ruxueOldPage === undefined && document.readyState === 'complete'")));
	}

	private static String text(WebDriver browser, String id) {
		return browser.findElement(By.id(id)).getText().strip();
	}

	private static void type(WebDriver browser, String id, String text) {
		var field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void submit(WebDriver browser, By target) {
		Browser.clickAndWait(browser, target);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
