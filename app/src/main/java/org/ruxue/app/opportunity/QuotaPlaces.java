package org.ruxue.app.opportunity;

/**
 * The quota places (名额分配, 校额到校) one quality high school allots to a junior high in a
 * year.
 */
public record QuotaPlaces(String highSchoolCode, String highSchoolName, int places) {

}
