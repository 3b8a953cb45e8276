package org.ruxue.app.placement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.ApplicationFreezes;
import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.primary.RegistrationId;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.Districts;
import org.ruxue.lottery.Checker;
import org.ruxue.lottery.Draw;
import org.ruxue.lottery.Explanation;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Result;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.SnapshotParser;
import org.ruxue.lottery.TieBreaking;
import org.ruxue.lottery.Verdict;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's draws (R-J7, R-Z4, R-G8): freeze the applications into a snapshot and
 * publish its hash; on the day, draw with the public entropy, check and store the result;
 * from the publication date, announce it. Every step is on the record, and none can be
 * undone: the database refuses any change to a stored snapshot, result or publication.
 */
@Service
public class Draws {

	/**
	 * The entropy LOTTERY.md asks to publish: printable ASCII, no spaces at either end.
	 */
	static final String ENTROPY = "[\\x21-\\x7E](?:[\\x20-\\x7E]{0,198}[\\x21-\\x7E])?";

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final TypeReference<List<Outcome.Step>> STEPS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Snapshots snapshots;

	private final ApplicationFreezes freezes;

	private final EnrollmentCalendar calendar;

	private final Districts districts;

	private final CityClock cityClock;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Draws(JdbcClient jdbc, JdbcTemplate batch, Snapshots snapshots, ApplicationFreezes freezes,
			EnrollmentCalendar calendar, Districts districts, CityClock cityClock, ApplicationEventPublisher events,
			Clock clock) {
		this.cityClock = cityClock;
		this.jdbc = jdbc;
		this.batch = batch;
		this.snapshots = snapshots;
		this.freezes = freezes;
		this.calendar = calendar;
		this.districts = districts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the city asks to freeze: the entry, year and scope (a district, or 110000 for
	 * the whole city), the mechanism, the day of the draw and the rule by which the
	 * entropy will be made, published with the snapshot's hash.
	 */
	public record FreezeRequest(EntryLevel level, int year, String scope, Mechanism mechanism, TieBreaking tieBreaking,
			LocalDate drawOn, String entropyRule) {

	}

	/**
	 * Freezes the applications into a snapshot: from now on they cannot change, and the
	 * snapshot's hash is public.
	 * @throws PlacementRefused when the request is incomplete, the application window is
	 * still open, or these applications are frozen already
	 */
	@Transactional
	public LotteryDraw freeze(FreezeRequest request, SignedIn admin) {
		requireCity(admin);
		check(request);
		PhaseKind applications = applications(request.level());
		Optional<PhaseWindow> window = calendar.window(request.year(), applications);
		if (window.isEmpty() || window.get().closesOn() == null
				|| calendar.now().isBefore(window.get().closesAt(cityClock.zone()))) {
			throw new PlacementRefused("placement.error.window-open");
		}
		Actor by = actor(admin);
		if (!freezes.freeze(request.year(), applications, request.scope(), by)) {
			throw new PlacementRefused("placement.error.frozen-already");
		}
		Snapshots.Built built = snapshots.build(request.level(), request.year(), request.scope(), request.mechanism(),
				request.tieBreaking());
		Snapshot snapshot = built.snapshot();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into placement_draw (id, year, level, scope, mechanism, tie_breaking, snapshot, snapshot_hash,
				  students, schools, seats, draw_on, entropy_rule, frozen_at, frozen_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, request.year(), request.level().name(), request.scope(), request.mechanism().token(),
					request.tieBreaking().token(), snapshot.bytes(), snapshot.hash(), snapshot.studentCount(),
					snapshot.schoolCount(), built.seats(), request.drawOn(), request.entropyRule().strip(),
					Timestamp.from(clock.instant()), by.name())
			.update();
		List<Object[]> rows = new ArrayList<>();
		for (Entrant e : built.entrants().values()) {
			rows.add(new Object[] { id, e.lotteryId(), e.districtCode(), e.educationId(),
					(e.registrationId() != null) ? e.registrationId().value() : null, e.category() });
		}
		batch.batchUpdate("""
				insert into placement_entrant (draw_id, lottery_id, district_code, education_id, registration_id,
				  category) values (?, ?, ?, ?, ?, ?)
				""", rows);
		LotteryDraw draw = byId(new DrawId(id)).orElseThrow();
		events.publishEvent(new DrawFrozen(draw, by));
		return draw;
	}

	private void check(FreezeRequest request) {
		if (request.level() == null || request.mechanism() == null || request.tieBreaking() == null) {
			throw new PlacementRefused("placement.error.incomplete");
		}
		if (!Snapshots.CITY.equals(request.scope())
				&& (request.scope() == null || districts.byCode(request.scope()).isEmpty())) {
			throw new PlacementRefused("placement.error.scope");
		}
		if (request.drawOn() == null || request.drawOn().isBefore(calendar.today())) {
			throw new PlacementRefused("placement.error.draw-on");
		}
		if (request.entropyRule() == null || request.entropyRule().isBlank()
				|| request.entropyRule().strip().length() > 500) {
			throw new PlacementRefused("placement.error.entropy-rule");
		}
	}

	/**
	 * Draws a frozen snapshot with the entropy made public on the day, checks the result
	 * independently of the draw and stores it; nothing is stored when a check fails.
	 * @param progress told the number of result lines stored so far
	 * @throws PlacementRefused when the entropy is not as LOTTERY.md asks, the day has
	 * not come, or the draw ran already
	 */
	@Transactional
	public LotteryDraw draw(DrawId id, String entropy, SignedIn admin, IntConsumer progress) {
		requireCity(admin);
		if (entropy == null || !entropy.matches(ENTROPY)) {
			throw new PlacementRefused("placement.error.entropy");
		}
		LotteryDraw draw = locked(id);
		if (draw.drawn()) {
			throw new PlacementRefused("placement.error.drawn-already");
		}
		if (calendar.today().isBefore(draw.drawOn())) {
			throw new PlacementRefused("placement.error.before-day", draw.drawOn());
		}
		Snapshot snapshot = SnapshotParser.parse(snapshotBytes(id));
		Result result = Draw.run(snapshot, entropy);
		byte[] written = result.write();
		Verdict verdict = Checker.check(snapshot, written);
		if (!verdict.passed()) {
			throw new PlacementRefused("placement.error.check-failed", verdict.describe());
		}
		Actor by = actor(admin);
		jdbc.sql("""
				update placement_draw set entropy = ?, seed = ?, result = ?, result_hash = ?, placed = ?,
				  check_verdict = ?, drawn_at = ?, drawn_by = ?
				where id = ? and result is null
				""")
			.params(entropy, result.seed(), written, sha256(written), result.placedCount(), verdict.describe(),
					Timestamp.from(clock.instant()), by.name(), id.value())
			.update();
		storeOutcomes(id, snapshot, result, progress);
		LotteryDraw drawn = byId(id).orElseThrow();
		events.publishEvent(new DrawCompleted(drawn, by));
		return drawn;
	}

	private void storeOutcomes(DrawId id, Snapshot snapshot, Result result, IntConsumer progress) {
		List<Object[]> rows = new ArrayList<>();
		int stored = 0;
		for (String student : snapshot.students()) {
			Explanation explanation = result.explain(student);
			var placement = explanation.placement();
			rows.add(new Object[] { id.value(), student, placement.map(p -> p.school()).orElse(null),
					placement.map(p -> p.rank()).orElse(0), placement.map(p -> p.batch()).orElse(0),
					result.number(student), JSON.writeValueAsString(steps(explanation)) });
			if (rows.size() == 2000) {
				insertOutcomes(rows);
				stored += rows.size();
				rows.clear();
				progress.accept(stored);
			}
		}
		insertOutcomes(rows);
		progress.accept(stored + rows.size());
	}

	private void insertOutcomes(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				insert into placement_outcome (draw_id, lottery_id, school_code, rank, batch, number, explanation)
				values (?, ?, ?, ?, ?, ?, ?::jsonb)
				""", rows);
	}

	private static List<Outcome.Step> steps(Explanation explanation) {
		return explanation.steps()
			.stream()
			.map(s -> new Outcome.Step(s.rank(), s.school(), s.batch(), s.round(), s.tier(), s.number(), s.seats(),
					s.cutoff().map(Explanation.Cutoff::tier).orElse(null),
					s.cutoff().map(Explanation.Cutoff::number).orElse(null), s.outcome().name()))
			.toList();
	}

	/**
	 * Announces a drawn result from the publication date on (R-G8). After this the result
	 * has no update path: the database refuses one.
	 * @throws PlacementRefused when the draw has not run, or the publication date has not
	 * come
	 */
	@Transactional
	public LotteryDraw publish(DrawId id, SignedIn admin) {
		requireCity(admin);
		LotteryDraw draw = locked(id);
		if (!draw.drawn()) {
			throw new PlacementRefused("placement.error.not-drawn");
		}
		if (draw.published()) {
			throw new PlacementRefused("placement.error.published-already");
		}
		Optional<PhaseWindow> window = calendar.window(draw.year(), PhaseKind.RESULT_PUBLICATION);
		if (!calendar.isOpen(draw.year(), PhaseKind.RESULT_PUBLICATION)) {
			throw new PlacementRefused("placement.error.before-publication",
					window.map(PhaseWindow::opensOn).map(Object::toString).orElse("-"));
		}
		Actor by = actor(admin);
		jdbc.sql("update placement_draw set published_at = ?, published_by = ? where id = ? and published_at is null")
			.params(Timestamp.from(clock.instant()), by.name(), id.value())
			.update();
		LotteryDraw published = byId(id).orElseThrow();
		events.publishEvent(new DrawPublished(published, by));
		return published;
	}

	// --- reading

	private static final String DRAW = """
			select id, year, level, scope, mechanism, tie_breaking, snapshot_hash, students, schools, seats, draw_on,
			  entropy_rule, frozen_at, frozen_by, entropy, seed, result_hash, placed, check_verdict, drawn_at,
			  drawn_by, published_at, published_by
			from placement_draw
			""";

	@Transactional(readOnly = true)
	public List<LotteryDraw> all() {
		return jdbc.sql(DRAW + " order by year desc, level, scope").query(Draws::draw).list();
	}

	@Transactional(readOnly = true)
	public Optional<LotteryDraw> byId(DrawId id) {
		return jdbc.sql(DRAW + " where id = ?").param(id.value()).query(Draws::draw).optional();
	}

	/** The snapshot file, byte for byte as frozen. */
	@Transactional(readOnly = true)
	public byte[] snapshotBytes(DrawId id) {
		return jdbc.sql("select snapshot from placement_draw where id = ?")
			.param(id.value())
			.query(byte[].class)
			.single();
	}

	/** The result file, byte for byte as drawn; empty before the draw. */
	@Transactional(readOnly = true)
	public Optional<byte[]> resultBytes(DrawId id) {
		return jdbc.sql("select result from placement_draw where id = ? and result is not null")
			.param(id.value())
			.query(byte[].class)
			.optional();
	}

	/** One student's line and explanation, by lottery id. */
	@Transactional(readOnly = true)
	public Optional<Outcome> outcome(DrawId id, String lotteryId) {
		return jdbc.sql(
				"select draw_id, lottery_id, school_code, rank, batch, number, explanation::text from placement_outcome"
						+ " where draw_id = ? and lottery_id = ?")
			.params(id.value(), lotteryId)
			.query(Draws::outcome)
			.optional();
	}

	/** A junior student's entries in the draws of a year, newest first. */
	@Transactional(readOnly = true)
	public List<Entered> ofStudent(String educationId) {
		return entered("e.education_id = ?", educationId);
	}

	/** A primary registration's entries in the draws, newest first. */
	@Transactional(readOnly = true)
	public List<Entered> ofRegistration(RegistrationId id) {
		return entered("e.registration_id = ?", id.value());
	}

	/** Who is behind a lottery id of a draw. */
	@Transactional(readOnly = true)
	public Optional<Entrant> entrant(DrawId id, String lotteryId) {
		return jdbc.sql("""
				select lottery_id, district_code, education_id, registration_id, category from placement_entrant
				where draw_id = ? and lottery_id = ?
				""").params(id.value(), lotteryId).query((rs, n) -> entrant(rs)).optional();
	}

	/** A draw the student is in, with the student's lottery id. */
	public record Entered(LotteryDraw draw, Entrant entrant) {

	}

	private List<Entered> entered(String condition, Object key) {
		return jdbc.sql("""
				select e.draw_id, e.lottery_id, e.district_code, e.education_id, e.registration_id, e.category
				from placement_entrant e join placement_draw d on d.id = e.draw_id
				where %s order by d.year desc, d.frozen_at desc
				""".formatted(condition))
			.param(key)
			.query((rs, n) -> Map.entry(new DrawId(rs.getObject(1, UUID.class)), entrant(rs)))
			.list()
			.stream()
			.map(e -> new Entered(byId(e.getKey()).orElseThrow(), e.getValue()))
			.toList();
	}

	/** Everyone in a draw, with their outcome, in lottery-id order: for listeners. */
	@Transactional(readOnly = true)
	public void forEachPlacement(DrawId id, java.util.function.BiConsumer<Entrant, String> placedAt) {
		jdbc.sql(
				"""
						select e.lottery_id, e.district_code, e.education_id, e.registration_id, e.category, o.school_code
						from placement_entrant e join placement_outcome o on o.draw_id = e.draw_id and o.lottery_id = e.lottery_id
						where e.draw_id = ? order by e.lottery_id
						""")
			.param(id.value())
			.query(rs -> {
				placedAt.accept(new Entrant(rs.getString(1), rs.getString(2), rs.getString(3),
						(rs.getObject(4) != null) ? new RegistrationId(rs.getObject(4, UUID.class)) : null,
						rs.getString(5)), rs.getString(6));
			});
	}

	private static Entrant entrant(ResultSet rs) throws SQLException {
		return new Entrant(rs.getString("lottery_id"), rs.getString("district_code"), rs.getString("education_id"),
				(rs.getObject("registration_id") != null)
						? new RegistrationId(rs.getObject("registration_id", UUID.class)) : null,
				rs.getString("category"));
	}

	private LotteryDraw locked(DrawId id) {
		jdbc.sql("select id from placement_draw where id = ? for update")
			.param(id.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new PlacementRefused("placement.error.unknown"));
		return byId(id).orElseThrow();
	}

	private static LotteryDraw draw(ResultSet rs, int row) throws SQLException {
		return new LotteryDraw(new DrawId(rs.getObject("id", UUID.class)), rs.getInt("year"),
				EntryLevel.valueOf(rs.getString("level")), rs.getString("scope"), rs.getString("mechanism"),
				rs.getString("tie_breaking"), rs.getString("snapshot_hash"), rs.getInt("students"),
				rs.getInt("schools"), rs.getInt("seats"), rs.getObject("draw_on", LocalDate.class),
				rs.getString("entropy_rule"), rs.getTimestamp("frozen_at").toInstant(), rs.getString("frozen_by"),
				rs.getString("entropy"), rs.getString("seed"), rs.getString("result_hash"),
				(Integer) rs.getObject("placed"), rs.getString("check_verdict"), instant(rs, "drawn_at"),
				rs.getString("drawn_by"), instant(rs, "published_at"), rs.getString("published_by"));
	}

	private static Outcome outcome(ResultSet rs, int row) throws SQLException {
		return new Outcome(new DrawId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getInt(4),
				rs.getInt(5), rs.getString(6), JSON.readValue(rs.getString(7), STEPS));
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static PhaseKind applications(EntryLevel level) {
		return (level == EntryLevel.JUNIOR) ? PhaseKind.JUNIOR_PREFERENCES : PhaseKind.PRIMARY_COLLECTION;
	}

	private static void requireCity(SignedIn who) {
		if (who == null || who.role() != Role.CITY_ADMIN) {
			throw new AccessDeniedException("Draws are the city's");
		}
	}

	private static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

}
