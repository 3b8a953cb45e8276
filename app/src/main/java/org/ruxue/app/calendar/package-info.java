/**
 * Enrollment years, their phases and windows, the configurable rules of a year, and the
 * one {@link java.time.Clock} every rule reads (R-P1, R-J4, R-J7): every date is data the
 * city administrator edits, never a constant in code.
 */
package org.ruxue.app.calendar;
