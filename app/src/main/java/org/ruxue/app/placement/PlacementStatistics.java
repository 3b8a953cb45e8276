package org.ruxue.app.placement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.SnapshotParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The open statistics of the draws (R-G8, and the open statistics per district and school
 * the requirements add): for a published draw only, because before its publication the
 * counts would tell its result. Counted once per draw from the frozen snapshot (seats,
 * who listed which school at which rank and priority) and the stored outcomes (who was
 * placed where), then kept in memory: a published draw never changes, so what was counted
 * never goes stale. Each node counts for itself; a city-wide draw takes about a second.
 */
@Service
public class PlacementStatistics {

	private static final Logger log = LoggerFactory.getLogger(PlacementStatistics.class);

	private final Draws draws;

	private final Schools schools;

	private final Districts districts;

	private final JdbcClient jdbc;

	private final Map<DrawId, DrawStatistics> counted = new ConcurrentHashMap<>();

	PlacementStatistics(Draws draws, Schools schools, Districts districts, JdbcClient jdbc) {
		this.draws = draws;
		this.schools = schools;
		this.districts = districts;
		this.jdbc = jdbc;
	}

	/** The published draws, newest year first. */
	public List<LotteryDraw> published() {
		return draws.all().stream().filter(LotteryDraw::published).toList();
	}

	/**
	 * The statistics of a published draw; empty for a draw that does not exist or is not
	 * published yet.
	 */
	public Optional<DrawStatistics> of(DrawId id) {
		DrawStatistics known = counted.get(id);
		if (known != null) {
			return Optional.of(known);
		}
		return draws.byId(id).filter(LotteryDraw::published).map(draw -> counted.computeIfAbsent(id, k -> count(draw)));
	}

	/** Counts afresh, without the memory: for {@link #of} and the benchmark. */
	DrawStatistics count(LotteryDraw draw) {
		long started = System.nanoTime();
		Snapshot snapshot = SnapshotParser.parse(draws.snapshotBytes(draw.id()));
		Map<String, StatisticsTally.Line> lines = lines(draw.id(), snapshot.studentCount());
		Map<String, StatisticsTally.SchoolInfo> info = new HashMap<>();
		for (School school : schools.byCodes(snapshot.schools())) {
			info.put(school.code(), new StatisticsTally.SchoolInfo(school.name(), school.districtCode()));
		}
		Map<String, String> names = new HashMap<>();
		for (District district : districts.all()) {
			names.put(district.code(), district.name());
		}
		DrawStatistics statistics = StatisticsTally.count(draw, snapshot, lines, info, names);
		log.info("Statistics of draw {} ({} students, {} schools) counted in {} ms", draw.id(), snapshot.studentCount(),
				snapshot.schoolCount(), (System.nanoTime() - started) / 1_000_000);
		return statistics;
	}

	/** Every student's stored outcome with its district and category, by lottery id. */
	Map<String, StatisticsTally.Line> lines(DrawId id, int students) {
		Map<String, StatisticsTally.Line> lines = new HashMap<>(students * 4 / 3 + 1);
		Map<String, String> shared = new HashMap<>();
		jdbc.sql("""
				select e.lottery_id, e.district_code, e.category, o.school_code, o.rank
				from placement_entrant e
				  join placement_outcome o on o.draw_id = e.draw_id and o.lottery_id = e.lottery_id
				where e.draw_id = ?
				""").param(id.value()).query(rs -> {
			// the same few districts, categories and schools over and over: keep one copy
			lines.put(rs.getString(1), new StatisticsTally.Line(one(shared, rs.getString(2)),
					one(shared, rs.getString(3)), one(shared, rs.getString(4)), rs.getInt(5)));
		});
		return lines;
	}

	private static String one(Map<String, String> shared, String text) {
		return (text == null) ? null : shared.computeIfAbsent(text, t -> t);
	}

}
