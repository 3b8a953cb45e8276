package org.ruxue.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The one headless Chromium of the test run (Debian's {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded), started on first use and quit when the
 * JVM ends. Browser tests share it and start each journey by clearing its cookies.
 */
public final class Browser {

	/**
	 * The window the tests see pages in: a phone's (issue 12: every page works at 360
	 * px).
	 */
	public static final Dimension PHONE = new Dimension(390, 844);

	/** A desktop's window, for the checks that look at both. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	private static WebDriver driver;

	private Browser() {
	}

	public static synchronized WebDriver get() {
		if (driver == null) {
			driver = start();
			Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
		}
		driver.manage().deleteAllCookies();
		return driver;
	}

	/**
	 * Clicks something that loads a new page and waits until the new page has loaded, so
	 * that nothing is read from the old one. A marker on the old page's window tells them
	 * apart.
	 */
	public static void clickAndWait(WebDriver browser, org.openqa.selenium.By target) {
		org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
		js.executeScript("window.ruxueOldPage = true");
		browser.findElement(target).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(driver -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver)
				.executeScript("return window.ruxueOldPage === undefined && document.readyState === 'complete'")));
	}

	/**
	 * Gives the window this size; a test that changes it puts {@link #PHONE} back when it
	 * ends, as the other tests expect.
	 */
	public static void resize(WebDriver browser, Dimension size) {
		if (!browser.manage().window().getSize().equals(size)) {
			browser.manage().window().setSize(size);
		}
	}

	/** Signs a family in through the sign-in page, as a parent does. */
	public static WebDriver signInAsFamily(String baseUrl, String identifier, String childName, String password) {
		WebDriver browser = get();
		browser.get(baseUrl + "/login");
		type(browser, "identifier", identifier);
		type(browser, "childName", childName);
		type(browser, "family-password", password);
		clickAndWait(browser, org.openqa.selenium.By.id("family-submit"));
		return browser;
	}

	/** Signs a staff account in through the sign-in page. */
	public static WebDriver signInAsStaff(String baseUrl, String username, String password) {
		WebDriver browser = get();
		browser.get(baseUrl + "/login");
		type(browser, "username", username);
		type(browser, "password", password);
		clickAndWait(browser, org.openqa.selenium.By.cssSelector("form button[type=submit]"));
		return browser;
	}

	/**
	 * Opens the navigation where it is folded behind its button (narrower than 992 px, as
	 * on the tests' phone-sized window), so that its links can be clicked.
	 */
	public static void openMenu(WebDriver browser) {
		var toggler = browser.findElement(org.openqa.selenium.By.cssSelector(".navbar-toggler"));
		if (toggler.isDisplayed() && !"true".equals(toggler.getDomAttribute("aria-expanded"))) {
			toggler.click();
		}
	}

	/** Replaces what a field holds with the text, typed. */
	public static void type(WebDriver browser, String id, String text) {
		var field = browser.findElement(org.openqa.selenium.By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * What the browser's console said since the last call that the
	 * Content-Security-Policy refused (an inline script or style, a foreign source).
	 */
	public static List<String> contentSecurityPolicyViolations() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
	}

	/** Saves what the browser shows under target/screenshots, for a person to look at. */
	public static void screenshot(String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static WebDriver start() {
		String chromium = System.getProperty("ruxue.chromium", "/usr/bin/chromium");
		String chromedriver = System.getProperty("ruxue.chromedriver", "/usr/bin/chromedriver");
		if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
			throw new IllegalStateException("Browser tests need Chromium and ChromeDriver (Debian: apt-get install "
					+ "chromium chromium-driver); not found at " + chromium + " and " + chromedriver);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + PHONE.width + "," + PHONE.height, "--lang=zh-CN");
		// the console, for contentSecurityPolicyViolations()
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver).toFile())
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return chrome;
	}

}
