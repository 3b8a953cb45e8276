/**
 * Reading the spreadsheets officers and the city upload for import: XLSX with POI's
 * streaming reader, CSV in UTF-8 with RFC 4180 quotes; and writing files in the same
 * forms, row by row, for the exports other systems import. Shared by the imports (zoning,
 * opportunity, registry), which word its refusals for their users, the registry's
 * hand-off and the draws' open statistics; it depends on no module.
 */
@ApplicationModule(displayName = "Spreadsheets")
package org.ruxue.app.spreadsheet;

import org.springframework.modulith.ApplicationModule;
