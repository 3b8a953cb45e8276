package org.ruxue.app.population;

import java.util.List;

/**
 * A child who will register for primary entry, the parents, and the district the family
 * registers in (R-P4).
 */
record Applicant(Person child, List<Guardian> parents, String registrationDistrictCode) {

}
