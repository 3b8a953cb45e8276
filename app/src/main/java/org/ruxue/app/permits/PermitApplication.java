package org.ruxue.app.permits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.ruxue.app.identity.AccessPolicy;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.population.IdCardNumber;

/**
 * A family's application for a study permit in one district and year (R-P7, R-P15), with
 * its documents as the district required them when it was started.
 *
 * @param releasedAt when the decision was released to the family; null before
 */
public record PermitApplication(PermitApplicationId id, String number, int year, String districtCode,
		AccountId familyAccount, IdCardNumber child, String childName, ApplicationStatus status, String requestNote,
		LocalDate requestDueOn, String decisionReason, Instant decidedAt, String decidedBy, Instant releasedAt,
		String permitNumber, Instant submittedAt, Instant changedAt, int version, List<Document> documents) {

	public PermitApplication {
		documents = List.copyOf(documents);
	}

	public AccessPolicy.Scope scope() {
		return new AccessPolicy.Scope(districtCode, null, familyAccount);
	}

	/** A decision was made but the publication day has not come. */
	public boolean decisionWithheld() {
		return status.decision() && releasedAt == null;
	}

	/**
	 * What the family may know (R-P15): a decision not yet released reads as under
	 * review, with no reason, no permit and no document checks; while the district
	 * reviews, its checks are not shown either.
	 */
	public PermitApplication forFamily() {
		List<Document> unchecked = documents.stream().map(Document::withoutCheck).toList();
		if (status == ApplicationStatus.SUBMITTED) {
			// the district's checks under way would foretell its decision
			return new PermitApplication(id, number, year, districtCode, familyAccount, child, childName, status,
					requestNote, requestDueOn, decisionReason, decidedAt, decidedBy, releasedAt, permitNumber,
					submittedAt, changedAt, version, unchecked);
		}
		if (!decisionWithheld()) {
			return this;
		}
		return new PermitApplication(id, number, year, districtCode, familyAccount, child, childName,
				ApplicationStatus.SUBMITTED, null, null, null, null, null, null, null, submittedAt, submittedAt,
				version, unchecked);
	}

	public static String maskName(String name) {
		if (name == null || name.length() < 2) {
			return "*";
		}
		if (name.length() == 2) {
			return name.charAt(0) + "*";
		}
		return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
	}

	/** One required document of the application: the family's details and scans. */
	public record Document(int position, String code, String name, String nameEn, int minScans, int maxScans,
			DocumentCheck check, String checkNote, List<FieldValue> fields, List<ScanInfo> scans) {

		public Document {
			fields = List.copyOf(fields);
			scans = List.copyOf(scans);
		}

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : name;
		}

		public boolean full() {
			return scans.size() >= maxScans;
		}

		Document withoutCheck() {
			return new Document(position, code, name, nameEn, minScans, maxScans, DocumentCheck.UNCHECKED, null, fields,
					scans);
		}

	}

	/** A detail of a document as the family filled it in. */
	public record FieldValue(int position, String label, String labelEn, boolean required,
			RequiredDocument.FieldKind kind, String value) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? labelEn : label;
		}

		/** The form parameter of this field: d{document}f{field}. */
		public String param(int document) {
			return "d" + document + "f" + position;
		}

	}

	/** An uploaded scan, without its content. */
	public record ScanInfo(UUID id, String fileName, ScanType type, int size, Instant uploadedAt) {

	}

}
