package org.ruxue.app.population;

/**
 * A pupil finishing primary school, as the student registry would hand them over (R-J1).
 */
record Graduate(String educationId, Person person, String primarySchoolCode, String districtCode) {

}
