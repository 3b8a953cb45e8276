/**
 * Junior-high entry (小升初, R-J*): families confirm their student's data or report an
 * error, the graduating school corrects it, districts register newly arrived students,
 * and every step goes on the student's enrollment path (R-G9).
 */
package org.ruxue.app.junior;
