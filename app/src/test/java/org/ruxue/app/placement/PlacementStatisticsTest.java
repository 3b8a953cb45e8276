package org.ruxue.app.placement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ruxue.app.Browser;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.ContentSecurityPolicies;
import org.ruxue.app.junior.JuniorDrawFixtures;
import org.ruxue.app.spreadsheet.SpreadsheetReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The open statistics of two small draws made through {@link Draws} (R-J7, R-Z4, R-G8):
 * nothing before the publication; after it, every figure agrees with counts taken here,
 * independently, from the published result file, the snapshot file and the district's
 * categories; the pages show counts and no child's id or name; the downloads hold the
 * per-school table; and a browser draws the charts from the tables. In this order: the
 * first test needs the draws unpublished.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlacementStatisticsTest {

	@Autowired
	DrawnDistricts districts;

	@Autowired
	PlacementStatistics statistics;

	@Autowired
	Draws draws;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	@Order(1)
	void rG8_beforeItsPublicationADrawHasNoStatisticsAnywhere() throws Exception {
		DrawnDistricts.Drawn drawn = districts.drawn();

		for (LotteryDraw draw : drawn.both()) {
			assertThat(draw.status()).as("the draws of this test are published by its later steps only")
				.isEqualTo(DrawStatus.DRAWN);
			assertThat(statistics.of(draw.id())).isEmpty();
			for (String path : List.of("/lottery/%s/statistics", "/lottery/%s/statistics.csv",
					"/lottery/%s/statistics.xlsx", "/lottery/%s/statistics/" + DrawnDistricts.PG1)) {
				assertThat(status(path.formatted(draw.id()))).as(path).isEqualTo(404);
			}
			assertThat(page("/lottery/statistics")).doesNotContain(draw.id().toString());
		}
		assertThat(status("/lottery/" + UUID.randomUUID() + "/statistics")).isEqualTo(404);
		assertThat(status("/lottery/not-a-draw/statistics.csv")).isEqualTo(404);
	}

	@Test
	@Order(2)
	void rJ7_theJuniorDrawsStatisticsAgreeWithItsPublishedResult() {
		LotteryDraw draw = districts.published().junior();
		DrawStatistics figures = statistics.of(draw.id()).orElseThrow();
		Counted counted = counted(draw);

		agree(figures, counted);
		assertThat(figures.total().applicants()).isGreaterThanOrEqualTo(8);
		assertThat(figures.districts()).extracting(DrawStatistics.District::code)
			.containsExactly(DrawnDistricts.JUNIOR);
		assertThat(figures.maxRank()).isEqualTo(3);
		// one family saved no choices; the private and the nine-year school are in the
		// snapshot without seats, and nobody listed them: no line
		assertThat(figures.withoutChoices()).isGreaterThanOrEqualTo(1);
		assertThat(counted.seats()).containsEntry(JuniorDrawFixtures.privateSchool(DrawnDistricts.JUNIOR), 0)
			.containsEntry(JuniorDrawFixtures.nineYear(DrawnDistricts.JUNIOR), 0);
		assertThat(figures.school(JuniorDrawFixtures.privateSchool(DrawnDistricts.JUNIOR))).isEmpty();
		assertThat(figures.school(JuniorDrawFixtures.nineYear(DrawnDistricts.JUNIOR))).isEmpty();
		assertThat(figures.priorities()).containsExactly(new DrawStatistics.Priority(0, null));
		// counted once: the same figures are answered again
		assertThat(statistics.of(draw.id()).orElseThrow()).isSameAs(figures);
	}

	@Test
	@Order(3)
	void rZ4_thePrimaryDrawsStatisticsAgreeWithItsPublishedResultByCategory() {
		LotteryDraw draw = districts.published().primary();
		DrawStatistics figures = statistics.of(draw.id()).orElseThrow();
		Counted counted = counted(draw);

		agree(figures, counted);
		assertThat(figures.total().applicants()).isEqualTo(7);
		assertThat(figures.total().unplaced()).isEqualTo(3);
		assertThat(figures.school(DrawnDistricts.PG1).orElseThrow().applicantsAt(1)).isEqualTo(5);
		assertThat(figures.school(DrawnDistricts.PG2).orElseThrow().applicantsAt(2)).isEqualTo(5);
		assertThat(figures.school(DrawnDistricts.PG3).orElseThrow().applicantsAt(1)).isEqualTo(2);
		// owners with their hukou in the zone come first; renters after them
		assertThat(figures.byPriority()).hasSize(2);
		assertThat(figures.byPriority()).allSatisfy(p -> assertThat(p.priority().category()).isNotBlank());
		assertThat(figures.byPriority().get(0).students()).isEqualTo(5);
		assertThat(figures.byPriority().get(1).students()).isEqualTo(2);
		assertThat(figures.byPriority().get(0).priority().tier())
			.isLessThan(figures.byPriority().get(1).priority().tier());
	}

	@Test
	@Order(4)
	void thePagesShowTheCountsAndNoChildsIdOrName() throws Exception {
		DrawnDistricts.Drawn drawn = districts.published();
		String list = page("/lottery/statistics");
		for (LotteryDraw draw : drawn.both()) {
			assertThat(list).contains("/lottery/" + draw.id() + "/statistics");
			DrawStatistics figures = statistics.of(draw.id()).orElseThrow();
			String page = page("/lottery/" + draw.id() + "/statistics");
			String school = page("/lottery/" + draw.id() + "/statistics/" + figures.schools().get(0).code());

			// the chart's figures are the table's: the data-value of each rank row
			List<Integer> charted = new ArrayList<>();
			Matcher value = Pattern
				.compile("class=\"rank-row\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*data-value=\"(\\d+)\"")
				.matcher(page);
			while (value.find()) {
				charted.add(Integer.parseInt(value.group(1)));
			}
			assertThat(charted).isEqualTo(figures.placedByRank());
			assertThat(page).contains("data-bar-chart=\"rank-chart\"", "data-bar-chart=\"priority-chart\"",
					"id=\"district-" + draw.scope() + "\"", "/js/statistics-chart.js");
			for (DrawStatistics.School s : figures.schools()) {
				assertThat(page).contains("id=\"school-" + s.code() + "\"");
			}
			assertThat(page).doesNotContain("id=\"school-" + JuniorDrawFixtures.privateSchool(DrawnDistricts.JUNIOR));
			for (String id : counted(draw).choices().keySet()) {
				assertThat(page).doesNotContain(id);
				assertThat(school).doesNotContain(id);
			}
			for (String name : List.of("统计甲", "统计辛", "统计一", "统计七")) {
				assertThat(page).doesNotContain(name);
			}
		}
		assertThat(status("/lottery/" + drawn.junior().id() + "/statistics/"
				+ JuniorDrawFixtures.privateSchool(DrawnDistricts.JUNIOR)))
			.isEqualTo(404);
		assertThat(mvc.perform(get("/lottery/" + drawn.junior().id() + "/statistics").accept("text/html"))
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy")).isEqualTo(ContentSecurityPolicies.WITH_STYLE_ATTRIBUTES);
	}

	@Test
	@Order(5)
	void theDownloadsHoldThePerSchoolTableAsCsvWithAByteOrderMarkAndAsXlsx() throws Exception {
		LotteryDraw draw = districts.published().primary();
		Counted counted = counted(draw);

		MockHttpServletResponse csv = download("/lottery/" + draw.id() + "/statistics.csv");
		MockHttpServletResponse xlsx = download("/lottery/" + draw.id() + "/statistics.xlsx");

		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).contains("attachment",
				"ruxue-2017-primary-110117-statistics.csv");
		assertThat(xlsx.getContentType()).isEqualTo(StatisticsController.XLSX.toString());
		assertThat(xlsx.getHeader("Content-Disposition")).contains("ruxue-2017-primary-110117-statistics.xlsx");
		byte[] csvBytes = csv.getContentAsByteArray();
		assertThat(csvBytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(csvBytes, StandardCharsets.UTF_8)).contains("统计测试平谷第一小学", "\r\n");

		List<List<String>> fromCsv = cells(csvBytes);
		List<List<String>> fromXlsx = cells(xlsx.getContentAsByteArray());
		assertThat(fromXlsx).isEqualTo(fromCsv);
		List<String> header = fromCsv.get(0);
		assertThat(header.subList(0, 5)).containsExactly("区", "学校代码", "学校", "学位数", "申请人数");
		assertThat(header).contains("第1志愿申请人数", "第2志愿申请人数", "录取人数", "第1志愿录取人数", "第2志愿录取人数", "剩余学位");
		Map<String, List<String>> rows = new LinkedHashMap<>();
		fromCsv.subList(1, fromCsv.size()).forEach(row -> rows.put(row.get(1), row));
		assertThat(rows.keySet()).containsExactlyElementsOf(counted.shownSchools())
			.contains(DrawnDistricts.PG1, DrawnDistricts.PG2, DrawnDistricts.PG3);
		for (var row : rows.entrySet()) {
			String code = row.getKey();
			List<String> cells = row.getValue();
			assertThat(cells.get(0)).isEqualTo("平谷区");
			assertThat(number(cells, header, "学位数")).isEqualTo(counted.seats().get(code));
			assertThat(number(cells, header, "申请人数")).isEqualTo(sum(counted.applied(code)));
			assertThat(number(cells, header, "第1志愿申请人数")).isEqualTo(counted.applied(code)[0]);
			assertThat(number(cells, header, "第2志愿申请人数")).isEqualTo(counted.applied(code)[1]);
			assertThat(number(cells, header, "录取人数")).isEqualTo(sum(counted.placed(code)));
			assertThat(number(cells, header, "第1志愿录取人数")).isEqualTo(counted.placed(code)[0]);
			assertThat(number(cells, header, "第2志愿录取人数")).isEqualTo(counted.placed(code)[1]);
			assertThat(number(cells, header, "剩余学位")).isEqualTo(counted.seats().get(code) - sum(counted.placed(code)));
			for (var category : counted.placedByPriority(code).entrySet()) {
				String label = category.getKey().substring(category.getKey().indexOf('/') + 1);
				assertThat(number(cells, header, "录取人数（" + label + "）")).as(code + " " + label)
					.isEqualTo(category.getValue());
			}
		}
	}

	@Test
	@Order(6)
	void aBrowserDrawsTheChartsFromTheTables() {
		LotteryDraw draw = districts.published().junior();
		DrawStatistics figures = statistics.of(draw.id()).orElseThrow();
		WebDriver browser = Browser.get();
		Browser.contentSecurityPolicyViolations();

		browser.get(url("/"));
		Browser.openMenu(browser);
		Browser.clickAndWait(browser, By.id("nav-statistics"));
		Browser.clickAndWait(browser, By.id("draw-" + draw.id()));

		assertThat(browser.findElement(By.id("draw-title")).getText()).isEqualTo("2017年 密云区 小升初电脑派位");
		assertThat(browser.findElement(By.id("summary-students")).getText())
			.isEqualTo(Integer.toString(figures.total().applicants()));
		WebElement ranks = chartDrawnIn(browser, "rank-chart", figures.maxRank());
		assertThat(ranks.getText()).contains("第1志愿", "第3志愿");
		chartDrawnIn(browser, "priority-chart", 1);
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", ranks);
		Browser.screenshot("statistics-draw");

		Browser.clickAndWait(browser,
				By.linkText(figures.school(JuniorDrawFixtures.junior(DrawnDistricts.JUNIOR, 1)).orElseThrow().name()));
		assertThat(browser.findElement(By.id("school-seats")).getText()).isEqualTo("2");
		WebElement schoolRanks = chartDrawnIn(browser, "school-rank-chart", figures.maxRank());
		chartDrawnIn(browser, "school-priority-chart", 1);
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", schoolRanks);
		Browser.screenshot("statistics-school");
		// ECharts and the chart script run under the page's Content-Security-Policy
		assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
	}

	// --- the counts taken here, from the files anyone can download

	/**
	 * @param choices each student's choices as (school, tier), by lottery id
	 * @param placed the placed students' school and rank
	 * @param categories each student's category label, where the registration had one
	 */
	record Counted(Map<String, Integer> seats, Map<String, List<String[]>> choices, Map<String, String[]> placed,
			Map<String, String> categories) {

		int[] applied(String school) {
			int[] counts = new int[maxRank()];
			choices.values().forEach(list -> {
				for (int k = 0; k < list.size(); k++) {
					if (list.get(k)[0].equals(school)) {
						counts[k]++;
					}
				}
			});
			return counts;
		}

		int[] placed(String school) {
			int[] counts = new int[maxRank()];
			placed.values()
				.stream()
				.filter(p -> p[0].equals(school))
				.forEach(p -> counts[Integer.parseInt(p[1]) - 1]++);
			return counts;
		}

		int maxRank() {
			return choices.values().stream().mapToInt(List::size).max().orElse(0);
		}

		/** "tier/category" of each student at a school, for those placed there. */
		Map<String, Integer> placedByPriority(String school) {
			Map<String, Integer> counts = new TreeMap<>();
			placed.forEach((id, p) -> {
				if (p[0].equals(school)) {
					counts.merge(priority(choices.get(id).get(Integer.parseInt(p[1]) - 1)[1], categories.get(id)), 1,
							Integer::sum);
				}
			});
			return counts;
		}

		Map<String, Integer> appliedByPriority(String school) {
			Map<String, Integer> counts = new TreeMap<>();
			choices.forEach((id, list) -> list.stream()
				.filter(c -> c[0].equals(school))
				.forEach(c -> counts.merge(priority(c[1], categories.get(id)), 1, Integer::sum)));
			return counts;
		}

		List<String> shownSchools() {
			return seats.keySet().stream().filter(s -> seats.get(s) > 0 || sum(applied(s)) > 0).toList();
		}

		static String priority(String tier, String category) {
			return tier + "/" + category;
		}

	}

	private Counted counted(LotteryDraw draw) {
		Map<String, Integer> seats = new TreeMap<>();
		Map<String, List<String[]>> choices = new TreeMap<>();
		for (String line : new String(draws.snapshotBytes(draw.id()), StandardCharsets.UTF_8).split("\n")) {
			String[] t = line.split(" ");
			if (t[0].equals("school")) {
				seats.put(t[1], Integer.parseInt(t[2]));
			}
			else if (t[0].equals("student")) {
				List<String[]> list = new ArrayList<>();
				for (int i = 2; i < t.length; i++) {
					if (!t[i].equals("|")) {
						list.add(t[i].split(":"));
					}
				}
				choices.put(t[1], list);
			}
		}
		Map<String, String[]> placed = new HashMap<>();
		int lines = 0;
		for (String line : new String(draws.resultBytes(draw.id()).orElseThrow(), StandardCharsets.UTF_8).split("\n")) {
			String[] t = line.split(" ");
			if (t[0].equals("placed")) {
				placed.put(t[1], new String[] { t[2], t[3] });
				lines++;
			}
			else if (t[0].equals("unplaced")) {
				lines++;
			}
		}
		assertThat(lines).isEqualTo(choices.size());
		Map<String, String> categories = new HashMap<>();
		jdbc.sql("select lottery_id, category from placement_entrant where draw_id = ? and category is not null")
			.param(draw.id().value())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> categories.put(e.getKey(), e.getValue()));
		return new Counted(seats, choices, placed, categories);
	}

	private static void agree(DrawStatistics figures, Counted counted) {
		int students = counted.choices().size();
		int placed = counted.placed().size();
		long first = counted.placed().values().stream().filter(p -> p[1].equals("1")).count();
		assertThat(figures.maxRank()).isEqualTo(counted.maxRank());
		assertThat(figures.total().applicants()).isEqualTo(students);
		assertThat(figures.total().placed()).isEqualTo(placed);
		assertThat(figures.total().placedFirstChoice()).isEqualTo(first);
		assertThat(figures.total().unplaced()).isEqualTo(students - placed);
		assertThat(figures.total().seats()).isEqualTo(counted.seats().values().stream().mapToInt(i -> i).sum());
		assertThat(figures.districts()).singleElement().satisfies(d -> {
			assertThat(d.applicants()).isEqualTo(students);
			assertThat(d.seats()).isEqualTo(figures.total().seats());
			assertThat(d.placed()).isEqualTo(placed);
			assertThat(d.placedFirstChoice()).isEqualTo(first);
			assertThat(d.unplaced()).isEqualTo(students - placed);
		});
		for (int rank = 1; rank <= counted.maxRank(); rank++) {
			final int r = rank;
			assertThat(figures.placedAt(rank)).as("placed at choice %d", rank)
				.isEqualTo(counted.placed().values().stream().filter(p -> Integer.parseInt(p[1]) == r).count());
		}
		assertThat(figures.schools()).extracting(DrawStatistics.School::code)
			.containsExactlyInAnyOrderElementsOf(counted.shownSchools());
		List<String> priorities = figures.priorities()
			.stream()
			.map(p -> Counted.priority(Integer.toString(p.tier()), p.category()))
			.toList();
		for (DrawStatistics.School school : figures.schools()) {
			String code = school.code();
			assertThat(school.seats()).as(code).isEqualTo(counted.seats().get(code));
			assertThat(school.applicantsByRank()).as(code).containsExactly(boxed(counted.applied(code)));
			assertThat(school.applicants()).as(code).isEqualTo(sum(counted.applied(code)));
			assertThat(school.placedByRank()).as(code).containsExactly(boxed(counted.placed(code)));
			assertThat(school.placed()).as(code).isEqualTo(sum(counted.placed(code)));
			assertThat(byName(priorities, school.applicantsByPriority())).as(code)
				.isEqualTo(counted.appliedByPriority(code));
			assertThat(byName(priorities, school.placedByPriority())).as(code)
				.isEqualTo(counted.placedByPriority(code));
		}
		Map<String, int[]> byStudentPriority = new TreeMap<>();
		counted.choices().forEach((id, list) -> {
			if (!list.isEmpty()) {
				int[] c = byStudentPriority
					.computeIfAbsent(Counted.priority(list.get(0)[1], counted.categories().get(id)), k -> new int[3]);
				c[0]++;
				c[counted.placed().containsKey(id) ? 1 : 2]++;
			}
		});
		Map<String, List<Integer>> shown = new TreeMap<>();
		figures.byPriority()
			.forEach(p -> shown.put(Counted.priority(Integer.toString(p.priority().tier()), p.priority().category()),
					List.of(p.students(), p.placed(), p.unplaced())));
		Map<String, List<Integer>> expected = new TreeMap<>();
		byStudentPriority.forEach((k, c) -> expected.put(k, List.of(c[0], c[1], c[2])));
		assertThat(shown).isEqualTo(expected);
		assertThat(figures.withoutChoices())
			.isEqualTo((int) counted.choices().values().stream().filter(List::isEmpty).count());
	}

	private static Map<String, Integer> byName(List<String> priorities, List<Integer> counts) {
		Map<String, Integer> named = new TreeMap<>();
		for (int i = 0; i < priorities.size(); i++) {
			if (counts.get(i) > 0) {
				named.put(priorities.get(i), counts.get(i));
			}
		}
		return named;
	}

	private static Integer[] boxed(int[] counts) {
		return java.util.Arrays.stream(counts).boxed().toArray(Integer[]::new);
	}

	private static int sum(int[] counts) {
		return java.util.Arrays.stream(counts).sum();
	}

	private static int number(List<String> cells, List<String> header, String column) {
		int index = header.indexOf(column);
		assertThat(index).as(column).isNotNegative();
		return Integer.parseInt(cells.get(index));
	}

	private static List<List<String>> cells(byte[] file) {
		return SpreadsheetReader.read(file, 10_000, n -> {
		}).stream().map(SpreadsheetReader.Row::cells).toList();
	}

	private int status(String path) throws Exception {
		return mvc.perform(get(path).accept("text/html")).andReturn().getResponse().getStatus();
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).accept("text/html")).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse download(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response;
	}

	/** ECharts (SVG renderer) draws into the element: one path per bar, and the axes. */
	private static WebElement chartDrawnIn(WebDriver browser, String id, int bars) {
		WebElement svg = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " svg")));
		assertThat(svg.findElements(By.cssSelector("path"))).hasSizeGreaterThan(bars);
		return browser.findElement(By.id(id));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
