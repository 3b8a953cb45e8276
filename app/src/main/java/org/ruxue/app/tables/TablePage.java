package org.ruxue.app.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a staff table as the page draws it: its columns, the rows of this page, the
 * counts, and the addresses of every other view of it (another sort, another page, the
 * download), each keeping the page's own filters.
 *
 * @param <T> the rows' type
 */
public final class TablePage<T> {

	private static final java.util.Set<String> KEPT_OUT = java.util.Set.of("filter", "page", "format");

	private final List<Column<T>> columns;

	private final List<T> rows;

	private final int total;

	private final int matching;

	private final TableQuery query;

	private final String path;

	private final MultiValueMap<String, String> parameters;

	private final BiFunction<Column<T>, T, String> texts;

	private final String filterHint;

	TablePage(List<Column<T>> columns, List<T> rows, int total, int matching, TableQuery query, String path,
			MultiValueMap<String, String> parameters, BiFunction<Column<T>, T, String> texts, String filterHint) {
		this.texts = texts;
		this.filterHint = filterHint;
		this.columns = columns;
		this.rows = rows;
		this.total = total;
		this.matching = matching;
		this.query = query;
		this.path = path;
		this.parameters = parameters;
	}

	/**
	 * A query parameter of the page's own (district, status, ...) that every link keeps.
	 */
	public record Parameter(String name, String value) {

	}

	public List<Column<T>> columns() {
		return columns;
	}

	public List<T> rows() {
		return rows;
	}

	/**
	 * What a row shows in the column {@code key}, exactly as the filter searches it and
	 * the download writes it (a status in the reader's language, a time in the city's
	 * zone).
	 */
	public String cell(T row, String key) {
		for (Column<T> column : columns) {
			if (column.key().equals(key)) {
				return texts.apply(column, row);
			}
		}
		throw new IllegalArgumentException("No column " + key);
	}

	/** All rows, before the filter. */
	public int total() {
		return total;
	}

	/** The rows the filter selects, on all pages. */
	public int matching() {
		return matching;
	}

	public int page() {
		return Math.min(query.pageNumber(), pages());
	}

	public int pages() {
		return Math.max(1, (matching + query.pageSize() - 1) / query.pageSize());
	}

	public int size() {
		return query.pageSize();
	}

	public List<Integer> sizes() {
		return TableQuery.SIZES;
	}

	/** The position of this page's first row, from 1; 0 when there is none. */
	public int first() {
		return (matching == 0) ? 0 : (page() - 1) * size() + 1;
	}

	public int last() {
		return Math.min(matching, page() * size());
	}

	public String filter() {
		return (query.filter() != null) ? query.filter().strip() : "";
	}

	/** The message key saying what the filter looks for. */
	public String filterHint() {
		return filterHint;
	}

	public boolean filtered() {
		return !query.needle().isEmpty();
	}

	/** The page's address without its query, where the filter form goes. */
	public String path() {
		return path;
	}

	/**
	 * The parameters the filter form carries along: all but the filter, page and format.
	 */
	public List<Parameter> kept() {
		List<Parameter> kept = new ArrayList<>();
		parameters.forEach((name, values) -> {
			if (!KEPT_OUT.contains(name)) {
				values.forEach(value -> kept.add(new Parameter(name, value)));
			}
		});
		return kept;
	}

	/**
	 * {@code ascending} or {@code descending} for the sorted column, null for the others.
	 */
	public String ariaSort(String key) {
		if (!key.equals(query.sort())) {
			return null;
		}
		return query.descending() ? "descending" : "ascending";
	}

	/** Sorted by this column: by it in the other direction; else by it, ascending. */
	public String sortHref(String key) {
		boolean reverse = key.equals(query.sort()) && !query.descending();
		return link().replaceQueryParam("sort", key)
			.replaceQueryParam("dir", reverse ? "desc" : "asc")
			.replaceQueryParam("page")
			.build()
			.encode()
			.toUriString();
	}

	public String pageHref(int page) {
		return link().replaceQueryParam("page", page).build().encode().toUriString();
	}

	/** The download of every row the filter selects, in this order. */
	public String downloadHref(String format) {
		return link().replaceQueryParam("page").replaceQueryParam("format", format).build().encode().toUriString();
	}

	/**
	 * The pages the pager names: the first, the last, and two either side of this one;
	 * null where pages are left out.
	 */
	public List<Integer> pageNumbers() {
		List<Integer> numbers = new ArrayList<>();
		int current = page();
		for (int n = 1; n <= pages(); n++) {
			if (n == 1 || n == pages() || Math.abs(n - current) <= 2) {
				numbers.add(n);
			}
			else if (numbers.get(numbers.size() - 1) != null) {
				numbers.add(null);
			}
		}
		return numbers;
	}

	private UriComponentsBuilder link() {
		return UriComponentsBuilder.fromPath(path).queryParams(parameters).replaceQueryParam("format");
	}

}
