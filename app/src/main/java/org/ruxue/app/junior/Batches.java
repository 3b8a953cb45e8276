package org.ruxue.app.junior;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.registry.Student;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ServiceZones;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The batches of each district's draw per year, as the city administrator sets them, and
 * the schools a batch offers a student (R-J7). Batches stay as they are once a family of
 * the district saved preferences for the year: a change would void choices made under the
 * old rules.
 */
@Service
public class Batches {

	private final JdbcClient jdbc;

	private final Schools schools;

	private final ServiceZones zones;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Batches(JdbcClient jdbc, Schools schools, ServiceZones zones, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.schools = schools;
		this.zones = zones;
		this.events = events;
		this.clock = clock;
	}

	/** The district's batches of the year; none (version 0) when the city set none. */
	@Transactional(readOnly = true)
	public BatchPlan plan(String districtCode, int year) {
		int version = jdbc.sql("select version from junior_batch_plan where district_code = ? and year = ?")
			.params(districtCode, year)
			.query(Integer.class)
			.optional()
			.orElse(0);
		List<Batch> batches = jdbc.sql(
				"select number, name, choices, scope from junior_batch where district_code = ? and year = ? order by number")
			.params(districtCode, year)
			.query((rs, n) -> new Batch(rs.getInt(1), rs.getString(2), rs.getInt(3),
					BatchScope.valueOf(rs.getString(4))))
			.list();
		return new BatchPlan(districtCode, year, version, batches);
	}

	/** The districts that have batches for the year. */
	@Transactional(readOnly = true)
	public List<String> districtsWithBatches(int year) {
		return jdbc.sql("select district_code from junior_batch_plan where year = ? order by 1")
			.param(year)
			.query(String.class)
			.list();
	}

	/**
	 * Replaces the district's batches of the year.
	 * @param expectedVersion the version the editor started from (0: none yet)
	 * @throws PreferenceRefused when a batch is invalid, somebody saved in between, or a
	 * family already saved preferences under the present batches
	 */
	@Transactional
	public void replace(String districtCode, int year, int expectedVersion, List<Batch> batches, Actor by) {
		List<PreferenceRefused.Problem> problems = BatchPlan.problemsOf(batches);
		if (!problems.isEmpty()) {
			throw new PreferenceRefused(problems);
		}
		BatchPlan before = plan(districtCode, year);
		if (before.batches().equals(batches) && before.version() == expectedVersion) {
			return;
		}
		if (preferencesSaved(districtCode, year)) {
			throw new PreferenceRefused("form", "junior.batches.error.in-use");
		}
		int written = (expectedVersion == 0) ? jdbc.sql("""
				insert into junior_batch_plan (district_code, year, version, updated_at) values (?, ?, 1, ?)
				on conflict do nothing
				""").params(districtCode, year, Timestamp.from(clock.instant())).update() : jdbc.sql("""
				update junior_batch_plan set version = version + 1, updated_at = ?
				where district_code = ? and year = ? and version = ?
				""").params(Timestamp.from(clock.instant()), districtCode, year, expectedVersion).update();
		if (written != 1) {
			throw new PreferenceRefused("form", "junior.batches.error.stale");
		}
		jdbc.sql("delete from junior_batch where district_code = ? and year = ?").params(districtCode, year).update();
		for (Batch batch : batches) {
			jdbc.sql("""
					insert into junior_batch (district_code, year, number, name, choices, scope)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(districtCode, year, batch.number(), batch.name().strip(), batch.choices(), batch.scope().name())
				.update();
		}
		events.publishEvent(new BatchesChanged(districtCode, year, before.batches().isEmpty() ? null : before.summary(),
				plan(districtCode, year).summary(), by));
	}

	/**
	 * The schools the batch offers the student, by code: for {@link BatchScope#DISTRICT}
	 * every school of the student's district taking junior entry; for
	 * {@link BatchScope#OWN_AREA} those of them whose junior zones cover the homes the
	 * graduating primary school serves (none for a student without one).
	 */
	@Transactional(readOnly = true)
	public List<School> offered(Batch batch, Student student) {
		List<School> district = schools.inDistrict(student.districtCode())
			.stream()
			.filter(s -> s.level().takesJuniorEntry())
			.toList();
		return switch (batch.scope()) {
			case DISTRICT -> district;
			case OWN_AREA -> ownArea(student, district);
			case NEARBY -> List.of();
		};
	}

	private List<School> ownArea(Student student, List<School> district) {
		if (student.schoolCode() == null) {
			return List.of();
		}
		Collection<String> area = zones.juniorSchoolsOfPrimaryArea(student.schoolCode(), student.entryYear());
		return district.stream().filter(s -> area.contains(s.code())).toList();
	}

	Optional<Batch> batch(BatchPlan plan, int number) {
		return plan.batches().stream().filter(b -> b.number() == number).findFirst();
	}

	private boolean preferencesSaved(String districtCode, int year) {
		return jdbc.sql("""
				select exists (select 1 from junior_preference p join student s on s.education_id = p.education_id
				               where s.district_code = ? and p.year = ?)
				""").params(districtCode, year).query(Boolean.class).single();
	}

}
