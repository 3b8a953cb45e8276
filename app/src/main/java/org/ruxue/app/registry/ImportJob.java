package org.ruxue.app.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A graduate import as its pages show it: where it stands and what it found. */
record ImportJob(UUID id, Source source, String fileName, int entryYear, Status status, String problemKey,
		List<String> problemArgs, int rowsRead, int rowsChecked, int rowsToWrite, int rowsWritten, int added,
		int changed, int unchanged, int rowsWithErrors, int accountsProvisioned, String createdBy, Instant createdAt,
		Instant progressAt, Instant finishedAt) {

	/** A worker that shows no progress for this long has stopped (its node went down). */
	static final Duration STALLED = Duration.ofMinutes(5);

	enum Source {

		/** An export uploaded by the city. */
		FILE,
		/** Fetched from the registry's JSON service. */
		HTTP,
		/** The demo's graduates, imported at start-up. */
		DEMO

	}

	enum Status {

		READING, READY, REFUSED, WRITING, WRITTEN, CANCELLED, FAILED

	}

	public boolean running(Instant now) {
		return (status == Status.READING || status == Status.WRITING) && !stalled(now);
	}

	public boolean stalled(Instant now) {
		return (status == Status.READING || status == Status.WRITING) && progressAt.plus(STALLED).isBefore(now);
	}

	/**
	 * The city may write it: read, and something to add or change. Rows with errors are
	 * reported and left out.
	 */
	public boolean confirmable() {
		return status == Status.READY && added + changed > 0;
	}

	public int percentRead() {
		return (rowsRead == 0) ? 0 : Math.min(100, 100 * rowsChecked / rowsRead);
	}

	public int percentWritten() {
		return (rowsToWrite == 0) ? 0 : Math.min(100, 100 * rowsWritten / rowsToWrite);
	}

}
