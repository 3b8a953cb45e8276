package org.ruxue.app.placement;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.lottery.Choice;
import org.ruxue.lottery.Simulation;
import org.ruxue.lottery.Simulator;
import org.ruxue.lottery.Snapshot;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chance estimates before the deadline: a district's junior-high draw simulated many
 * times over the preferences as they stand now, so that each family sees, per choice, the
 * share of simulated draws that placed its child there, and everyone sees the district's
 * applicants per seat. Estimates, not the draw: the simulation's random numbers come from
 * a fresh secure seed and decide nothing (LOTTERY.md section 5); the draw itself stays
 * {@link Draws}'. Each finished estimate replaces the district's previous figures in one
 * transaction. Estimates run nightly for every district while the preference window is
 * open, and whenever the city asks.
 */
@Service
@EnableConfigurationProperties(EstimateProperties.class)
public class ChanceEstimates {

	private static final Logger log = LoggerFactory.getLogger(ChanceEstimates.class);

	/** Who asked for the nightly estimates. */
	static final String NIGHTLY = "nightly";

	/** Simulated in this many steps, so that the page can show how far it got. */
	private static final int STEPS = 10;

	private final EstimateRuns runs;

	private final Snapshots snapshots;

	private final Districts districts;

	private final EnrollmentCalendar calendar;

