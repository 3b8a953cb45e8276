package org.ruxue.app.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.placement.Entrant;
import org.ruxue.app.placement.LotteryDraw;
import org.ruxue.app.primary.PrimaryRegistrations;
import org.ruxue.app.registry.Enrollment;
import org.ruxue.app.registry.EnrollmentHandoffs;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.stereotype.Component;

/**
 * Hands the admitted pupils of a published result, and every later decision, to the
 * student registry's hand-over (R-G3). Only children in a draw are handed over, and a
 * child is in a draw only through a registration or the registry's own record, so a child
 * who never registered gets no student record (R-P12).
 */
@Component
class Handoffs {

	private final EnrollmentHandoffs handoffs;

	private final Students students;

	private final PrimaryRegistrations registrations;

	Handoffs(EnrollmentHandoffs handoffs, Students students, PrimaryRegistrations registrations) {
		this.handoffs = handoffs;
		this.students = students;
		this.registrations = registrations;
	}

	/** The placed students of a published draw, by the lottery (method LOTTERY). */
	void placed(LotteryDraw draw, Map<Entrant, String> placements, Actor by) {
		List<Enrollment> enrollments = new ArrayList<>();
		List<Map.Entry<Entrant, String>> placed = placements.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.toList();
		if (draw.level() == EntryLevel.JUNIOR) {
			Map<String, Student> found = students
				.byEducationIds(placed.stream().map(e -> e.getKey().educationId()).toList());
			for (var e : placed) {
				enrollments.add(junior(draw, found.get(e.getKey().educationId()), e.getKey(), e.getValue(), "LOTTERY"));
			}
		}
		else {
			var found = registrations.enrollees(placed.stream().map(e -> e.getKey().registrationId()).toList());
			for (var e : placed) {
				enrollments
					.add(primary(draw, found.get(e.getKey().registrationId()), e.getKey(), e.getValue(), "LOTTERY"));
			}
		}
		handoffs.record(enrollments, by);
	}

	/** A decision after the result: the student's enrollment as it stands now. */
	void decided(LotteryDraw draw, Entrant entrant, Decision decision, Actor by) {
		if (decision.schoolCode() == null) {
			return;
		}
		Enrollment enrollment = (draw.level() == EntryLevel.JUNIOR)
				? junior(draw, students.byEducationId(entrant.educationId()).orElseThrow(), entrant,
						decision.schoolCode(), decision.kind().name())
				: primary(draw,
						registrations.enrollees(List.of(entrant.registrationId())).get(entrant.registrationId()),
						entrant, decision.schoolCode(), decision.kind().name());
		handoffs.record(List.of(enrollment), by);
	}

	private static Enrollment junior(LotteryDraw draw, Student s, Entrant entrant, String school, String method) {
		return new Enrollment(EntryLevel.JUNIOR, draw.year(), s.educationId(), entrant.districtCode(), school, method,
				s.name(), s.sex(), s.birthDate(), null, s.educationId());
	}

	private static Enrollment primary(LotteryDraw draw, PrimaryRegistrations.Enrollee child, Entrant entrant,
			String school, String method) {
		return new Enrollment(EntryLevel.PRIMARY, draw.year(), child.number(), entrant.districtCode(), school, method,
				child.childName(), child.sex(), child.birthDate(), child.childIdNumber(), null);
	}

}
