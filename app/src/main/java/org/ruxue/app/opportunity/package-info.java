/**
 * The quality-high-school opportunity query (一般公办初中进入优质高中机会查询, R-G1; consulted before the
 * near-home junior registration, R-J6): per general public junior high and year the quota
 * places quality high schools allot to it, its graduates and the share who entered a
 * quality high school, imported by the city; the eligibility conditions as the city words
 * them. A module of its own because it asks identity who is signed in, and identity
 * already uses zoning.
 */
@ApplicationModule(displayName = "High-school opportunity query")
package org.ruxue.app.opportunity;

import org.springframework.modulith.ApplicationModule;
