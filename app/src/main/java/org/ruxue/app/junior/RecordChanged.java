package org.ruxue.app.junior;

/**
 * The student's record changed after the user saw it (optimistic locking): nothing was
 * signed or changed; the page shows the new data.
 */
public class RecordChanged extends JuniorRefused {

	public RecordChanged() {
		super("form", "junior.error.changed");
	}

}
