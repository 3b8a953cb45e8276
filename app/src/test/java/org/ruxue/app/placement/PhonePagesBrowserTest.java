package org.ruxue.app.placement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.ActivatedFamilies;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.junior.JuniorDrawFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the main pages of every role on a phone 360 px wide and their weight. Each
 * page is loaded with an empty cache in the one Chromium at 360×740: nothing makes the
 * page scroll sideways (wide tables scroll inside their {@code .table-responsive}
 * wrapper), the page and everything it loaded weigh at most 300 KB as transferred, and
 * nothing is asked of a host other than the platform's (no CDN). The navigation folds
 * behind a button on a phone.
 *
 * <p>
 * With {@code -Druxue.screenshots=<folder>} (relative to {@code app/}, e.g.
 * {@code ../docs/screenshots}) it also saves each page at 360×740 and 1280×900 as
 * {@code <page>-phone.png} and {@code <page>-desktop.png}, and the weights as
 * {@code weights.md}; without it nothing is written outside {@code target/}.
 *
 * <p>
 * The world is the published draws of 2017 ({@link DrawnDistricts}): Miyun's junior draw,
 * one of its families with a result, Miyun's district officer, a junior high's staff and
 * the city.
 */
@IntegrationTest
class PhonePagesBrowserTest {

	static final long MAX_BYTES = 300 * 1024;

	static final String DISTRICT = DrawnDistricts.JUNIOR;

	static final String STAFF_PASSWORD = "phone pages staff";

	static final String FAMILY_PASSWORD = "phone pages family";

	static final Dimension PHONE = new Dimension(360, 740);

	static final Dimension DESKTOP = new Dimension(1280, 900);

	/** The window the other browser tests expect (Browser's --window-size). */
	static final Dimension USUAL = new Dimension(390, 844);

	@LocalServerPort
	int port;

	@Autowired
	DrawnDistricts drawn;

	@Autowired
	StaffAccounts staff;

	@Autowired
	ActivatedFamilies activated;

	@Autowired
	JdbcClient jdbc;

	record Page(String name, String path) {
	}

	record Weight(String page, long bytes, int requests) {
	}

	private final List<Weight> weights = new ArrayList<>();

	/** Every page's problems, reported together. */
	private final SoftAssertions soft = new SoftAssertions();

	@AfterEach
	void usualBrowser() {
		WebDriver browser = Browser.get();
		((ChromeDriver) browser).executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
		browser.manage().window().setSize(USUAL);
	}

