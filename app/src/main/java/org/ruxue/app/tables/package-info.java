/**
 * The staff consoles' tables (issue 12): every queue an officer works through sorts by
 * any column, filters by what it shows, pages, and downloads as XLSX, the same way on
 * every page and without script; the download holds exactly the rows the filter selects,
 * masked as on the page.
 */
@ApplicationModule(displayName = "Staff tables")
package org.ruxue.app.tables;

import org.springframework.modulith.ApplicationModule;
