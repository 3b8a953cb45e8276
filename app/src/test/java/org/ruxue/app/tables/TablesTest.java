package org.ruxue.app.tables;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.spreadsheet.SpreadsheetReader;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff table (issue 12) sorts by what a column shows (numbers as numbers, statuses as
 * their words, Chinese names in pinyin order), filters by any column's text, pages, keeps
 * the page's own filters in every link, and downloads exactly the selected rows.
 */
class TablesTest {

	record Line(String number, String name, String status, int category, Instant at) {

	}

	static final List<Column<Line>> COLUMNS = List.of(Column.text("number", "h.number", Line::number),
			Column.text("name", "h.name", Line::name), Column.message("status", "h.status", Line::status),
			Column.number("category", "h.category", Line::category), Column.time("at", "h.at", Line::at),
			Column.actions("actions", "h.actions"));

	final StaticMessageSource messages = new StaticMessageSource();

	final Tables tables = new Tables(messages, "Asia/Shanghai",
			Clock.fixed(Instant.parse("2017-05-20T02:00:00Z"), ZoneOffset.UTC));

	MockHttpServletRequest request;

	@BeforeEach
	void setUp() {
		messages.addMessage("s.submitted", Locale.SIMPLIFIED_CHINESE, "已提交");
		messages.addMessage("s.approved", Locale.SIMPLIFIED_CHINESE, "已通过");
		messages.addMessage("s.rejected", Locale.SIMPLIFIED_CHINESE, "不通过");
		for (String h : List.of("number", "name", "status", "category", "at", "actions")) {
			messages.addMessage("h." + h, Locale.SIMPLIFIED_CHINESE, "列" + h);
		}
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		request = new MockHttpServletRequest("GET", "/district/permits");
		request.setQueryString("district=110101");
		request.addParameter("district", "110101");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@AfterEach
	void tearDown() {
		RequestContextHolder.resetRequestAttributes();
		LocaleContextHolder.resetLocaleContext();
	}

	static List<Line> lines() {
		return List.of(new Line("P-003", "张*", "s.submitted", 10, Instant.parse("2017-05-10T01:00:00Z")),
				new Line("P-001", "李*", "s.approved", 2, Instant.parse("2017-05-12T01:00:00Z")),
				new Line("P-002", "王*", "s.rejected", 1, null),
				new Line("P-010", "安*", "s.submitted", 3, Instant.parse("2017-05-11T01:00:00Z")));
	}

	List<String> numbers(String sort, String dir, String filter) {
		return tables.arrange(lines(), COLUMNS, new TableQuery(sort, dir, filter, null, null, null), Locale.CHINA)
			.stream()
			.map(Line::number)
			.toList();
	}

	@Test
	void keepsTheFacadesOrderUnlessAskedAndIgnoresUnknownColumns() {
		assertThat(numbers(null, null, null)).containsExactly("P-003", "P-001", "P-002", "P-010");
		assertThat(numbers("nothing", "desc", null)).containsExactly("P-003", "P-001", "P-002", "P-010");
		assertThat(numbers("actions", null, null)).containsExactly("P-003", "P-001", "P-002", "P-010");
	}

	@Test
	void aColumnOfferedUnsortedIsSearchedButNotSortedBy() {
		List<Column<Line>> columns = List.of(Column.text("number", "h.number", Line::number),
				Column.text("name", "h.name", Line::name).unsorted());
		assertThat(tables.arrange(lines(), columns, new TableQuery("name", null, null, null, null, null), Locale.CHINA))
			.extracting(Line::number)
			.containsExactly("P-003", "P-001", "P-002", "P-010");
		assertThat(tables.arrange(lines(), columns, new TableQuery(null, null, "安", null, null, null), Locale.CHINA))
			.extracting(Line::number)
			.containsExactly("P-010");
	}

	@Test
	void sortsNumbersAsNumbersAndTimesInOrderWithTheEmptyLastEitherWay() {
		assertThat(numbers("category", "asc", null)).containsExactly("P-002", "P-001", "P-010", "P-003");
		assertThat(numbers("category", "desc", null)).containsExactly("P-003", "P-010", "P-001", "P-002");
		assertThat(numbers("at", "asc", null)).containsExactly("P-003", "P-010", "P-001", "P-002");
		assertThat(numbers("at", "desc", null)).containsExactly("P-001", "P-010", "P-003", "P-002");
	}

	@Test
	void sortsChineseTextInPinyinOrder() {
		// 安 (an) < 李 (li) < 王 (wang) < 张 (zhang); by code point 张 would come before 李
		assertThat(numbers("name", null, null)).containsExactly("P-010", "P-001", "P-002", "P-003");
	}

	@Test
	void filtersByWhatAnyColumnShowsIncludingTranslatedStatusesAndTimes() {
		assertThat(numbers(null, null, "已提交")).containsExactly("P-003", "P-010");
		assertThat(numbers(null, null, " p-00 ")).containsExactly("P-003", "P-001", "P-002");
		// 2017-05-12T01:00Z is 09:00 in Beijing: the filter searches the time as shown
		assertThat(numbers(null, null, "2017-05-12 09:00")).containsExactly("P-001");
		assertThat(numbers(null, null, "没有")).isEmpty();
	}

	@Test
	void pagesTheSelectedRowsAndClampsAPageBeyondTheLast() {
		List<Line> many = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			many.add(new Line("N-%03d".formatted(i), "张*", "s.submitted", i, null));
		}
		ExtendedModelMap model = new ExtendedModelMap();
		tables.show("v", "n", many, COLUMNS, new TableQuery("category", "desc", null, "3", "50", null), model);
		TablePage<?> page = (TablePage<?>) model.get("table");
		assertThat(page.pages()).isEqualTo(3);
		assertThat(page.page()).isEqualTo(3);
		assertThat(page.first()).isEqualTo(101);
		assertThat(page.last()).isEqualTo(120);
		assertThat(page.rows()).hasSize(20);
		assertThat(((Line) page.rows().get(0)).number()).isEqualTo("N-020");
		assertThat(page.pageNumbers()).containsExactly(1, 2, 3);

		tables.show("v", "n", many, COLUMNS, new TableQuery(null, null, null, "99", "abc", null), model);
		page = (TablePage<?>) model.get("table");
		assertThat(page.size()).isEqualTo(50);
		assertThat(page.page()).isEqualTo(3);

		tables.show("v", "n", many, COLUMNS, new TableQuery(null, null, null, "3", "20", null), model);
		assertThat(((TablePage<?>) model.get("table")).pageNumbers()).containsExactly(1, 2, 3, 4, 5, 6);
		// page 7 of 6 is the last page
		tables.show("v", "n", many, COLUMNS, new TableQuery(null, null, null, "7", "20", null), model);
		assertThat(((TablePage<?>) model.get("table")).pageNumbers()).containsExactly(1, null, 4, 5, 6);
	}

