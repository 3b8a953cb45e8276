/**
 * Reading the spreadsheets officers and the city upload for import: XLSX with POI's
 * streaming reader, CSV in UTF-8 with RFC 4180 quotes. Shared by the zoning import and
 * the opportunity import, which word its refusals for their users; and writing tables for
 * download in the same two forms (the open statistics of the draws). It depends on no
 * module.
 */
@ApplicationModule(displayName = "Spreadsheets")
package org.ruxue.app.spreadsheet;

import org.springframework.modulith.ApplicationModule;
