/**
 * The ruxue lottery: reads and writes the snapshot and result formats of LOTTERY.md,
 * draws, verifies, checks and simulates, so that anyone can reproduce a city's placement.
 */
package org.ruxue.lottery;
