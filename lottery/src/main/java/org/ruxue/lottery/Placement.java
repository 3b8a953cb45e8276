package org.ruxue.lottery;

/**
 * Where a student was placed: the school, its 1-based rank on the student's whole list,
 * and the 1-based batch in which the seat was won.
 */
public record Placement(String school, int rank, int batch) {
}
