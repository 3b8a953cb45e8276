package org.ruxue.app.placement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ruxue.app.DatabaseLocation;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.junior.JuniorDrawFixtures;
import org.ruxue.app.junior.RouteKind;
import org.ruxue.app.primary.PrimaryDrawFixtures;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.TieBreaking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two small draws of 2017 made through {@link Draws} as the city makes them, once per
 * test run (a draw of a year, entry and district exists once): junior entry in Miyun
 * (110118), eight graduates with their families' choices over two batches for five seats,
 * and primary entry in Pinggu (110117), seven approved registrations of two categories in
 * a multi-school and a single-school zone for four seats, and a school with neither seats
 * nor applicants.
 *
 * <p>
 * Both districts' other tests need their applications open after these draws, and the
 * test day (2017-05-10) sits in the application windows: the windows are closed for the
 * freeze and the publication window opened for the publication, then the calendar is put
 * back as it was, and the two freezes, which the platform never lifts, are lifted through
 * the schema owner's connection once the draws are stored.
 */
@Component
public class DrawnDistricts {

	static final String JUNIOR = "110118";

	static final String PRIMARY = "110117";

	static final String MULTI_ADDRESS = "统计测试多校小区";

	static final String SINGLE_ADDRESS = "统计测试单校小区";

	public static final String PG1 = "PS-STAT-PG1";

	static final String PG2 = "PS-STAT-PG2";

	static final String PG3 = "PS-STAT-PG3";

	static final String ENTROPY = "2017-05-10 statistics test 07 19 23 31 42 08";

	static final SignedIn CITY = new SignedIn(AccountId.random(), "stat-city-admin", "市教委", Role.CITY_ADMIN, null,
			null);

	private static final int YEAR = JuniorDrawFixtures.YEAR;

	public record Drawn(LotteryDraw junior, LotteryDraw primary) {

		List<LotteryDraw> both() {
			return List.of(junior, primary);
		}

	}

	private final Draws draws;

	private final JuniorDrawFixtures juniors;

	private final PrimaryDrawFixtures primaries;

	private final EnrollmentCalendar calendar;

	private final JdbcClient jdbc;

	private final DatabaseLocation location;

	private DrawId junior;

	private DrawId primary;

	DrawnDistricts(Draws draws, JuniorDrawFixtures juniors, PrimaryDrawFixtures primaries, EnrollmentCalendar calendar,
			JdbcClient jdbc, DatabaseLocation location) {
		this.draws = draws;
		this.juniors = juniors;
		this.primaries = primaries;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.location = location;
	}

	/** Both draws frozen and drawn, published or not. */
	synchronized Drawn drawn() {
		if (junior == null) {
			freezeAndDraw();
		}
		return current();
	}

	/** Both draws published. */
	public synchronized Drawn published() {
		Drawn drawn = drawn();
		if (!drawn.junior().published() || !drawn.primary().published()) {
			withWindows(List.of(new PhaseWindow(PhaseKind.RESULT_PUBLICATION, calendar.today(), null)), () -> {
				for (LotteryDraw draw : current().both()) {
					if (!draw.published()) {
						draws.publish(draw.id(), CITY);
					}
				}
			});
		}
		return current();
	}

	private Drawn current() {
		return new Drawn(draws.byId(junior).orElseThrow(), draws.byId(primary).orElseThrow());
	}

	private void freezeAndDraw() {
		primaries.calendar2017();
		juniors.preferencesOpen();
		juniorApplications();
		primaryApplications();
		LocalDate yesterday = calendar.today().minusDays(1);
		withWindows(List.of(new PhaseWindow(PhaseKind.JUNIOR_PREFERENCES, yesterday.minusDays(8), yesterday),
				new PhaseWindow(PhaseKind.PRIMARY_COLLECTION, yesterday.minusDays(8), yesterday)), () -> {
					junior = freezeAndDraw(EntryLevel.JUNIOR, JUNIOR, TieBreaking.SINGLE);
					primary = freezeAndDraw(EntryLevel.PRIMARY, PRIMARY, TieBreaking.MULTIPLE);
				});
		liftFreezes();
	}

	private DrawId freezeAndDraw(EntryLevel level, String district, TieBreaking tieBreaking) {
		LotteryDraw frozen = draws.freeze(new Draws.FreezeRequest(level, YEAR, district, Mechanism.DEFERRED_ACCEPTANCE,
				tieBreaking, calendar.today(), "公证员现场摇号的六个数字"), CITY);
		return draws.draw(frozen.id(), ENTROPY, CITY, n -> {
		}).id();
	}

