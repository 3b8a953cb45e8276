package org.ruxue.app.opportunity;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.identity.NewAccount;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.StaffAccounts;
import org.ruxue.app.zoning.Schools;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruxue.app.opportunity.OpportunityFixtures.HEADER;
import static org.ruxue.app.opportunity.OpportunityFixtures.publicJunior;

/**
 * Issue 10 (R-G1, R-J6): a family finds Haidian junior highs from the home page, reads
 * one school's quota places with its trend drawn as a chart, and compares four schools
 * side by side; the city imports a file with bad rows, sees each row's error, corrects
 * it, writes it and edits the eligibility text, and the public page shows both.
 */
@IntegrationTest
class HighSchoolOpportunityBrowserTest {

	private static final String PASSWORD = "opportunity city admin";

	private static final List<String> SCHOOLS = List.of("110108-HSB01", "110108-HSB02", "110108-HSB03", "110108-HSB04",
			"110108-HSB05");

	@LocalServerPort
	int port;

	@Autowired
	Schools schools;

	@Autowired
	Figures figures;

	@Autowired
	StaffAccounts staff;

	@TempDir
	Path files;

	@BeforeEach
	void fiveHaidianSchoolsOverThreeYears() {
		figures.saveHighSchool("B-RDFZ", "人大附中");
		figures.saveHighSchool("B-BJSZ", "北京四中");
		for (int i = 0; i < SCHOOLS.size(); i++) {
			String code = SCHOOLS.get(i);
			publicJunior(schools, code, "北京市海淀区浏览查询第" + (i + 1) + "中学");
			for (int year = 2015; year <= 2017; year++) {
				figures.saveYear(code, year, 200 + 10 * i, new BigDecimal(20 + i + (year - 2015)));
				figures.saveQuota(code, year, "B-RDFZ", 3 + i);
				figures.saveQuota(code, year, "B-BJSZ", 1 + (year - 2015));
			}
		}
		if (!staff.exists("hs-browser-city")) {
			staff.create(new NewAccount("hs-browser-city", "市教委", Role.CITY_ADMIN, null, null), PASSWORD, false,
					Actor.SYSTEM);
		}
	}

