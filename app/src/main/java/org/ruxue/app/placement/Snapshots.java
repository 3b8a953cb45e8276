package org.ruxue.app.placement;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.ruxue.app.junior.AdmissionRoutes;
import org.ruxue.app.junior.DrawEntrant;
import org.ruxue.app.junior.Preferences;
import org.ruxue.app.primary.PrimaryRegistrations;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;
import org.ruxue.lottery.Choice;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.TieBreaking;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns applications into a lottery snapshot (LOTTERY.md) and the private list of who is
 * behind each id.
 * <ul>
 * <li>Junior high (R-J7): every student of the district in the draw, with the choices of
 * each batch in the family's order; no priority among them (tier 0). A school offers its
 * seats of the year less the students admitted to it by a route outside the draw.</li>
 * <li>Primary (R-Z4, R-P5): every approved registration with a verified identity. A
 * multi-school zone lists its lottery set; a single-school zone its one school. The tier
 * is the registration's priority category (first category: tier 0), so a school admits by
 * category and the lottery orders children within one. Those a single-school zone cannot
 * seat stay unplaced: the district allocates them to schools with free seats.</li>
 * </ul>
 */
@Component
class Snapshots {

	static final String CITY = "110000";

	/** Crockford's base-32 digits, as on the junior receipts: nothing to misread. */
	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private final Preferences preferences;

	private final AdmissionRoutes routes;

	private final PrimaryRegistrations registrations;

	private final Districts districts;

	private final Schools schools;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final SecureRandom random = new SecureRandom();

	Snapshots(Preferences preferences, AdmissionRoutes routes, PrimaryRegistrations registrations, Districts districts,
			Schools schools, JdbcClient jdbc, JdbcTemplate batch) {
		this.preferences = preferences;
		this.routes = routes;
		this.registrations = registrations;
		this.districts = districts;
		this.schools = schools;
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A built snapshot with the private side of its ids, by lottery id. */
	record Built(Snapshot snapshot, Map<String, Entrant> entrants, int seats) {

	}

	List<String> districtsOf(String scope) {
		if (CITY.equals(scope)) {
			return districts.all().stream().map(District::code).toList();
		}
		return List.of(scope);
	}

	Built build(EntryLevel level, int year, String scope, Mechanism mechanism, TieBreaking tieBreaking) {
		return (level == EntryLevel.JUNIOR) ? junior(year, scope, mechanism, tieBreaking)
				: primary(year, scope, mechanism, tieBreaking);
	}

	Built junior(int year, String scope, Mechanism mechanism, TieBreaking tieBreaking) {
		Snapshot.Builder builder = Snapshot.builder(mechanism, tieBreaking);
		Map<String, Entrant> entrants = new TreeMap<>();
		Map<String, Integer> routed = new HashMap<>();
		Set<String> codes = new LinkedHashSet<>();
		for (String district : districtsOf(scope)) {
			routes.inDistrict(district, year).forEach(r -> routed.merge(r.schoolCode(), 1, Integer::sum));
			schools.inDistrict(district)
				.stream()
				.filter(s -> s.level().takesJuniorEntry())
				.forEach(s -> codes.add(s.code()));
			for (DrawEntrant entrant : preferences.inDraw(district, year)) {
				List<Choice> choices = new ArrayList<>();
				for (int b = 0; b < entrant.batches().size(); b++) {
					for (String school : entrant.batches().get(b)) {
						choices.add(new Choice(school, 0, b + 1));
						codes.add(school);
					}
				}
				builder.student(entrant.lotteryId(), choices);
				entrants.put(entrant.lotteryId(),
						new Entrant(entrant.lotteryId(), district, entrant.educationId(), null, null));
			}
		}
		int seats = declare(builder, codes, routed);
		return new Built(builder.build(), entrants, seats);
	}

	Built primary(int year, String scope, Mechanism mechanism, TieBreaking tieBreaking) {
		Snapshot.Builder builder = Snapshot.builder(mechanism, tieBreaking);
		Map<String, Entrant> entrants = new TreeMap<>();
		Set<String> codes = new LinkedHashSet<>();
		for (String district : districtsOf(scope)) {
			schools.inDistrict(district)
				.stream()
				.filter(s -> s.level().takesPrimaryEntry())
				.forEach(s -> codes.add(s.code()));
			List<PrimaryRegistrations.DrawApplicant> applicants = registrations.inDraw(district, year);
			Map<UUID, String> ids = lotteryIds(year, applicants);
			for (PrimaryRegistrations.DrawApplicant applicant : applicants) {
				String lotteryId = ids.get(applicant.id().value());
				int tier = Math.max(0, applicant.categoryPosition() - 1);
				List<Choice> choices = new ArrayList<>();
				for (String school : applicant.zoneSchoolCodes()) {
					if (!school.isBlank()) {
						choices.add(Choice.of(school, tier));
						codes.add(school);
					}
				}
				builder.student(lotteryId, choices);
				entrants.put(lotteryId,
						new Entrant(lotteryId, district, null, applicant.id(), applicant.categoryLabel()));
			}
		}
		int seats = declare(builder, codes, Map.of());
		return new Built(builder.build(), entrants, seats);
	}

	/** Declares the schools with their seats less those taken outside the draw. */
	private int declare(Snapshot.Builder builder, Set<String> codes, Map<String, Integer> taken) {
		int seats = 0;
		for (School school : schools.byCodes(codes)) {
			int free = Math.max(0, school.seatsPerYear() - taken.getOrDefault(school.code(), 0));
			builder.school(school.code(), free);
			seats += free;
			codes.remove(school.code());
		}
		if (!codes.isEmpty()) {
			throw new PlacementRefused("placement.error.unknown-schools", String.join(", ", codes));
		}
		return seats;
	}

	/**
	 * The registrations' pseudonymous ids of the year, drawn from a secure random source
	 * the first time a registration enters a snapshot and kept after.
	 */
	private Map<UUID, String> lotteryIds(int year, List<PrimaryRegistrations.DrawApplicant> applicants) {
		Map<UUID, String> ids = new HashMap<>();
		List<UUID> wanted = applicants.stream().map(a -> a.id().value()).toList();
		for (int round = 0; round < 5; round++) {
			known(wanted, ids);
			List<Object[]> missing = new ArrayList<>();
			for (UUID id : wanted) {
				if (!ids.containsKey(id)) {
					missing.add(new Object[] { id, year, fresh() });
				}
			}
			if (missing.isEmpty()) {
				return ids;
			}
			batch.batchUpdate("""
					insert into placement_primary_id (registration_id, year, lottery_id) values (?, ?, ?)
					on conflict do nothing
					""", missing);
		}
		throw new IllegalStateException("No lottery ids could be drawn");
	}

	private void known(List<UUID> wanted, Map<UUID, String> ids) {
		for (int from = 0; from < wanted.size(); from += 1000) {
			jdbc.sql("select registration_id, lottery_id from placement_primary_id where registration_id in (:ids)")
				.param("ids", wanted.subList(from, Math.min(wanted.size(), from + 1000)))
				.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
				.list()
				.forEach(e -> ids.put(e.getKey(), e.getValue()));
		}
	}

	private String fresh() {
		char[] id = new char[12];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new String(id);
	}

}
