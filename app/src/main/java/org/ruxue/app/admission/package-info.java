/**
 * Admission (R-G8, R-G9, R-G3, R-P12): announces a published result to every family with
 * its explanation, records the city's corrections and the districts' allocations as new
 * decisions beside the result that never changes, and hands the admitted pupils over to
 * the student registry.
 */
package org.ruxue.app.admission;
