package org.ruxue.app.registry;

import java.util.List;

/** One page of a district's students, with the page number (from 0) and the total. */
public record StudentListing(List<Student> students, int page, int pageSize, long total) {

	public StudentListing {
		students = List.copyOf(students);
	}

}
