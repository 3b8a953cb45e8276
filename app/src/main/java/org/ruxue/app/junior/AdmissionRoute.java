package org.ruxue.app.junior;

import java.time.Instant;

/** A student admitted outside the draw: how, where, when and by whom it was recorded. */
public record AdmissionRoute(String educationId, int year, RouteKind kind, String schoolCode, String schoolName,
		Instant recordedAt, String recordedBy) {

}
