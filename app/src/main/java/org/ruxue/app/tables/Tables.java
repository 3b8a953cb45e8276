package org.ruxue.app.tables;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.CollationKey;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ruxue.app.spreadsheet.SpreadsheetWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Shows a staff table: sorts, filters and pages the rows a queue's facade returned, or
 * writes them all as a spreadsheet. The facade has already decided who may see which
 * rows, masked them and put the read on the record; a table only arranges them, so the
 * download holds what the pages show and nothing more.
 */
@Component
public class Tables {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final ZoneId zone;

	private final Clock clock;

	Tables(MessageSource messages, @Value("${ruxue.time-zone}") String zone, Clock clock) {
		this.messages = messages;
		this.zone = ZoneId.of(zone);
		this.clock = clock;
	}

	/**
	 * The page {@code view} with this page of the rows as {@code table} in its model, or,
	 * when the query asks for it, the download of every row the filter selects, named
	 * {@code name} and the day.
	 */
	public <T> ModelAndView show(String view, String name, List<T> rows, List<Column<T>> columns, TableQuery query,
			Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		List<T> selected = arrange(rows, columns, query, locale);
		if (query.download() != null) {
			return download(name, query.download(), columns, selected::forEach);
		}
		int size = query.pageSize();
		int pages = Math.max(1, (selected.size() + size - 1) / size);
		int page = Math.min(query.pageNumber(), pages);
		List<T> shown = selected.subList(Math.min(selected.size(), (page - 1) * size),
				Math.min(selected.size(), page * size));
		model.addAttribute("table", page(rows.size(), selected.size(), shown, columns, query, null));
		return new ModelAndView(view);
	}

	/**
	 * The page {@code view} for a table too large to arrange here, which its facade
	 * sorts, filters and pages itself (the query's page, its size, its sort and filter):
	 * {@code shown} is the page's rows, {@code matching} the rows the filter selects and
	 * {@code total} all rows. {@code filterHint} is the message key saying what the
	 * filter looks for.
	 */
	public <T> ModelAndView showPage(String view, List<Column<T>> columns, TableQuery query, List<T> shown,
			long matching, long total, String filterHint, Model model) {
		model.addAttribute("table",
				page(Math.toIntExact(total), Math.toIntExact(matching), shown, columns, query, filterHint));
		return new ModelAndView(view);
	}

	/**
	 * The download of a table's rows, written as {@code rows} hands them over (a facade
	 * streaming a large table from the database), in {@code format} ({@code xlsx} or
	 * {@code csv}), named {@code name} and the day.
	 */
	public <T> ModelAndView download(String name, String format, List<Column<T>> columns, Consumer<Consumer<T>> rows) {
		return new ModelAndView(new Download<>(name, format, rows, columns, LocaleContextHolder.getLocale()));
	}

