package org.ruxue.app.registry;

import org.ruxue.app.zoning.EntryLevel;

/**
 * One enrollment's hand-off as the platform keeps it: no name and no ID number.
 *
 * @param version 1 when recorded, one more for every change (a correction)
 * @param attempts requests that carried this version to the registry
 * @param registryReference the registry's reference once it acknowledged the record
 * @param lastError why the last attempt failed, if it did
 */
public record HandedOff(int year, EntryLevel level, String key, String districtCode, String schoolCode, String method,
		int version, HandoffStatus status, int attempts, String registryReference, String lastError) {

}
