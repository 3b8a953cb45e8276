package org.ruxue.app.opportunity;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one data row of an import would do, or why it cannot.
 *
 * @param difference for a change: the fields that differ, "field: before → after; ..."
 * @param change what the row says, typed, when it has no errors; null for a row read back
 * from the preview
 */
record PlannedRow(int number, List<String> cells, Action action, String difference, List<ImportProblem> problems,
		QuotaRow change) {

	/**
	 * A row's content: a junior high's year and, unless the high school is null, the
	 * places one quality high school allots to it.
	 */
	record QuotaRow(String schoolCode, int year, int graduates, BigDecimal shareEntered, String highSchoolCode,
			String highSchoolName, Integer places) {

		boolean hasQuota() {
			return highSchoolCode != null;
		}

	}

	enum Action {

		ADD, CHANGE, UNCHANGED, ERROR

	}

	PlannedRow {
		cells = List.copyOf(cells);
		problems = List.copyOf(problems);
	}

	boolean writes() {
		return action == Action.ADD || action == Action.CHANGE;
	}

}
