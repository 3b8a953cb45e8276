package org.ruxue.app.tables;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a staff table adds to a queue's page (docs/benchmarks/tables.md): a queue of
 * 20,000 lines (the cap of the primary and permit queues) arranged for one page, sorted
 * by a Chinese name (pinyin collation), by a number, filtered by a status word, and
 * downloaded whole as XLSX. The facade's query is not part of it. Not a test: run it with
 * the command in the docs.
 */
public final class TablesBenchmark {

	record Line(String number, String name, String zone, int category, String status, Instant at) {

	}

	static final List<Column<Line>> COLUMNS = List.of(Column.text("number", "h", Line::number),
			Column.text("name", "h", Line::name), Column.text("zone", "h", Line::zone),
			Column.number("category", "h", Line::category), Column.message("status", "h", Line::status),
			Column.time("at", "h", Line::at));

	private TablesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		StaticMessageSource messages = new StaticMessageSource();
		List<String> statuses = List.of("s.submitted", "s.approved", "s.returned", "s.rejected");
		List<String> words = List.of("已提交", "区审核通过", "退回修改", "审核不通过");
		for (int i = 0; i < statuses.size(); i++) {
			messages.addMessage(statuses.get(i), Locale.SIMPLIFIED_CHINESE, words.get(i));
		}
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		RequestContextHolder
			.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/district/primary")));
		Tables tables = new Tables(messages, "Asia/Shanghai", Clock.systemUTC());
		List<Line> lines = lines(rows, statuses);
		System.out.printf("%,d lines, %d runs each, medians:%n", rows, runs);
		report("page, facade's order", runs, () -> tables.show("v", "q", lines, COLUMNS, query(null, null), model()));
		report("page, by name (pinyin)", runs,
				() -> tables.show("v", "q", lines, COLUMNS, query("name", null), model()));
		report("page, by category", runs,
				() -> tables.show("v", "q", lines, COLUMNS, query("category", null), model()));
		report("page, filter 退回", runs, () -> tables.show("v", "q", lines, COLUMNS, query(null, "退回"), model()));
		report("download xlsx, all lines", runs, () -> {
			ModelAndView view = tables.show("v", "q", lines, COLUMNS,
					new TableQuery("name", null, null, null, null, "xlsx"), model());
			MockHttpServletResponse response = new MockHttpServletResponse();
			try {
				view.getView().render(java.util.Map.of(), new MockHttpServletRequest(), response);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return response.getContentAsByteArray().length;
		});
	}

	private static TableQuery query(String sort, String filter) {
		return new TableQuery(sort, null, filter, "3", "50", null);
	}

	private static ExtendedModelMap model() {
		return new ExtendedModelMap();
	}

	private static void report(String what, int runs, Supplier<Object> work) {
		for (int i = 0; i < 3; i++) {
			work.get();
		}
		long[] nanos = new long[runs];
		Object last = null;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			last = work.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf("RESULT %-28s median %7.1f ms  (min %.1f, max %.1f)%s%n", what, nanos[runs / 2] / 1e6,
				nanos[0] / 1e6, nanos[runs - 1] / 1e6,
				(last instanceof Integer bytes) ? ", %,d bytes".formatted(bytes) : "");
	}

	private static List<Line> lines(int rows, List<String> statuses) {
		Random random = new Random(12);
		String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
		List<Line> lines = new ArrayList<>(rows);
		Instant start = Instant.parse("2017-05-10T00:00:00Z");
		for (int i = 0; i < rows; i++) {
			lines.add(new Line("2017-%06d".formatted(i), surnames.charAt(random.nextInt(surnames.length())) + "*",
					"第" + (1 + random.nextInt(40)) + "片", 1 + random.nextInt(12),
					statuses.get(random.nextInt(statuses.size())), start.plusSeconds(random.nextInt(864_000))));
		}
		return lines;
	}

}
