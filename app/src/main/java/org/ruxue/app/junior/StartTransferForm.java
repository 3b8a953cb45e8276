package org.ruxue.app.junior;

/**
 * What the graduating school types to start a transfer (R-J4): the student, where to and
 * why. Values are as typed; {@link Transfers#start} checks them.
 *
 * @param kind HUKOU or HOME
 * @param address the hukou or home address in the district moved into
 */
public record StartTransferForm(String educationId, String kind, String toDistrict, String address, String note) {

	public static StartTransferForm empty() {
		return new StartTransferForm("", "", "", "", "");
	}

}
