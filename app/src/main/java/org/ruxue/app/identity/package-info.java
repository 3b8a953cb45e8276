/**
 * Accounts, roles and sign-in, and who may see what (R-G2, R-G5). Staff accounts are
 * bound to their district or school; passwords are stored with a slow hash only.
 */
package org.ruxue.app.identity;
