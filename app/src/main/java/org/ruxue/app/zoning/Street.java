package org.ruxue.app.zoning;

/**
 * A sub-district or town (街道/乡镇) by its 9-digit code, which starts with its district's.
 */
public record Street(String code, String name, String districtCode) {

}