	@Test
	void everyLinkKeepsThePagesOwnFiltersAndTheSortToggles() {
		request.setQueryString("district=110101&filter=%E5%BC%A0&page=2");
		ExtendedModelMap model = new ExtendedModelMap();
		tables.show("v", "n", lines(), COLUMNS, new TableQuery("name", "asc", "张", "2", null, null), model);
		TablePage<?> page = (TablePage<?>) model.get("table");
		assertThat(page.sortHref("name")).startsWith("/district/permits?")
			.contains("district=110101")
			.contains("dir=desc")
			.contains("filter=%E5%BC%A0")
			.doesNotContain("page=");
		assertThat(page.sortHref("category")).contains("sort=category").contains("dir=asc");
		assertThat(page.ariaSort("name")).isEqualTo("ascending");
		assertThat(page.ariaSort("category")).isNull();
		assertThat(page.downloadHref("xlsx")).contains("format=xlsx")
			.contains("district=110101")
			.doesNotContain("page=");
		assertThat(page.kept()).extracting(TablePage.Parameter::name).containsExactly("district");
	}

	@Test
	void aPageShownAgainAfterARefusedFormKeepsOnlyItsAddressInItsLinks() {
		request.setMethod("POST");
		request.setQueryString("district=110101&filter=%E5%BC%A0");
		request.addParameter("filter", "张");
		request.addParameter("childIdNumber", "110101200501019999");
		request.addParameter("mobile", "13912340000");
		ExtendedModelMap model = new ExtendedModelMap();
		tables.show("v", "n", lines(), COLUMNS, new TableQuery(null, null, "张", null, null, null), model);
		TablePage<?> page = (TablePage<?>) model.get("table");
		assertThat(page.sortHref("name") + page.downloadHref("xlsx") + page.pageHref(2) + page.kept())
			.doesNotContain("110101200501019999", "13912340000", "childIdNumber", "mobile");
		assertThat(page.kept()).containsExactly(new TablePage.Parameter("district", "110101"));
		assertThat(page.sortHref("name")).contains("filter=%E5%BC%A0");
	}

	@Test
	void downloadsEverySelectedRowInOrderWithTheHeadersAndWithoutTheButtons() throws Exception {
		ModelAndView view = tables.show("v", "permits-110101", lines(), COLUMNS,
				new TableQuery("category", null, "已提交", "2", "20", "xlsx"), new ExtendedModelMap());
		MockHttpServletResponse response = new MockHttpServletResponse();
		view.getView().render(java.util.Map.of(), request, response);
		assertThat(response.getHeader("Content-Disposition")).contains("permits-110101-2017-05-20.xlsx");
		List<List<String>> rows = SpreadsheetReader.read(response.getContentAsByteArray(), 100, n -> {
		}).stream().map(SpreadsheetReader.Row::cells).toList();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).containsExactly("列number", "列name", "列status", "列category", "列at");
		assertThat(rows.get(1)).containsExactly("P-010", "安*", "已提交", "3", "2017-05-11 09:00");
		assertThat(rows.get(2)).containsExactly("P-003", "张*", "已提交", "10", "2017-05-10 09:00");
	}

}
