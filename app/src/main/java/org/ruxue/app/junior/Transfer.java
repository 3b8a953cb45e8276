package org.ruxue.app.junior;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;

import org.springframework.security.access.AccessDeniedException;

/**
 * A graduating school's application for its student to return to the hukou or home
 * district (R-J4), as staff see it: the student's name and masked ID number, the two
 * districts, the signatures and each stage's decision.
 *
 * @param decisions the decisions so far, in the order of the chain
 * @param rejectedAt the stage that rejected it, or null
 */
public record Transfer(TransferId id, String number, String educationId, String studentName, String maskedIdNumber,
		int entryYear, String schoolCode, String fromDistrict, String toDistrict, TransferKind kind, String address,
		String note, TransferStatus status, String startedBy, Instant startedAt, Instant printedAt, Instant signedAt,
		Instant submittedAt, String submittedBy, List<Decision> decisions, TransferStage rejectedAt,
		String rejectionReason, Instant changedAt, int version) {

	public Transfer {
		decisions = List.copyOf(decisions);
	}

	/** One stage's decision: approved or not, who and when. */
	public record Decision(TransferStage stage, boolean approved, String by, Instant at) {

	}

	/**
	 * Whether it reached the districts: the school approved it. One the school rejected
	 * or never submitted stays the school's.
	 */
	public boolean reachedDistricts() {
		return switch (status) {
			case SCHOOL_APPROVED, OUT_APPROVED, APPROVED -> true;
			case REJECTED -> rejectedAt != TransferStage.SCHOOL;
			default -> false;
		};
	}

	public Optional<TransferStage> awaiting() {
		return status.awaiting();
	}

	public boolean printed() {
		return printedAt != null;
	}

	public boolean signed() {
		return signedAt != null;
	}

	/**
	 * Who may read it: the graduating school always; both districts once it reached them
	 * (the district moved out of keeps seeing it after the student has left); the city.
	 */
	public boolean readableBy(SignedIn who) {
		if (who == null) {
			return false;
		}
		return switch (who.role()) {
			case CITY_ADMIN -> reachedDistricts();
			case SCHOOL_STAFF -> schoolCode.equals(who.schoolCode());
			case DISTRICT_OFFICER -> reachedDistricts()
					&& (fromDistrict.equals(who.districtCode()) || toDistrict.equals(who.districtCode()));
			case PARENT -> false;
		};
	}

	/** The school's own steps before submission: its staff, on a draft. */
	void requireDraftOf(SignedIn who) {
		requireSchool(who);
		if (status != TransferStatus.DRAFT) {
			throw new TransferRefused("form", "junior.transfer.error.not-draft");
		}
	}

	void requireSchool(SignedIn who) {
		if (who == null || who.role() != Role.SCHOOL_STAFF || !schoolCode.equals(who.schoolCode())) {
			throw new AccessDeniedException("Not staff of school " + schoolCode);
		}
	}

	/**
	 * The stage the person decides for: the graduating school's staff, then an officer of
	 * the district moved out of, then one of the district moved into.
	 * @throws AccessDeniedException when the person may not even read it
	 * @throws TransferRefused when it is not (or no longer) their stage's turn
	 */
	TransferStage stageDecidedBy(SignedIn who) {
		if (!readableBy(who)) {
			throw new AccessDeniedException("Not within the transfer's scope");
		}
		TransferStage stage = awaiting().orElseThrow(() -> new TransferRefused("form",
				status.finished() ? "junior.transfer.error.finished" : "junior.transfer.error.not-submitted"));
		boolean theirs = switch (stage) {
			case SCHOOL -> who.role() == Role.SCHOOL_STAFF && schoolCode.equals(who.schoolCode());
			case OUT_DISTRICT -> who.role() == Role.DISTRICT_OFFICER && fromDistrict.equals(who.districtCode());
			case IN_DISTRICT -> who.role() == Role.DISTRICT_OFFICER && toDistrict.equals(who.districtCode());
		};
		if (!theirs) {
			throw new TransferRefused("form", "junior.transfer.error.not-your-stage");
		}
		return stage;
	}

}
