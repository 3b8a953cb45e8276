package org.ruxue.app.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.junior.AdmissionRoute;
import org.ruxue.app.junior.AdmissionRoutes;
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

	private final AdmissionRoutes routes;

	Handoffs(EnrollmentHandoffs handoffs, Students students, PrimaryRegistrations registrations,
			AdmissionRoutes routes) {
		this.routes = routes;
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
			List<AdmissionRoute> routed = new ArrayList<>();
			placements.keySet()
				.stream()
				.map(Entrant::districtCode)
				.distinct()
				.forEach(district -> routed.addAll(routes.inDistrict(district, draw.year())));
			List<String> ids = new ArrayList<>(placed.stream().map(e -> e.getKey().educationId()).toList());
			routed.forEach(r -> ids.add(r.educationId()));
			Map<String, Student> found = students.byEducationIds(ids);
			for (var e : placed) {
				enrollments.add(junior(draw, found.get(e.getKey().educationId()), e.getKey().districtCode(),
						e.getValue(), "LOTTERY"));
			}
			// admitted outside the draw (recommended, specialty, private, nine-year), in
			// the draw's districts: handed over with the draw's, by their route
			for (AdmissionRoute route : routed) {
				Student student = found.get(route.educationId());
				enrollments.add(junior(draw, student, student.districtCode(), route.schoolCode(), "ROUTE"));
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
				? junior(draw, students.byEducationId(entrant.educationId()).orElseThrow(), entrant.districtCode(),
						decision.schoolCode(), decision.kind().name())
				: primary(draw,
						registrations.enrollees(List.of(entrant.registrationId())).get(entrant.registrationId()),
						entrant, decision.schoolCode(), decision.kind().name());
		handoffs.record(List.of(enrollment), by);
	}

	private static Enrollment junior(LotteryDraw draw, Student s, String district, String school, String method) {
		return new Enrollment(EntryLevel.JUNIOR, draw.year(), s.educationId(), district, school, method, s.name(),
				s.sex(), s.birthDate(), null, s.educationId());
	}

	private static Enrollment primary(LotteryDraw draw, PrimaryRegistrations.Enrollee child, Entrant entrant,
			String school, String method) {
		return new Enrollment(EntryLevel.PRIMARY, draw.year(), child.number(), entrant.districtCode(), school, method,
				child.childName(), child.sex(), child.birthDate(), child.childIdNumber(), null);
	}

}
