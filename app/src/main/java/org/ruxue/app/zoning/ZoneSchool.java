package org.ruxue.app.zoning;

/** A school as the lookup names it. */
public record ZoneSchool(String code, String name, SchoolLevel level) {

	static ZoneSchool of(School school) {
		return new ZoneSchool(school.code(), school.name(), school.level());
	}

}
