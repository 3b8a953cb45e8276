/**
 * Junior-high entry (小升初, R-J*): confirmation, corrections, transfers to the hukou or
 * home district (R-J4), newly arrived students and preferences.
 */
package org.ruxue.app.junior;
