/**
 * Study permits (在京就读证明) for non-local children (R-P7, R-P15): the permit a district
 * issues after its document review, which the primary registration of a non-local child
 * requires.
 */
package org.ruxue.app.permits;
