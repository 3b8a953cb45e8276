/**
 * Placement (R-J7, R-Z4): freezes a district's or the city's applications into a lottery
 * snapshot in the format of LOTTERY.md, publishes its hash, draws it with public entropy
 * through the lottery library, checks and stores the result so that it cannot change, and
 * lets anyone re-run it; also estimates each family's chances before the deadline.
 */
package org.ruxue.app.placement;