	@Test
	void everyMainPageFitsA360PxPhoneWeighsAtMost300KbAndLoadsNothingFromElsewhere() {
		DrawnDistricts.Drawn draws = drawn.published();
		String junior = draws.junior().id().toString();
		String primary = draws.primary().id().toString();
		staffAccount("ppb-city", Role.CITY_ADMIN, null, null);
		staffAccount("ppb-district", Role.DISTRICT_OFFICER, DISTRICT, null);
		staffAccount("ppb-school", Role.SCHOOL_STAFF, DISTRICT, JuniorDrawFixtures.junior(DISTRICT, 1));
		Map<String, Object> family = jdbc.sql("""
				select s.education_id, s.name, s.mobile, f.account_id from student s
				join family_account f on f.education_id = s.education_id
				where s.name = '统计甲' and s.district_code = ? order by s.education_id limit 1
				""").param(DISTRICT).query().singleRow();
		activated.activate(new AccountId((UUID) family.get("account_id")), (String) family.get("mobile"),
				FAMILY_PASSWORD);

		WebDriver browser = Browser.get();
		visit(browser,
				List.of(new Page("home", "/"), new Page("help", "/help"), new Page("login", "/login"),
						new Page("zones", "/zones"), new Page("opportunities", "/high-school-opportunities"),
						new Page("lottery", "/lottery"), new Page("lottery-draw", "/lottery/" + junior),
						new Page("lottery-primary-draw", "/lottery/" + primary),
						new Page("lottery-statistics", "/lottery/statistics"),
						new Page("lottery-draw-statistics", "/lottery/" + junior + "/statistics")));
		navigationFoldsOnAPhone(browser);

		Browser.signInAsFamily(url(""), (String) family.get("education_id"), (String) family.get("name"),
				FAMILY_PASSWORD);
		visit(browser,
				List.of(new Page("family-home", "/"), new Page("junior", "/junior"),
						new Page("junior-preferences", "/junior/preferences"),
						new Page("junior-result", "/junior/result"), new Page("primary", "/primary"),
						new Page("primary-register", "/primary/110101/register"), new Page("permits", "/permits")));

		Browser.signInAsStaff(url(""), "ppb-district", STAFF_PASSWORD);
		visit(browser,
				List.of(new Page("district-primary", "/district/primary"),
						new Page("district-students", "/district/students"),
						new Page("district-corrections", "/district/junior/corrections"),
						new Page("district-transfers", "/district/junior/transfers"),
						new Page("district-routes", "/district/junior/routes"),
						new Page("district-overflow", "/district/admission/overflow")));

		Browser.signInAsStaff(url(""), "ppb-school", STAFF_PASSWORD);
		visit(browser, List.of(new Page("school-forms", "/school/forms"),
				new Page("school-corrections", "/school/junior/corrections")));

		Browser.signInAsStaff(url(""), "ppb-city", STAFF_PASSWORD);
		visit(browser, List.of(new Page("admin-calendar", "/admin/calendar"), new Page("admin-audit", "/admin/audit"),
				new Page("admin-draws", "/admin/draws"), new Page("admin-draw", "/admin/draws/" + junior),
				new Page("admin-registry", "/admin/registry"), new Page("admin-batches", "/admin/junior/batches"),
				new Page("admin-estimates", "/admin/placement/estimates")));

		List<Weight> heaviest = weights.stream().sorted(Comparator.comparingLong(Weight::bytes).reversed()).toList();
		System.out.println("Page weights (transferred, empty cache):");
		heaviest.forEach(w -> System.out.printf("  %-26s %7.1f KB in %d requests%n", w.page(), w.bytes() / 1024.0,
				w.requests()));
		writeWeights(heaviest);
		soft.assertAll();
	}

	/**
	 * Each page with an empty cache at 360 px: the weight, the hosts and the width, then
	 * the screenshots when asked for.
	 */
	private void visit(WebDriver browser, List<Page> pages) {
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
		Browser.contentSecurityPolicyViolations();
		for (Page page : pages) {
			resize(browser, PHONE);
			chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
			browser.get(url(page.path()));
			settle(browser);
			JavascriptExecutor js = (JavascriptExecutor) browser;
			assertThat(js.executeScript("return window.innerWidth")).as("the phone's width").isEqualTo(360L);
			assertThat(browser.getTitle()).as(page + " is no error page").isNotIn("出错了", "Something went wrong");
			assertThat(browser.getCurrentUrl()).as(page + " was not redirected to the sign-in")
				.doesNotContain("/login?");

			@SuppressWarnings("unchecked")
			Map<String, Object> loaded = (Map<String, Object>) js.executeScript(
					"""
							var entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
							var bytes = 0, hosts = [];
							entries.forEach(function (e) {
							  bytes += e.transferSize;
							  var host = new URL(e.name).host;
							  if (hosts.indexOf(host) < 0) { hosts.push(host); }
							});
							return { bytes: bytes, requests: entries.length, hosts: hosts };
							""");
			long bytes = ((Number) loaded.get("bytes")).longValue();
			weights.add(new Weight(page.name(), bytes, ((Number) loaded.get("requests")).intValue()));
			soft.assertThat((List<Object>) loaded.get("hosts"))
				.as(page + " asks nothing of another host (no CDN)")
				.containsOnly("localhost:" + port);
			soft.assertThat(bytes).as(page + " transferred on first load").isPositive().isLessThanOrEqualTo(MAX_BYTES);
			// the page's width without its vertical scroll bar
			long width = (Long) js.executeScript("return document.documentElement.clientWidth");
			soft.assertThat((Long) js.executeScript("return document.documentElement.scrollWidth"))
				.as(page + " needs no sideways scrolling at 360 px; too wide: " + js.executeScript(TOO_WIDE))
				.isLessThanOrEqualTo(width);

			soft.assertThat(Browser.contentSecurityPolicyViolations())
				.as(page + " breaks no Content-Security-Policy")
				.isEmpty();

			String folder = System.getProperty("ruxue.screenshots");
			if (folder != null && !folder.isBlank()) {
				save(browser, Path.of(folder, page.name() + "-phone.png"));
				resize(browser, DESKTOP);
				browser.navigate().refresh();
				settle(browser);
				save(browser, Path.of(folder, page.name() + "-desktop.png"));
			}
		}
	}

