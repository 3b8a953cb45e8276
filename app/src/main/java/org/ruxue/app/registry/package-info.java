/**
 * The students of junior-high entry (R-J1, R-G3): the graduates the electronic student
 * registry hands over and the newly arrived students districts register, with each
 * student's enrollment path (R-G9).
 */
package org.ruxue.app.registry;
