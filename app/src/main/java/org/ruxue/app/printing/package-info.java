/**
 * Printed forms as PDF: A4 sheets of bordered fields and tables with mixed Chinese and
 * Latin text in embedded fonts, shared by the forms families and schools print (the
 * collection form, R-P6; the transfer application, R-J4). It knows nothing of the records
 * it prints and depends on no module.
 */
@ApplicationModule(displayName = "Printed forms")
package org.ruxue.app.printing;

import org.springframework.modulith.ApplicationModule;
