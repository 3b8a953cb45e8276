package org.ruxue.app.registry;

import java.time.Instant;

/**
 * One step of a student's enrollment path (R-G9). {@code step} is a key such as
 * {@code junior.confirmed}; pages show it through the message {@code path.step.<step>}.
 * {@code detail} is a short, already-readable addition (a reason, a school's name).
 */
public record PathStep(Instant occurredAt, String step, String detail, String actor, String actorRole) {

}
