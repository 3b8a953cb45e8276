package org.ruxue.app.population;

/**
 * A parent as a guardian of a child, with the mobile number the platform notifies (R-G6).
 */
record Guardian(Person person, Relation relation, String mobile) {

}
