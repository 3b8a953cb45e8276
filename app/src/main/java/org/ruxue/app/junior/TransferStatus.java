package org.ruxue.app.junior;

import java.util.Optional;

/**
 * Where a transfer application stands. A draft belongs to the school until it is
 * submitted; then each stage of the chain decides in turn (R-J4).
 */
public enum TransferStatus {

	DRAFT, SUBMITTED, SCHOOL_APPROVED, OUT_APPROVED, APPROVED, REJECTED, WITHDRAWN;

	/** The stage whose decision is awaited, if any. */
	public Optional<TransferStage> awaiting() {
		return switch (this) {
			case SUBMITTED -> Optional.of(TransferStage.SCHOOL);
			case SCHOOL_APPROVED -> Optional.of(TransferStage.OUT_DISTRICT);
			case OUT_APPROVED -> Optional.of(TransferStage.IN_DISTRICT);
			default -> Optional.empty();
		};
	}

	/** What an approval at the awaited stage leads to. */
	TransferStatus approved() {
		return switch (this) {
			case SUBMITTED -> SCHOOL_APPROVED;
			case SCHOOL_APPROVED -> OUT_APPROVED;
			case OUT_APPROVED -> APPROVED;
			default -> throw new IllegalStateException("Nothing to approve in " + this);
		};
	}

	public boolean finished() {
		return this == APPROVED || this == REJECTED || this == WITHDRAWN;
	}

	public String messageKey() {
		return "junior.transfer.status." + name();
	}

}
