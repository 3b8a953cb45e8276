package org.ruxue.app.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.spreadsheet.SpreadsheetReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every staff queue is a staff table (issue 12): it has the filter, the page length and
 * the download; every column with data sorts both ways; the download holds as many rows
 * as the page says the filter selects, under the page's own headers. A template with a
 * table under a staff address that is neither a staff table nor excluded here with a
 * reason fails, so that a new queue cannot be forgotten.
 */
@IntegrationTest
class StaffTablesTest {

	static final SignedIn OFFICER = new SignedIn(AccountId.random(), "tables-dc", "东城区教委", Role.DISTRICT_OFFICER,
			"110101", null);

	static final SignedIn SCHOOL = new SignedIn(AccountId.random(), "tables-school", "东城测试学校", Role.SCHOOL_STAFF,
			"110101", "TABLES-DC1");

	static final SignedIn CITY = new SignedIn(AccountId.random(), "tables-city", "市教委", Role.CITY_ADMIN, null, null);

	record Queue(SignedIn who, String path) {

	}

	static final List<Queue> QUEUES = List.of(new Queue(OFFICER, "/district/primary"),
			new Queue(OFFICER, "/district/permits"), new Queue(OFFICER, "/district/students"),
			new Queue(OFFICER, "/district/admission/overflow"), new Queue(OFFICER, "/district/junior/corrections"),
			new Queue(OFFICER, "/district/junior/transfers"), new Queue(OFFICER, "/district/junior/newly-arrived"),
			new Queue(OFFICER, "/district/junior/routes"), new Queue(SCHOOL, "/school/junior/corrections"),
			new Queue(SCHOOL, "/school/junior/transfers"), new Queue(OFFICER, "/staff/accounts"),
			new Queue(CITY, "/staff/accounts"), new Queue(CITY, "/admin/notifications/failures"),
			new Queue(CITY, "/admin/audit"));

	/** Templates with a table that is not a staff queue, and why. */
	static final Map<String, String> NOT_QUEUES = Map.ofEntries(
			Map.entry("admission/result.html", "a family's own result"),
			Map.entry("junior/batches.html", "the city's few batches of a year, edited in place"),
			Map.entry("notification/dev-sms.html", "the developer's SMS log, not in production"),
			Map.entry("opportunity/compare.html", "public: four schools side by side"),
			Map.entry("opportunity/school.html", "public: one school's quota places"),
			Map.entry("opportunity/search.html", "public search"),
			Map.entry("opportunity/import-job.html", "an import's report"),
			Map.entry("opportunity/admin.html", "the city's imports, a handful a year"),
			Map.entry("placement/chances.html", "a family's chance estimates"),
			Map.entry("placement/draws.html", "the city's draws, a handful a year"),
			Map.entry("placement/estimates-admin.html", "the city's estimate runs, a handful a year"),
			Map.entry("placement/public-draws.html", "public verification pages"),
			Map.entry("placement/statistics/draw.html", "public statistics with their own CSV and XLSX"),
			Map.entry("placement/statistics/draws.html", "public statistics"),
			Map.entry("placement/statistics/school.html", "public statistics with their own CSV and XLSX"),
			Map.entry("registry/admin.html", "the registry's imports, a handful a year"),
			Map.entry("registry/import-job.html", "an import's report"),
			Map.entry("registry/handoff.html", "the hand-off's batches with their own XLSX"),
			Map.entry("registry/handoff-reconciliation.html", "a reconciliation's report"),
			Map.entry("zoning/admin/import-job.html", "an import's report"),
			Map.entry("zoning/admin/import.html", "an import's preview"),
			Map.entry("zoning/admin/addresses.html", "a zone's addresses, maintained by import"),
			Map.entry("zoning/admin/schools.html", "the district's schools, maintained by import"),
			Map.entry("zoning/admin/zones.html", "the district's zones, maintained by import"));

	/** 没有这样的 ("no such thing"), as it travels in an address. */
	private static final String NOTHING = "%E6%B2%A1%E6%9C%89%E8%BF%99%E6%A0%B7%E7%9A%84";

