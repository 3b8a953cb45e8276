package org.ruxue.app.registry;

/**
 * The two entries of compulsory education: primary school (幼升小) and junior high (小升初).
 */
public enum EnrollmentLevel {

	PRIMARY, JUNIOR

}
