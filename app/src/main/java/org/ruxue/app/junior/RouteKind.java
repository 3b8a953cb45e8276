package org.ruxue.app.junior;

/**
 * The ways into a junior high outside the draw (R-J7: each student's method is recorded).
 */
public enum RouteKind {

	/** 推荐入学: a recommended admission the district allots. */
	RECOMMENDED,

	/** 特长生: admission for a specialty (sports, arts, science). */
	SPECIALTY,

	/** 民办学校: admission by a private school. */
	PRIVATE_SCHOOL,

	/** 九年一贯对口直升: a nine-year school's own primary graduates stay on. */
	DIRECT_PROGRESSION;

	public String messageKey() {
		return "junior.route." + name();
	}

	static RouteKind parse(String text) {
		for (RouteKind kind : values()) {
			if (kind.name().equals(text)) {
				return kind;
			}
		}
		return null;
	}

}
