package org.ruxue.app.primary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruxue.app.RuxueApplication;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration-submission benchmark (docs/benchmarks/primary.md). Boots the whole
 * platform against a fresh PostgreSQL database of its own (dropped at the end), fills the
 * population register, the zones and the family accounts, then has {@code threads}
 * families submit complete registrations at once through
 * {@link PrimaryRegistrations#submit}: validation, the zone lookup, the category, the
 * insert under the one-active-registration constraint, the audit entry and the
 * notification outbox rows, each in its transaction. The identity-check worker runs as in
 * production meanwhile. Not a test: run it with the command in the docs.
 */
public final class PrimarySubmissionBenchmark {

	private PrimarySubmissionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int families = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 16;
		int warmup = Math.min(2_000, families / 5);
		ConfigurableApplicationContext app = SpringApplication.run(RuxueApplication.class,
				"--ruxue.database.ephemeral=true", "--ruxue.clock.fixed=2017-05-10T09:00:00+08:00", "--server.port=0",
				"--logging.level.root=WARN");
		try {
			List<Applicant> applicants = prepare(app, families);
			PrimaryRegistrations registrations = app.getBean(PrimaryRegistrations.class);
			run(registrations, applicants.subList(0, warmup), threads, "warm-up");
			run(registrations, applicants.subList(warmup, applicants.size()), threads, "measured");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			System.out.printf("registrations in the database: %,d; identity checks done meanwhile: %,d%n",
					jdbc.sql("select count(*) from primary_registration").query(Long.class).single(),
					jdbc.sql("select count(*) from primary_registration where verification <> 'PENDING'")
						.query(Long.class)
						.single());
		}
		finally {
			app.close();
		}
	}

	record Applicant(SignedIn family, RegistrationForm form) {

	}

	private static void run(PrimaryRegistrations registrations, List<Applicant> applicants, int threads, String label)
			throws Exception {
		long[] nanos = new long[applicants.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long began = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < applicants.size(); i = next.getAndIncrement()) {
					Applicant a = applicants.get(i);
					long start = System.nanoTime();
					try {
						registrations.submit(PrimaryFixtures.DONGCHENG, a.form(), a.family());
					}
					catch (RuntimeException ex) {
						if (errors.incrementAndGet() <= 5) {
							System.out.println("error: " + ex);
						}
					}
					nanos[i] = System.nanoTime() - start;
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		pool.shutdown();
		Arrays.sort(nanos);
		int n = nanos.length;
		System.out.printf(
				"%s: %,d submissions by %d threads in %.1f s = %,.0f/s; errors %d; p50 %.1f ms, p99 %.1f ms, "
						+ "max %.1f ms%n",
				label, n, threads, seconds, n / seconds, errors.get(), nanos[n / 2] / 1e6,
				nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6);
	}

	/** Children and fathers in the register, a zone of 200 addresses, an account each. */
	static List<Applicant> prepare(ConfigurableApplicationContext app, int families) {
		long start = System.nanoTime();
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Calendars.sourceYear2017(app.getBean(EnrollmentCalendar.class));
		ServiceZones zones = app.getBean(ServiceZones.class);
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values ('BENCH-DC1', '基准东城小学', '110101', 'PRIMARY', true, '基准地址', 100) on conflict do nothing
				""").update();
		zones.saveZone(new ZoneDefinition("110101", 2017, EntryLevel.PRIMARY, "基准片", "BENCH-DC1", List.of()),
				Actor.SYSTEM);
		for (int i = 1; i <= 200; i++) {
			zones.saveAddress(new AddressMapping("110101", 2017, EntryLevel.PRIMARY, "基准片", "基准家园" + i + "号院", null,
					List.of(), false), Actor.SYSTEM);
		}
		FamilyAccounts accounts = app.getBean(FamilyAccounts.class);
		List<Applicant> applicants = new ArrayList<>(families);
		for (int i = 0; i < families; i++) {
			LocalDate born = LocalDate.of(2010, 9, 1).plusDays(i % 364);
			IdCardNumber child = IdCardNumber.withCheckDigit(
					"110101" + born.toString().replace("-", "") + String.format("%03d", i / 364 * 2 % 1000 + 1));
			IdCardNumber father = IdCardNumber
				.withCheckDigit("110101" + LocalDate.of(1980, 1, 1).plusDays(i % 3650).toString().replace("-", "")
						+ String.format("%03d", i / 3650 * 2 % 1000 + 1));
			String childName = "基准" + i;
			person(jdbc, child, childName, born);
			person(jdbc, father, childName + "父", father.birthDate());
			String mobile = String.format("139%08d", i);
			AccountId account = accounts.provision(child, childName, null, new MobileNumber(mobile));
			SignedIn family = new SignedIn(account, "bench-" + i, childName, Role.PARENT, "110101", null);
			RegistrationForm form = new RegistrationForm();
			form.setIdempotencyKey(UUID.randomUUID().toString());
			form.setChildName(childName);
			form.setChildIdNumber(child.value());
			form.setHukouType("BEIJING");
			form.setHukouDistrict("110101");
			form.setHukouAddress("北京市东城区基准家园" + (i % 200 + 1) + "号院");
			form.setHomeTenure((i % 3 == 0) ? "RENTED" : "OWNED");
			if (i % 3 != 0) {
				form.setCertificateNumber("京(2015)东城区不动产权第" + i + "号");
				form.setCertificateDate("2015-06-01");
				form.setOwner((i % 3 == 1) ? "PARENTS" : "GRANDPARENTS");
			}
			form.setAddress("基准家园" + (i % 200 + 1) + "号院" + (i % 20 + 1) + "号楼1单元" + (100 + i % 50));
			form.setGuardian1Name(childName + "父");
			form.setGuardian1Relation("FATHER");
			form.setGuardian1IdNumber(father.value());
			form.setGuardian1Mobile(mobile);
			applicants.add(new Applicant(family, form));
		}
		System.out.printf("prepared %,d families in %.1f s%n", families, (System.nanoTime() - start) / 1e9);
		return applicants;
	}

	private static void person(JdbcClient jdbc, IdCardNumber id, String name, LocalDate born) {
		jdbc.sql("""
				insert into population_person (id_number, name, sex, birth_date, hukou_type, hukou_district_code,
				  address_street_code, address)
				values (?, ?, ?, ?, 'BEIJING', '110101', '110101002', '北京市东城区景山街道2号院')
				""").params(id.value(), name, id.isMale() ? "MALE" : "FEMALE", born).update();
	}

}
