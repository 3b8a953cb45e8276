/**
 * The printable information-collection form (信息采集表, R-P6, R-P14): laid out with the
 * printing module's sheets and fonts, with a QR code for the school's check. It knows
 * nothing of registrations; the module root fills a {@link CollectionForm} and prints it.
 */
package org.ruxue.app.primary.form;
