/**
 * The public face of the platform: the page layout, the home page (what the platform is,
 * what is open now, what comes next), the help page, sign-in, language and friendly
 * errors.
 */
package org.ruxue.app.portal;
