package org.ruxue.app.zoning;

/**
 * Whom a parent asks when the lookup finds no address: the district office's enrollment
 * desk. Office and phone are null where the district has published none.
 */
public record DistrictContact(String districtCode, String districtName, String office, String phone) {

}
