package org.ruxue.app.registry;

import org.ruxue.app.zoning.EntryLevel;

/**
 * What one {@link EnrollmentHandoffs#send} did (R-G3). A second send right after a
 * complete one sends nothing: {@code sent} is 0.
 *
 * @param batches requests made to the registry (each possibly tried several times)
 * @param sent enrollments in those batches: acknowledged + awaiting acknowledgement +
 * failed
 * @param acknowledged the registry holds them and gave its reference
 * @param awaitingAcknowledgement the registry took them without acknowledging them yet
 * @param failed refused by the registry, or in a batch that could not be delivered
 * @param stillPending left to send after this send (a send stops at the first batch the
 * registry cannot take)
 * @param failure why the send stopped early, or null
 */
public record SendReport(int year, EntryLevel level, int batches, int sent, int acknowledged,
		int awaitingAcknowledgement, int failed, int stillPending, String failure) {

	/**
	 * Whether every batch went through (some enrollments may still have been refused).
	 */
	public boolean complete() {
		return failure == null;
	}

}
