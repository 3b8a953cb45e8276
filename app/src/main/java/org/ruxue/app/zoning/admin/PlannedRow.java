package org.ruxue.app.zoning.admin;

import java.util.List;

import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.ZoneDefinition;
import org.ruxue.app.zoning.ZoningProblem;

/**
 * What one data row of an import would do, or why it cannot.
 *
 * @param difference for a change: the fields that differ, "field: before → after; ..."
 * @param change what the row says, typed, when it has no errors; null for a row read back
 * from the preview
 */
record PlannedRow(int number, List<String> cells, Action action, String difference, List<ZoningProblem> problems,
		Change change) {

	/** A row's content, ready to be saved. */
	sealed interface Change {

	}

	record SchoolChange(School school) implements Change {

	}

	record AddressChange(ZoneDefinition zone, AddressMapping address) implements Change {

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
