package org.ruxue.app.junior;

/**
 * What a district officer types after checking a newly arrived student's proof (R-J5).
 * Sex and birth date come from the ID number.
 */
public record NewlyArrivedForm(String proofKind, String proofReference, String childIdNumber, String name,
		String guardianName, String mobile) {

	static NewlyArrivedForm empty() {
		return new NewlyArrivedForm(null, null, null, null, null, null);
	}

}
