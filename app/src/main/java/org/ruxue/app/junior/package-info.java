/**
 * Junior-high entry (小升初, R-J*): the batches of a district's draw, the families'
 * preferences (志愿) with their pseudonymous lottery ids, and the admission routes outside
 * the draw (R-J7).
 */
package org.ruxue.app.junior;
