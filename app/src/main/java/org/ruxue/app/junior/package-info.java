/**
 * Junior-high entry (小升初, R-J*): families confirm their student's data or report an
 * error, the graduating school corrects it, schools and districts handle the return to
 * the hukou or home district (R-J4), districts register newly arrived students, families
 * fill in their preferences, and every step goes on the student's enrollment path (R-G9).
 */
package org.ruxue.app.junior;
