package org.ruxue.app.junior;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruxue.app.registry.Student;
import org.ruxue.app.zoning.School;

/**
 * What the family's preference page shows: the student, the district's batches with the
 * schools each offers, the window, what stands now, and a route outside the draw that
 * replaces the form.
 *
 * @param opensOn the window's first day, or null when the year has none
 * @param closesOn its last day, or null
 * @param open whether changes are accepted now
 */
public record PreferenceSheet(Student student, BatchPlan plan, Map<Integer, List<School>> offered, LocalDate opensOn,
		LocalDate closesOn, boolean open, Optional<SavedPreferences> saved, Optional<AdmissionRoute> route) {

	/** The version the next save starts from. */
	public int version() {
		return saved.map(SavedPreferences::version).orElse(0);
	}

}
