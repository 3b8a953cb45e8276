package org.ruxue.app.notification;

/** A mobile number as staff pages and logs show it: 138****5678. */
final class MaskedMobile {

	private MaskedMobile() {
	}

	static String of(String mobile) {
		if (mobile == null) {
			return "";
		}
		if (mobile.length() < 8) {
			return "****";
		}
		return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
	}

}
