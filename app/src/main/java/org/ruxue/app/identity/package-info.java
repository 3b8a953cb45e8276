/**
 * Accounts, roles and sign-in, SMS codes, password reset and the registered mobile, and
 * who may see what (R-G2, R-G5, R-G6; docs/security.md). Staff accounts are bound to
 * their district or school, families to their child; passwords are stored with a slow
 * hash only.
 */
package org.ruxue.app.identity;
