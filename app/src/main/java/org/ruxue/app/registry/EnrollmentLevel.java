package org.ruxue.app.registry;

/**
 * Which entry an enrollment is of: primary entry (幼升小, grade 1) or junior entry (小升初,
 * grade 7).
 */
public enum EnrollmentLevel {

	PRIMARY, JUNIOR

}
