package org.ruxue.app.placement;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
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
 * who listed which school at which rank and priority), the result file as drawn and
 * checked (who was placed where, at which rank) and the private side (each student's
 * district and category), then kept in memory: a published draw never changes, so what
 * was counted never goes stale. Each node counts for itself: a city-wide draw takes about
 * half a second on a warm node (docs/placement.md).
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
		StatisticsTally.Outcomes outcomes = outcomes(draw.id(), snapshot);
		Map<String, StatisticsTally.SchoolInfo> info = new HashMap<>();
		for (School school : schools.byCodes(snapshot.schools())) {
			info.put(school.code(), new StatisticsTally.SchoolInfo(school.name(), school.districtCode()));
		}
		Map<String, String> names = new HashMap<>();
		for (District district : districts.all()) {
			names.put(district.code(), district.name());
		}
		DrawStatistics statistics = StatisticsTally.count(draw, snapshot, outcomes, info, names);
		log.info("Statistics of draw {} ({} students, {} schools) counted in {} ms", draw.id(), snapshot.studentCount(),
				snapshot.schoolCount(), (System.nanoTime() - started) / 1_000_000);
		return statistics;
	}

	/**
	 * Every student's placement, read from the result file as drawn and checked, and
	 * district and category, read from the private side grouped by the two: a few rows
	 * instead of one per student.
	 * @throws IllegalStateException when the result or the private side disagree with the
	 * snapshot
	 */
	StatisticsTally.Outcomes outcomes(DrawId id, Snapshot snapshot) {
		List<String> students = snapshot.students();
		int n = students.size();
		String[] schoolsPlaced = new String[n];
		int[] ranks = new int[n];
		placements(draws.resultBytes(id).orElseThrow(), snapshot, schoolsPlaced, ranks);
		String[] districtsOf = new String[n];
		String[] categories = new String[n];
		jdbc.sql("""
				select district_code, category, string_agg(lottery_id, ' ')
				from placement_entrant where draw_id = ? group by district_code, category
				""").param(id.value()).query(rs -> {
			String district = rs.getString(1);
			String category = rs.getString(2);
			String ids = rs.getString(3);
			for (int from = 0; from < ids.length();) {
				int to = ids.indexOf(' ', from);
				to = (to < 0) ? ids.length() : to;
				int s = Collections.binarySearch(students, ids.substring(from, to));
				if (s < 0 || districtsOf[s] != null) {
					throw new IllegalStateException("Draw " + id + ": an entrant not in its snapshot");
				}
				districtsOf[s] = district;
				categories[s] = category;
				from = to + 1;
			}
		});
		return new StatisticsTally.Outcomes(districtsOf, categories, schoolsPlaced, ranks);
	}

	/**
	 * The result's student lines (LOTTERY.md section 4): one per student in the
	 * snapshot's order, {@code placed ID CODE RANK NUMBER} or
	 * {@code unplaced ID - 0 NUMBER}.
	 */
	private static void placements(byte[] result, Snapshot snapshot, String[] schoolsPlaced, int[] ranks) {
		String text = new String(result, StandardCharsets.UTF_8);
		List<String> students = snapshot.students();
		Map<String, String> codes = new HashMap<>();
		snapshot.schools().forEach(code -> codes.put(code, code));
		int at = 0;
		for (int header = 0; header < 4; header++) {
			at = text.indexOf('\n', at) + 1;
		}
		for (int s = 0; s < students.size(); s++) {
			int end = text.indexOf('\n', at);
			boolean placed = text.startsWith("placed ", at);
			int idStart = at + (placed ? 7 : 9);
			String student = students.get(s);
			if (end < 0 || !(placed || text.startsWith("unplaced ", at)) || !text.startsWith(student + " ", idStart)) {
				throw new IllegalStateException("The result's line " + (s + 5) + " is not its snapshot's student");
			}
			if (placed) {
				int codeStart = idStart + student.length() + 1;
				int codeEnd = text.indexOf(' ', codeStart);
				int rankEnd = text.indexOf(' ', codeEnd + 1);
				schoolsPlaced[s] = codes.get(text.substring(codeStart, codeEnd));
				if (schoolsPlaced[s] == null) {
					throw new IllegalStateException(
							"The result's line " + (s + 5) + " names no school of its snapshot");
				}
				ranks[s] = Integer.parseInt(text, codeEnd + 1, rankEnd, 10);
			}
			at = end + 1;
		}
	}

}