	private static final Pattern SORT = Pattern.compile("class=\"sort-link\" href=\"[^\"]*sort=([a-z][a-zA-Z0-9-]*)");

	private static final Pattern HEADERS = Pattern.compile("<thead>(.*?)</thead>", Pattern.DOTALL);

	private static final Pattern COUNT = Pattern.compile("id=\"[a-z-]+-count\"[^>]*>([^<]*)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	EnrollmentCalendar calendar;

	@BeforeEach
	void theSourceYear() {
		Calendars.sourceYear2017(calendar);
	}

	@Test
	void everyQueueFiltersPagesSortsByEveryColumnAndDownloadsWhatItShows() throws Exception {
		for (Queue queue : QUEUES) {
			String page = page(queue, queue.path() + "?size=500");
			List<List<String>> rows = download(queue, queue.path() + "?format=xlsx");
			if (!page.contains("name=\"filter\"")) {
				// an empty queue says so instead of showing its tools; its download is
				// the header
				assertThat(rows).as(queue.path()).hasSize(1);
				continue;
			}
			assertThat(page).as(queue.path()).contains("name=\"size\"", "format=xlsx");
			List<String> keys = new ArrayList<>();
			Matcher sort = SORT.matcher(page);
			while (sort.find()) {
				keys.add(sort.group(1));
			}
			assertThat(keys).as(queue.path()).isNotEmpty();
			for (String key : keys) {
				for (String dir : List.of("asc", "desc")) {
					page(queue, queue.path() + "?sort=" + key + "&dir=" + dir);
				}
			}
			String head = HEADERS.matcher(page).results().findFirst().orElseThrow().group(1);
			assertThat(rows.get(0)).as(queue.path())
				.isNotEmpty()
				.allSatisfy(header -> assertThat(head).contains(header));
			Matcher count = COUNT.matcher(page);
			assertThat(count.find()).as(queue.path()).isTrue();
			Matcher all = Pattern.compile("(\\d+)").matcher(count.group(1));
			int matching = 0;
			for (int i = 0; i < 3 && all.find(); i++) {
				matching = Integer.parseInt(all.group(1));
			}
			assertThat(rows.size() - 1).as(queue.path() + ": " + count.group(1)).isEqualTo(matching);
		}
	}

	@Test
	void aFilterThatFindsNothingDownloadsOnlyTheHeader() throws Exception {
		for (Queue queue : QUEUES) {
			String page = page(queue, queue.path() + "?filter=" + NOTHING);
			if (page.contains("name=\"filter\"")) {
				assertThat(page).as(queue.path()).contains("value=\"没有这样的\"");
			}
			assertThat(download(queue, queue.path() + "?format=xlsx&filter=" + NOTHING)).as(queue.path()).hasSize(1);
		}
	}

	@Test
	void everyStaffTemplateWithATableIsAStaffTableOrSaysWhyNot() throws IOException {
		Path templates = Path.of("src/main/resources/templates");
		Map<String, Boolean> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(templates)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String text = Files.readString(file);
				if (text.contains("<table")) {
					found.put(templates.relativize(file).toString().replace('\\', '/'),
							text.contains("tables :: head"));
				}
			}
		}
		found.forEach((template, table) -> {
			if (!table) {
				assertThat(NOT_QUEUES).as(template + " has a table: make it a staff table or say why not")
					.containsKey(template);
			}
		});
		assertThat(found.keySet()).containsAll(NOT_QUEUES.keySet());
	}

	private String page(Queue queue, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(java.net.URI.create(path)).with(user(queue.who())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private List<List<String>> download(Queue queue, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(java.net.URI.create(path)).with(user(queue.who())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		assertThat(response.getContentType()).as(path).startsWith("application/vnd.openxmlformats");
		assertThat(response.getHeader("Content-Disposition")).as(path).contains("attachment", ".xlsx");
		return SpreadsheetReader.read(response.getContentAsByteArray(), 100_000, n -> {
		}).stream().map(SpreadsheetReader.Row::cells).toList();
	}

}
