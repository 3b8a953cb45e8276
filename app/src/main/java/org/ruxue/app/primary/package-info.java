/**
 * Primary-school entry (幼升小): registration, eligibility, review, the collection form,
 * cancel and re-register (R-P*).
 */
package org.ruxue.app.primary;
