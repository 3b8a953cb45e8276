/**
 * Districts, their streets and schools, service zones and zone lookup (R-P5, R-Z*); the
 * districts and streets are reference facts loaded at start-up in every profile.
 */
package org.ruxue.app.zoning;