	private final EstimateProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	/**
	 * One estimate at a time per node, so that estimates never take more than
	 * {@code threads} cores from the families' requests; the others wait, queued.
	 */
	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("chance-estimates").daemon(true).factory());

	ChanceEstimates(EstimateRuns runs, Snapshots snapshots, Districts districts, EnrollmentCalendar calendar,
			EstimateProperties properties, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.runs = runs;
		this.snapshots = snapshots;
		this.districts = districts;
		this.calendar = calendar;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The simulated draws per estimate unless asked otherwise. */
	public int defaultRuns() {
		return properties.runs();
	}

	/** When the nightly estimate runs, as a cron expression in the city's time zone. */
	public String schedule() {
		return properties.cron();
	}

	/**
	 * Estimates the district's chances now, in the calling thread, and makes them the
	 * district's figures.
	 * @return the run, finished or (when it could not be completed) failed
	 * @throws PlacementRefused when the district is unknown, runs is out of range, or an
	 * estimate of the district is queued or running already
	 */
	public EstimateRun run(int year, String district, int runs) {
		check(year, district, runs);
		UUID id = queue(year, district, runs, Actor.SYSTEM.name())
			.orElseThrow(() -> new PlacementRefused("estimates.error.running", district));
		execute(id, Actor.SYSTEM);
		return this.runs.byId(id).orElseThrow();
	}

	/** What the city's request did: the runs queued, and the districts already busy. */
	public record Requested(List<UUID> queued, List<String> busy) {

	}

	/**
	 * The city asks for estimates of the districts now: they are queued and run one after
	 * another on this node's worker; the page follows their progress.
	 * @throws PlacementRefused when a district is unknown
	 */
	public Requested request(int year, List<String> districtCodes, SignedIn admin) {
		requireCity(admin);
		for (String district : districtCodes) {
			check(year, district, properties.runs());
		}
		List<UUID> queued = new ArrayList<>();
		List<String> busy = new ArrayList<>();
		for (String district : districtCodes) {
			queue(year, district, properties.runs(), admin.username()).ifPresentOrElse(queued::add,
					() -> busy.add(district));
		}
		submit(queued, Actor.of(admin.username(), admin.role().name()));
		return new Requested(queued, busy);
	}

	/**
	 * Tonight's estimates: every district of every year whose preference window is open.
	 * Runs once cluster-wide: only the node that claims the night queues them.
	 * @return the runs queued; none when another node claimed the night already
	 */
	public List<UUID> nightly() {
		return nightly(calendar.today());
	}

	List<UUID> nightly(LocalDate night) {
		if (!runs.claimNight(night, ManagementFactory.getRuntimeMXBean().getName(), clock.instant())) {
			return List.of();
		}
		List<UUID> queued = new ArrayList<>();
		for (int year : calendar.years()) {
			if (calendar.isOpen(year, PhaseKind.JUNIOR_PREFERENCES)) {
				for (District district : districts.all()) {
					queue(year, district.code(), properties.runs(), NIGHTLY).ifPresent(queued::add);
				}
			}
		}
		log.info("Nightly chance estimates: {} districts queued", queued.size());
		submit(queued, Actor.SYSTEM);
		return queued;
	}

	// --- reading

	/** A district's estimates as the city's page lists them. */
	public record DistrictEstimates(District district, Optional<EstimateRun> finished, Optional<EstimateRun> active,
			Optional<EstimateRun> failed) {

	}

	/**
	 * Every district with its latest figures, the estimate under way and the last
	 * failure.
	 */
	@Transactional(readOnly = true)
	public List<DistrictEstimates> overview(int year) {
		Map<String, List<EstimateRun>> byDistrict = new HashMap<>();
		runs.ofYear(year).forEach(r -> byDistrict.computeIfAbsent(r.districtCode(), d -> new ArrayList<>()).add(r));
		List<DistrictEstimates> overview = new ArrayList<>();
		for (District district : districts.all()) {
			List<EstimateRun> of = byDistrict.getOrDefault(district.code(), List.of());
			overview.add(new DistrictEstimates(district, first(of, EstimateStatus.FINISHED),
					of.stream().filter(r -> r.status().active()).findFirst(), first(of, EstimateStatus.FAILED)));
		}
		return overview;
	}

	private static Optional<EstimateRun> first(List<EstimateRun> runs, EstimateStatus status) {
		return runs.stream().filter(r -> r.status() == status).findFirst();
	}

	/** The district's current figures: its latest finished estimate. */
	@Transactional(readOnly = true)
	public Optional<EstimateRun> latest(int year, String district) {
		return runs.latestFinished(year, district);
	}

	/** The districts' current figures, for the public. */
	@Transactional(readOnly = true)
	public List<EstimateRun> published(int year) {
		return overview(year).stream().flatMap(d -> d.finished().stream()).toList();
	}

	/**
	 * What a family sees: the district's latest estimate and, when the student was in it,
	 * the student's chances. Read in one snapshot of the database, so that an estimate
	 * replaced meanwhile never shows half.
	 */
	public record FamilyEstimate(Optional<EstimateRun> run, Optional<StudentChances> chances) {

	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public FamilyEstimate forStudent(int year, String district, String educationId) {
		Optional<EstimateRun> run = runs.latestFinished(year, district);
		if (run.isEmpty()) {
			return new FamilyEstimate(run, Optional.empty());
		}
		List<EstimateRuns.Share> shares = runs.shares(run.get().id(), educationId);
		if (shares.isEmpty()) {
			return new FamilyEstimate(run, Optional.empty());
		}
		int total = run.get().runs();
		Chance unplaced = null;
		List<StudentChances.ChoiceChance> choices = new ArrayList<>();
		for (EstimateRuns.Share share : shares) {
			if (share.position() == 0) {
				unplaced = new Chance(share.placedRuns(), total);
			}
			else {
				choices.add(new StudentChances.ChoiceChance(share.position(), share.batch(), share.schoolCode(),
						new Chance(share.placedRuns(), total)));
			}
		}
		return new FamilyEstimate(run,
				Optional.of(new StudentChances(run.get(), shares.get(0).lotteryId(), choices, unplaced)));
	}

	// --- running

	private void check(int year, String district, int runs) {
		if (year < 2000 || year > 2100) {
			throw new PlacementRefused("estimates.error.year");
		}
		if (district == null || districts.byCode(district).isEmpty()) {
			throw new PlacementRefused("estimates.error.district");
		}
		if (runs < 1 || runs > EstimateProperties.MAX_RUNS) {
			throw new PlacementRefused("estimates.error.runs", EstimateProperties.MAX_RUNS);
		}
	}

	private Optional<UUID> queue(int year, String district, int runs, String requestedBy) {
		return this.runs.queue(year, district, runs, properties.mechanism().token(), properties.tieBreaking().token(),
				requestedBy, clock.instant());
	}

	private void submit(List<UUID> queued, Actor by) {
		if (queued.isEmpty()) {
			return;
		}
		worker.execute(() -> {
			for (int i = 0; i < queued.size(); i++) {
				runs.stillQueued(queued.subList(i + 1, queued.size()), clock.instant());
				execute(queued.get(i), by);
			}
		});
	}

	/**
	 * Reads the preferences as they stand into a snapshot, simulates it and stores the
	 * shares; a failure leaves the district's previous figures as they were.
	 */
	void execute(UUID id, Actor by) {
		if (!runs.start(id, clock.instant())) {
			return;
		}
		EstimateRun run = runs.byId(id).orElseThrow();
		try {
			Snapshots.Built built = snapshots.junior(run.year(), run.districtCode(), properties.mechanism(),
					properties.tieBreaking());
			int[][] counts = simulate(built.snapshot(), run.runs(), done -> runs.progress(id, done, clock.instant()));
			store(run, built, counts, by);
		}
		catch (PlacementRefused refused) {
			log.warn("Chance estimate {} of {}/{} refused: {}", id, run.districtCode(), run.year(),
					refused.messageKey());
			runs.fail(id, "estimates.problem.snapshot", clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Chance estimate {} of {}/{} failed", id, run.districtCode(), run.year(), ex);
			runs.fail(id, "estimates.problem.failed", clock.instant());
		}
	}

	/**
	 * Per student in the snapshot's order, the runs that placed it at each of its choices
	 * in list order, then the runs that left it unplaced. Simulated in steps of fresh
	 * seeds; a share times its step's runs is the step's whole count exactly.
	 */
	private int[][] simulate(Snapshot snapshot, int total, IntConsumer progress) {
		List<String> students = snapshot.students();
		List<List<Choice>> lists = students.stream().map(snapshot::choices).toList();
		int[][] counts = new int[students.size()][];
		for (int s = 0; s < counts.length; s++) {
			counts[s] = new int[lists.get(s).size() + 1];
		}
		int step = Math.max(1, (total + STEPS - 1) / STEPS);
		int done = 0;
		while (done < total) {
			int now = Math.min(step, total - done);
			Simulation simulation = Simulator.simulate(snapshot, now, properties.threads(), random.nextLong());
			for (int s = 0; s < counts.length; s++) {
				String student = students.get(s);
				List<Choice> list = lists.get(s);
				for (int c = 0; c < list.size(); c++) {
					counts[s][c] += Math.toIntExact(Math.round(simulation.share(student, list.get(c).school()) * now));
				}
				counts[s][list.size()] += Math.toIntExact(Math.round(simulation.unplacedShare(student) * now));
			}
			done += now;
			progress.accept(done);
		}
		return counts;
	}

	private void store(EstimateRun run, Snapshots.Built built, int[][] counts, Actor by) {
		Snapshot snapshot = built.snapshot();
		List<String> students = snapshot.students();
		List<EstimateRuns.Share> shares = new ArrayList<>();
		int withChoices = 0;
		for (int s = 0; s < students.size(); s++) {
			String lotteryId = students.get(s);
			String educationId = built.entrants().get(lotteryId).educationId();
			List<Choice> list = snapshot.choices(lotteryId);
			if (!list.isEmpty()) {
				withChoices++;
			}
			for (int c = 0; c < list.size(); c++) {
				shares.add(new EstimateRuns.Share(educationId, lotteryId, c + 1, list.get(c).batch(),
						list.get(c).school(), counts[s][c]));
			}
			shares.add(new EstimateRuns.Share(educationId, lotteryId, 0, 0, null, counts[s][list.size()]));
		}
		BigDecimal perSeat = (built.seats() > 0)
				? BigDecimal.valueOf(students.size()).divide(BigDecimal.valueOf(built.seats()), 3, RoundingMode.HALF_UP)
				: null;
		EstimateRuns.Figures figures = new EstimateRuns.Figures(students.size(), withChoices, built.seats(), perSeat);
		transaction.executeWithoutResult(tx -> {
			if (runs.finish(run, figures, shares, clock.instant())) {
				events.publishEvent(new ChancesEstimated(runs.byId(run.id()).orElseThrow(), by));
			}
		});
	}

	private static void requireCity(SignedIn who) {
		if (who == null || who.role() != Role.CITY_ADMIN) {
			throw new AccessDeniedException("Estimates on demand are the city's");
		}
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
