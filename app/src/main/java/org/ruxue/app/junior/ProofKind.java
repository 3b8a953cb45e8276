package org.ruxue.app.junior;

/** What a district checked before it registered a newly arrived student (R-J5). */
public enum ProofKind {

	/** A hukou holder: the hukou booklet moved into the district. */
	HUKOU,

	/** Any other child: the study permit from the street office, by its number. */
	STUDY_PERMIT;

	public String messageKey() {
		return "junior.proof." + name();
	}

}
