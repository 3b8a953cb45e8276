package org.ruxue.app.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import as its pages show it: where it stands and what it found. */
record ImportJob(UUID id, String fileName, Status status, String problemKey, List<String> problemArgs, int rowsRead,
		int rowsChecked, int rowsToWrite, int rowsWritten, int added, int changed, int unchanged, int removed,
		int rowsWithErrors, String createdBy, Instant createdAt, Instant progressAt, Instant finishedAt) {

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

	/** The city may write it: read, no row with errors, something to change. */
	public boolean confirmable() {
		return status == Status.READY && rowsWithErrors == 0 && added + changed + removed > 0;
	}

	public int percentRead() {
		return (rowsRead == 0) ? 0 : 100 * rowsChecked / rowsRead;
	}

	public int percentWritten() {
		return (rowsToWrite == 0) ? 0 : 100 * rowsWritten / rowsToWrite;
	}

}
