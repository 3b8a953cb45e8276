package org.ruxue.app.zoning.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import as its pages show it: where it stands and what it found. */
record ImportJob(UUID id, String districtCode, ImportKind kind, String fileName, Status status, String problemKey,
		List<String> problemArgs, int rowsRead, int rowsChecked, int rowsToWrite, int rowsWritten, int added,
		int changed, int unchanged, int rowsWithErrors, String createdBy, Instant createdAt, Instant progressAt,
		Instant finishedAt) {

	/** A worker that shows no progress for this long has stopped (its node went down). */
	static final Duration STALLED = Duration.ofMinutes(5);

	enum Status {

		READING, READY, REFUSED, WRITING, WRITTEN, CANCELLED, FAILED

	}

	public boolean running(Instant now) {
		return (status == Status.READING || status == Status.WRITING) && !stalled(now);
	}

	public boolean stalled(Instant now) {
		return (status == Status.READING || status == Status.WRITING) && progressAt.plus(STALLED).isBefore(now);
	}

	/** The officer may write it: read, no row with errors, something to change. */
	public boolean confirmable() {
		return status == Status.READY && rowsWithErrors == 0 && added + changed > 0;
	}

	public boolean cancellable() {
		return status == Status.READY;
	}

	public int percentRead() {
		return (rowsRead == 0) ? 0 : 100 * rowsChecked / rowsRead;
	}

	public int percentWritten() {
		return (rowsToWrite == 0) ? 0 : 100 * rowsWritten / rowsToWrite;
	}

}
