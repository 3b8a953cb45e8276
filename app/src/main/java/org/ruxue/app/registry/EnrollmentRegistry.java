package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.zoning.EntryLevel;

/**
 * The port to the electronic student registry for the hand-off of new enrollments (R-G3,
 * docs/registry.md), chosen by {@code ruxue.registry.handoff.adapter}: {@code local}
 * keeps the registry's copy in a table of this database and acknowledges each record;
 * {@code http} posts batches to the registry's JSON service.
 */
interface EnrollmentRegistry {

	/**
	 * Hands over one batch. The registry applies a batch once: the same idempotency key
	 * again gets the first answer, and a record it holds in this version already is not
	 * applied twice.
	 * @return the registry's answer for each record of the batch, by key
	 * @throws RegistryUnavailable when the batch could not be delivered
	 */
	Delivery send(Batch batch);

	/**
	 * What the registry holds of a year and level.
	 * @throws RegistryUnavailable when the registry cannot tell
	 */
	List<Held> list(int year, EntryLevel level);

	/** A record in the version being sent; the ID number opened for the registry. */
	record Outgoing(String key, int version, String districtCode, String schoolCode, String method, String name,
			String sex, java.time.LocalDate birthDate, IdCardNumber idNumber, String educationId) {

	}

	record Batch(String idempotencyKey, int year, EntryLevel level, List<Outgoing> records) {

		public Batch {
			records = List.copyOf(records);
		}

	}

	/** The registry's answer to one record. */
	enum Outcome {

		/** Held, with its reference. */
		ACKNOWLEDGED,
		/** Taken, to be processed later. */
		RECEIVED,
		/** Refused: the reason says why. */
		REJECTED

	}

	record Receipt(String key, Outcome outcome, String reference, String reason) {

	}

	/**
	 * @param attempts requests it took to deliver the batch (each may have reached the
	 * registry)
	 */
	record Delivery(List<Receipt> receipts, int attempts) {

	}

	/** A record as the registry lists it. */
	record Held(String key, int version, String reference, String schoolCode) {

	}

}