	/**
	 * On a phone the navigation is one button; pressing it shows the links, pressing it
	 * again hides them.
	 */
	private void navigationFoldsOnAPhone(WebDriver browser) {
		resize(browser, PHONE);
		browser.get(url("/"));
		settle(browser);
		var toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
		var help = browser.findElement(By.cssSelector("#main-nav a[href='/help']"));
		assertThat(toggler.isDisplayed()).isTrue();
		assertThat(toggler.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(help.isDisplayed()).isFalse();
		toggler.click();
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> help.isDisplayed());
		assertThat(toggler.getDomAttribute("aria-expanded")).isEqualTo("true");
		String folder = System.getProperty("ruxue.screenshots");
		if (folder != null && !folder.isBlank()) {
			save(browser, Path.of(folder, "menu-phone.png"));
		}
		toggler.click();
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !help.isDisplayed());
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
		resize(browser, DESKTOP);
		browser.navigate().refresh();
		settle(browser);
		assertThat(browser.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.cssSelector("#main-nav a[href='/help']")).isDisplayed()).isTrue();

	}

	/** The elements wider than the window that are not inside a scrolling wrapper. */
	private static final String TOO_WIDE = """
			var width = document.documentElement.clientWidth, out = [];
			function scrolls(e) {
			  for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
			    if (getComputedStyle(p).overflowX !== 'visible') { return true; }
			  }
			  return false;
			}
			document.querySelectorAll('body *').forEach(function (e) {
			  var r = e.getBoundingClientRect();
			  // its box, or its text overflowing the box
			  var right = getComputedStyle(e).overflowX === 'visible' ? Math.max(r.right, r.left + e.scrollWidth) : r.right;
			  if (right > width + 0.5 && out.length < 8 && !scrolls(e)) {
			    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(right));
			  }
			});
			return out.join(', ');
			""";

	/**
	 * The window sized so that the page sees exactly this width and height (headless
	 * Chromium keeps some of the window's height for itself).
	 */
	private static void resize(WebDriver browser, Dimension viewport) {
		browser.manage().window().setSize(viewport);
		JavascriptExecutor js = (JavascriptExecutor) browser;
		long width = (Long) js.executeScript("return window.innerWidth");
		long height = (Long) js.executeScript("return window.innerHeight");
		browser.manage()
			.window()
			.setSize(new Dimension(2 * viewport.getWidth() - (int) width, 2 * viewport.getHeight() - (int) height));
	}

	/** The page loaded, with what htmx loads on load. */
	private static void settle(WebDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("return document.readyState === 'complete' && !document.querySelector('.htmx-request')")));
	}

	private static void save(WebDriver browser, Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writeWeights(List<Weight> heaviest) {
		String folder = System.getProperty("ruxue.screenshots");
		if (folder == null || folder.isBlank()) {
			return;
		}
		StringBuilder table = new StringBuilder("| Page | Transferred (KB) | Requests |\n|---|---:|---:|\n");
		heaviest.forEach(
				w -> table.append(String.format("| %s | %.1f | %d |%n", w.page(), w.bytes() / 1024.0, w.requests())));
		try {
			Files.writeString(Path.of(folder, "weights.md"), table);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void staffAccount(String username, Role role, String district, String school) {
		if (!staff.exists(username)) {
			staff.create(new NewAccount(username, username, role, district, school), STAFF_PASSWORD, false,
					Actor.SYSTEM);
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