	private <T> TablePage<T> page(int total, int matching, List<T> shown, List<Column<T>> columns, TableQuery query,
			String filterHint) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		MultiValueMap<String, String> parameters = addressParameters(request);
		Locale locale = LocaleContextHolder.getLocale();
		return new TablePage<>(columns, List.copyOf(shown), total, matching, query, request.getRequestURI(), parameters,
				(column, row) -> text(column, row, locale), (filterHint != null) ? filterHint : "tables.filter.hint");
	}

	/**
	 * The parameters of the page's address, decoded, without the download's format. Not
	 * the request's parameters: a page shown again after a refused form would carry the
	 * form's fields (a child's ID number, a mobile) into every link of its table.
	 */
	static MultiValueMap<String, String> addressParameters(HttpServletRequest request) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			if (!"format".equals(key) && !"_csrf".equals(key)) {
				parameters.add(key, value);
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a malformed escape in an edited address: keep the text as it came
			return text;
		}
	}

	/**
	 * The rows the filter selects, in the order asked for (the facade's order otherwise).
	 */
	<T> List<T> arrange(List<T> rows, List<Column<T>> columns, TableQuery query, Locale locale) {
		List<Column<T>> data = columns.stream().filter(Column::data).toList();
		String needle = query.needle();
		Map<T, String[]> texts = new IdentityHashMap<>();
		List<T> selected = new ArrayList<>(rows.size());
		for (T row : rows) {
			if (needle.isEmpty() || matches(texts(row, data, locale, texts), needle)) {
				selected.add(row);
			}
		}
		for (int i = 0; i < data.size(); i++) {
			if (data.get(i).sortable() && data.get(i).key().equals(query.sort())) {
				selected.sort(order(data.get(i), i, data, locale, texts, query.descending()));
			}
		}
		return selected;
	}

	private static boolean matches(String[] texts, String needle) {
		for (String text : texts) {
			if (text != null && text.toLowerCase(Locale.ROOT).contains(needle)) {
				return true;
			}
		}
		return false;
	}

	private <T> String[] texts(T row, List<Column<T>> data, Locale locale, Map<T, String[]> cache) {
		return cache.computeIfAbsent(row, r -> {
			String[] texts = new String[data.size()];
			for (int i = 0; i < texts.length; i++) {
				texts[i] = text(data.get(i), r, locale);
			}
			return texts;
		});
	}

	/** What a row shows in a column, as the page and the download show it. */
	<T> String text(Column<T> column, T row, Locale locale) {
		Object value = column.value().apply(row);
		if (value == null) {
			return null;
		}
		return switch (column.kind()) {
			case MESSAGE -> messages.getMessage(value.toString(), null, value.toString(), locale);
			case TIME -> time((Temporal) value);
			case ACTIONS -> null;
			default -> value.toString();
		};
	}

	private String time(Temporal value) {
		return switch (value) {
			case Instant instant -> MINUTE.format(instant.atZone(zone));
			case LocalDateTime dateTime -> MINUTE.format(dateTime);
			case LocalDate date -> date.toString();
			default -> value.toString();
		};
	}

	/**
	 * Text sorts by collation keys, made once per row: comparing through the collator
	 * itself made a 20,000-line queue take a quarter of a second to sort by name.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private <T> Comparator<T> order(Column<T> column, int index, List<Column<T>> data, Locale locale,
			Map<T, String[]> cache, boolean descending) {
		Comparator<Object> values = switch (column.kind()) {
			case NUMBER -> Comparator.comparingDouble(value -> ((Number) value).doubleValue());
			default -> (a, b) -> ((Comparable) a).compareTo(b);
		};
		if (descending) {
			values = values.reversed();
		}
		Comparator<Object> nullsLast = Comparator.nullsLast(values);
		return switch (column.kind()) {
			case NUMBER, TIME -> (a, b) -> nullsLast.compare(column.value().apply(a), column.value().apply(b));
			default -> {
				Collator collator = Collator.getInstance(locale);
				Map<T, CollationKey> keys = new IdentityHashMap<>();
				Function<T, CollationKey> key = row -> keys.computeIfAbsent(row, r -> {
					String text = texts(r, data, locale, cache)[index];
					return (text != null) ? collator.getCollationKey(text) : null;
				});
				yield (a, b) -> nullsLast.compare(key.apply(a), key.apply(b));
			}
		};
	}

	/**
	 * Every selected row as a spreadsheet of the columns with data, headers in the
	 * reader's language.
	 */
	private final class Download<T> implements View {

		private final String name;

		private final String format;

		private final Consumer<Consumer<T>> rows;

		private final List<Column<T>> columns;

		private final Locale locale;

		Download(String name, String format, Consumer<Consumer<T>> rows, List<Column<T>> columns, Locale locale) {
			this.name = name;
			this.format = format;
			this.rows = rows;
			this.columns = columns.stream().filter(Column::data).toList();
			this.locale = locale;
		}

		@Override
		public String getContentType() {
			return SpreadsheetWriter.mediaType(format);
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			String file = name + "-" + LocalDate.now(clock.withZone(zone)) + "." + format;
			response.setContentType(getContentType());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString());
			List<String> header = columns.stream()
				.map(column -> messages.getMessage(column.header(), null, column.header(), locale))
				.toList();
			try (SpreadsheetWriter writer = SpreadsheetWriter.of(format, response.getOutputStream(), name, header)) {
				rows.accept(row -> writer.row(columns.stream().map(column -> text(column, row, locale)).toList()));
			}
		}

	}

}