	@Test
	void searchReadTheTrendAsAChartAndCompareFourSchools() {
		WebDriver browser = Browser.get();
		Browser.contentSecurityPolicyViolations();
		browser.get(url("/"));
		Browser.clickAndWait(browser, By.id("home-opportunity"));
		browser.findElement(By.id("q")).sendKeys("浏览查询");
		new Select(browser.findElement(By.id("district"))).selectByValue("110108");
		Browser.clickAndWait(browser, By.id("search-button"));

		assertThat(browser.findElements(By.cssSelector("#results .result"))).hasSize(5);
		assertThat(browser.findElement(By.id("results")).getText()).contains("北京市海淀区浏览查询第1中学", "海淀区", "2017");

		Browser.clickAndWait(browser, By.linkText("北京市海淀区浏览查询第2中学"));
		assertThat(browser.findElement(By.id("school-name")).getText()).isEqualTo("北京市海淀区浏览查询第2中学");
		// 2017: 4 + 3 places for 210 graduates
		assertThat(browser.findElement(By.id("trend-table")).getText()).contains("2015", "2016", "2017", "210", "0.033",
				"3.3", "23.0");
		assertThat(browser.findElement(By.id("quota-table")).getText()).contains("人大附中", "北京四中");
		WebElement chart = chartDrawnIn(browser, "trend-chart");
		assertThat(chart.getText()).contains("2015", "2017");
		Browser.screenshot("opportunity-school");

		browser.navigate().back();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-button")));
		for (String code : SCHOOLS) {
			browser.findElement(By.id("compare-" + code)).click();
		}
		Browser.clickAndWait(browser, By.id("compare-button"));
		assertThat(browser.findElement(By.id("compare-error")).getText()).contains("最多只能同时对比 4 所学校");

		browser.navigate().back();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-button")));
		for (WebElement box : browser.findElements(By.cssSelector(".compare-choice"))) {
			if (box.isSelected()) {
				box.click();
			}
		}
		SCHOOLS.subList(0, 4).forEach(code -> browser.findElement(By.id("compare-" + code)).click());
		Browser.clickAndWait(browser, By.id("compare-button"));

		assertThat(browser.findElements(By.cssSelector("#compare-table .compared-school"))).hasSize(4);
		assertThat(browser.findElement(By.id("compare-table")).getText()).contains("北京市海淀区浏览查询第1中学", "北京市海淀区浏览查询第4中学");
		assertThat(browser.findElement(By.id("compare-trend")).getText()).contains("2015", "2017");
		chartDrawnIn(browser, "compare-chart");
		Browser.screenshot("opportunity-compare");
		// ECharts and the chart script run under the strict Content-Security-Policy
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	@Test
	void theCityImportsAFileWithBadRowsThenTheCorrectedOneAndWordsTheEligibility() throws IOException {
		WebDriver browser = Browser.get();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("hs-browser-city");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Browser.clickAndWait(browser, By.cssSelector("form button[type=submit]"));

		upload(browser, "bad.csv", HEADER, "110108-HSB05,,2018,240,30.5,B-RDFZ,人大附中,8",
				"110108-HSB99,,2018,240,30.5,B-RDFZ,人大附中,8", "110108-HSB05,,2018,240,130,B-BJSZ,北京四中,2");

		String errors = browser.findElement(By.id("row-errors")).getText();
		assertThat(errors).contains("3", "初中学校代码", "没有代码为 110108-HSB99 的学校", "4", "进入优质高中比例（%）",
				"“130”应为 0 到 100 之间的百分比");
		assertThat(browser.findElement(By.id("summary")).getText()).contains("新增 1 行", "有错误 2 行");
		assertThat(browser.findElements(By.id("confirm-import"))).as("no writing while a row is wrong").isEmpty();
		Browser.screenshot("opportunity-import-errors");
		Browser.clickAndWait(browser, By.id("cancel-import"));
		assertThat(browser.findElement(By.id("notice")).getText()).contains("未写入任何数据");

		upload(browser, "good.csv", HEADER, "110108-HSB05,,2018,240,30.5,B-RDFZ,人大附中,8",
				"110108-HSB05,,2018,240,30.5,B-BJSZ,北京四中,2");
		assertThat(browser.findElement(By.id("summary")).getText()).contains("新增 2 行", "有错误 0 行");
		Browser.clickAndWait(browser, By.id("confirm-import"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("written")));

		browser.get(url("/admin/high-school-opportunities"));
		WebElement text = browser.findElement(By.id("textZh"));
		text.clear();
		text.sendKeys("初中三年学籍在同一所学校，中考成绩不低于名额分配批次最低控制分数线。");
		Browser.clickAndWait(browser, By.id("save-eligibility"));
		assertThat(browser.findElement(By.id("notice")).getText()).contains("报名条件已保存");

		browser.get(url("/high-school-opportunities/110108-HSB05"));
		assertThat(browser.findElement(By.id("trend-table")).getText()).contains("2018", "240", "30.5");
		assertThat(browser.findElement(By.id("eligibility-text")).getText()).contains("名额分配批次最低控制分数线");
	}

	/** ECharts (SVG renderer) draws into the element; the lines are paths of the svg. */
	private static WebElement chartDrawnIn(WebDriver browser, String id) {
		WebElement svg = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " svg")));
		assertThat(svg.findElements(By.cssSelector("path"))).hasSizeGreaterThan(2);
		return browser.findElement(By.id(id));
	}

	private void upload(WebDriver browser, String name, String... lines) throws IOException {
		Path file = files.resolve(name);
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		browser.get(url("/admin/high-school-opportunities"));
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		Browser.clickAndWait(browser, By.id("upload-button"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
