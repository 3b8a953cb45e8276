package org.ruxue.app.zoning;

import java.util.List;

/**
 * One page of a list an officer searches: the items and where they stand in the whole.
 */
public record Listing<T>(List<T> items, int page, int pageSize, long total) {

	public Listing {
		items = List.copyOf(items);
	}

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}

}
