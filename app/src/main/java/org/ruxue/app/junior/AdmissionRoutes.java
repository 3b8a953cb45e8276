package org.ruxue.app.junior;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.ApplicationFreezes;
import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admissions outside the draw (R-J7): the student's district office records the route and
 * the admitting school, which takes the student out of the draw. The district, not the
 * school, records every route, direct progression included: recommended, specialty and
 * private admissions are the district office's decisions in any case, a school's staff
 * are bound to their graduating school rather than to the admitting one, and one
 * recording desk per district keeps the draw's list in one hand. A route is recorded
 * before the lottery day only.
 */
@Service
public class AdmissionRoutes {

	private static final String SELECT = """
			select r.education_id, r.year, r.route, r.school_code, s.name as school_name, r.recorded_at, r.recorded_by
			from junior_admission_route r join school s on s.code = r.school_code
			""";

	private final JdbcClient jdbc;

	private final Students students;

	private final Schools schools;

	private final FamilyAccounts families;

	private final EnrollmentCalendar calendar;

	private final CityClock cityClock;

	private final ApplicationFreezes freezes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AdmissionRoutes(JdbcClient jdbc, Students students, Schools schools, FamilyAccounts families,
			EnrollmentCalendar calendar, CityClock cityClock, ApplicationFreezes freezes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.students = students;
		this.schools = schools;
		this.families = families;
		this.calendar = calendar;
		this.cityClock = cityClock;
		this.freezes = freezes;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<AdmissionRoute> of(String educationId, int year) {
		return jdbc.sql(SELECT + " where r.education_id = ? and r.year = ?")
			.params(educationId, year)
			.query(AdmissionRoutes::route)
			.optional();
	}

	/** The routes of the district's students in the year, newest first. */
	@Transactional(readOnly = true)
	public List<AdmissionRoute> inDistrict(String districtCode, int year) {
		return jdbc.sql(SELECT + " where r.district_code = ? and r.year = ? order by r.recorded_at desc, 1")
			.params(districtCode, year)
			.query(AdmissionRoutes::route)
			.list();
	}

	/**
	 * Records the student's route of the student's entry year; the read of the student is
	 * on the record.
	 * @throws PreferenceRefused when the student is unknown or outside the officer's
	 * district, has a route already, the draw has begun, or the school cannot admit by
	 * this route
	 */
	@Transactional
	public AdmissionRoute record(String educationId, RouteKind kind, String schoolCode, SignedIn officer) {
		if (officer.role() != Role.DISTRICT_OFFICER && officer.role() != Role.CITY_ADMIN) {
			throw new AccessDeniedException("Routes are recorded by the district");
		}
		Student student = student(educationId, officer);
		int year = student.entryYear();
		if (kind == null) {
			throw new PreferenceRefused("route", "junior.routes.error.route");
		}
		School school = schools.byCode((schoolCode == null) ? "" : schoolCode.strip())
			.orElseThrow(() -> new PreferenceRefused("school", "junior.routes.error.school-unknown"));
		checkSchool(kind, school, student);
		Optional<AdmissionRoute> standing = of(student.educationId(), year);
		if (standing.isPresent() && standing.get().kind() == kind
				&& standing.get().schoolCode().equals(school.code())) {
			return standing.get(); // the same route sent again: the first answer was lost
		}
		if (drawBegun(year) || freezes.frozen(year, PhaseKind.JUNIOR_PREFERENCES, student.districtCode())) {
			throw new PreferenceRefused("form", "junior.routes.error.after-draw");
		}
		Actor by = Actor.of(officer.username(), officer.role().name());
		int written = jdbc.sql("""
				insert into junior_admission_route (education_id, year, route, school_code, district_code,
				                                    recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
				""")
			.params(student.educationId(), year, kind.name(), school.code(), student.districtCode(),
					Timestamp.from(clock.instant()), by.name())
			.update();
		if (written != 1) {
			throw new PreferenceRefused("educationId", "junior.routes.error.already");
		}
		students.recordStep(student.educationId(),
				"junior.route." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), school.name(), by);
		var contact = (student.familyAccount() != null) ? families.contact(student.familyAccount())
				: Optional.<FamilyAccounts.Contact>empty();
		events.publishEvent(
				new AdmissionRouteRecorded(student.educationId(), year, kind, school.code(), school.name(), by,
						contact.map(c -> (c.mobile() != null) ? c.mobile().value() : null)
							.orElse((student.mobile() != null) ? student.mobile().value() : null),
						contact.map(FamilyAccounts.Contact::username).orElse(null)));
		return of(student.educationId(), year).orElseThrow();
	}

	private Student student(String educationId, SignedIn officer) {
		String id = (educationId == null) ? "" : educationId.strip().toUpperCase(Locale.ROOT);
		if (students.byEducationId(id).isEmpty()) {
			throw new PreferenceRefused("educationId", "junior.routes.error.student-unknown");
		}
		try {
			return students.open(id, "录取途径登记", officer);
		}
		catch (AccessDeniedException | NoSuchElementException ex) {
			throw new PreferenceRefused("educationId", "junior.routes.error.student-unknown");
		}
	}

	/**
	 * The admitting school takes junior entry; a private school admits by its own route
	 * only and a public one never by it; direct progression stays in the nine-year school
	 * the student graduates from; the other routes admit within the student's district.
	 */
	private static void checkSchool(RouteKind kind, School school, Student student) {
		if (!school.level().takesJuniorEntry()) {
			throw new PreferenceRefused("school", "junior.routes.error.not-junior");
		}
		switch (kind) {
			case PRIVATE_SCHOOL -> {
				if (school.publicSchool()) {
					throw new PreferenceRefused("school", "junior.routes.error.not-private");
				}
			}
			case DIRECT_PROGRESSION -> {
				if (school.level() != SchoolLevel.NINE_YEAR || !school.code().equals(student.schoolCode())) {
					throw new PreferenceRefused("school", "junior.routes.error.not-own-nine-year");
				}
			}
			default -> {
				if (!school.districtCode().equals(student.districtCode())) {
					throw new PreferenceRefused("school", "junior.routes.error.other-district");
				}
			}
		}
	}

	private boolean drawBegun(int year) {
		return calendar.window(year, PhaseKind.LOTTERY_DAY)
			.map(w -> !calendar.now().isBefore(w.opensAt(cityClock.zone())))
			.orElse(false);
	}

	private static AdmissionRoute route(ResultSet rs, int row) throws SQLException {
		return new AdmissionRoute(rs.getString("education_id"), rs.getInt("year"),
				RouteKind.valueOf(rs.getString("route")), rs.getString("school_code"), rs.getString("school_name"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
	}

}