	/**
	 * Five seats for eight graduates (and whoever other tests added to the district): two
	 * at the first junior high, two at the second, one at the third; the private and the
	 * nine-year school have one seat each, taken outside the draw, so that they enter it
	 * with neither seats nor applicants.
	 */
	private void juniorApplications() {
		juniors.district(JUNIOR);
		String j1 = JuniorDrawFixtures.junior(JUNIOR, 1);
		String j2 = JuniorDrawFixtures.junior(JUNIOR, 2);
		String j3 = JuniorDrawFixtures.junior(JUNIOR, 3);
		seats(j1, 2);
		seats(j2, 2);
		seats(j3, 1);
		seats(JuniorDrawFixtures.privateSchool(JUNIOR), 1);
		seats(JuniorDrawFixtures.nineYear(JUNIOR), 1);
		juniors.admittedOutsideTheDraw(JUNIOR, "统计民办", RouteKind.PRIVATE_SCHOOL,
				JuniorDrawFixtures.privateSchool(JUNIOR));
		juniors.admittedOutsideTheDraw(JUNIOR, "统计直升", RouteKind.DIRECT_PROGRESSION,
				JuniorDrawFixtures.nineYear(JUNIOR));
		juniors.graduateChoosing(JUNIOR, "统计甲", List.of(j1), List.of(j2, j3));
		juniors.graduateChoosing(JUNIOR, "统计乙", List.of(j1), List.of(j3, j2));
		juniors.graduateChoosing(JUNIOR, "统计丙", List.of(j1), List.of(j2));
		juniors.graduateChoosing(JUNIOR, "统计丁", List.of(j2), List.of(j1));
		juniors.graduateChoosing(JUNIOR, "统计戊", List.of(j2), List.of());
		juniors.graduateChoosing(JUNIOR, "统计己", List.of(), List.of(j3));
		juniors.graduateChoosing(JUNIOR, "统计庚", List.of(), List.of());
		juniors.graduateChoosing(JUNIOR, "统计辛", List.of(j1), List.of());
	}

	/**
	 * Four seats for seven children: three in the lottery set, one in the single zone.
	 */
	private void primaryApplications() {
		primaries.school(PG1, "统计测试平谷第一小学", PRIMARY, 2);
		primaries.school(PG2, "统计测试平谷第二小学", PRIMARY, 1);
		primaries.school(PG3, "统计测试平谷第三小学", PRIMARY, 1);
		primaries.zone(PRIMARY, "统计测试多校片", MULTI_ADDRESS, PG1, List.of(PG1, PG2));
		primaries.zone(PRIMARY, "统计测试单校片", SINGLE_ADDRESS, PG3, List.of());
		primaries.approvedChild(PRIMARY, MULTI_ADDRESS, "统计一", true);
		primaries.approvedChild(PRIMARY, MULTI_ADDRESS, "统计二", true);
		primaries.approvedChild(PRIMARY, MULTI_ADDRESS, "统计三", true);
		primaries.approvedChild(PRIMARY, MULTI_ADDRESS, "统计四", false);
		primaries.approvedChild(PRIMARY, MULTI_ADDRESS, "统计五", false);
		primaries.approvedChild(PRIMARY, SINGLE_ADDRESS, "统计六", true);
		primaries.approvedChild(PRIMARY, SINGLE_ADDRESS, "统计七", true);
	}

	private void seats(String school, int seats) {
		jdbc.sql("update school set seats_per_year = ? where code = ?").params(seats, school).update();
	}

	/**
	 * Runs the work with these windows of 2017 in place of theirs, then puts them back.
	 */
	private void withWindows(List<PhaseWindow> changed, Runnable work) {
		List<PhaseWindow> before = calendar.windows(YEAR);
		YearRules rules = calendar.rules(YEAR).orElseThrow();
		List<PhaseWindow> windows = new ArrayList<>(before);
		windows.removeIf(w -> changed.stream().anyMatch(c -> c.kind() == w.kind()));
		windows.addAll(changed);
		calendar.schedule(YEAR, calendar.version(YEAR), windows, rules.ageCutoff(), rules.zoningCutoffs(),
				Actor.SYSTEM);
		try {
			work.run();
		}
		finally {
			calendar.schedule(YEAR, calendar.version(YEAR), before, rules.ageCutoff(), rules.zoningCutoffs(),
					Actor.SYSTEM);
		}
	}

	private void liftFreezes() {
		try (Connection owner = DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password());
				PreparedStatement lift = owner.prepareStatement(
						"delete from application_freeze where year = ? and applications = ? and scope = ?")) {
			for (Object[] freeze : List.of(new Object[] { PhaseKind.JUNIOR_PREFERENCES, JUNIOR },
					new Object[] { PhaseKind.PRIMARY_COLLECTION, PRIMARY })) {
				lift.setInt(1, YEAR);
				lift.setString(2, ((PhaseKind) freeze[0]).name());
				lift.setString(3, (String) freeze[1]);
				lift.executeUpdate();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
