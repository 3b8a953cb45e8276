/**
 * District officers maintain their district's schools, zones, address dictionary and
 * settings in the browser and by XLSX/CSV import with a preview (issue 5; R-P5, R-Z1,
 * R-Z4). A module of its own inside zoning, because it asks identity who is signed in,
 * and identity already uses zoning.
 */
@ApplicationModule(displayName = "Zoning administration")
package org.ruxue.app.zoning.admin;

import org.springframework.modulith.ApplicationModule;
