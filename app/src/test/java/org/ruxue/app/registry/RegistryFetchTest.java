package org.ruxue.app.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.population.SealedIdNumbers;
import org.ruxue.app.registry.RegistryService.AnswersAfter;
import org.ruxue.app.registry.RegistryService.Says;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-J1 fetched from the registry's JSON service through the import, against a real server
 * on a loopback port: the year's graduates previewed and written like an uploaded export;
 * a service failing or too slow refuses the import with the reason, importing nothing.
 */
@IntegrationTest
class RegistryFetchTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batch;

	@Autowired
	DataSource dataSource;

	@Autowired
	GraduateColumns columns;

	@Autowired
	GraduateCheck check;

	@Autowired
	SealedIdNumbers sealed;

	@Autowired
	FamilyAccounts families;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Students students;

	@Autowired
	MessageSource messages;

	private final List<String> first = Graduates.inDongcheng("获取甲");

	private final List<String> second = Graduates.inXicheng("获取乙");

	private final RegistryService service = RegistryService.start().holds(first).holds(second);

	private GraduateImports imports;

	@BeforeEach
	void importsAskingTheService() {
		Graduates.schools(jdbc);
		RegistryProperties properties = new RegistryProperties(25_165_824, 300_000, new RegistryProperties.Http(
				service.baseUrl(), "", Duration.ofMillis(300), Duration.ofMillis(700), 2, Duration.ofMillis(20), 1));
		imports = new GraduateImports(jdbc, batch, dataSource, columns, check, sealed, families, events, clock,
				transactions, properties);
	}

	@AfterEach
	void stop() {
		imports.stop();
		service.close();
	}

	@Test
	void rJ1_theYearsGraduatesFetchedPreviewedAndWritten() {
		ImportJob preview = waitFor(imports.fetch(GraduateImportTest.CITY, 2017));

		assertThat(preview.status()).isEqualTo(ImportJob.Status.READY);
		assertThat(preview.source()).isEqualTo(ImportJob.Source.HTTP);
		assertThat(preview.added()).isEqualTo(2);
		assertThat(service.requests()).hasSize(2);

		assertThat(imports.confirm(preview.id(), GraduateImportTest.CITY)).isTrue();
		assertThat(waitFor(preview.id()).status()).isEqualTo(ImportJob.Status.WRITTEN);
		assertThat(students.byEducationId(second.get(0))).get()
			.satisfies(s -> assertThat(s.districtCode()).isEqualTo("110102"));
	}

	@Test
	void rJ1_aServerErrorOnEveryAttemptRefusesTheImportWithTheReason() {
		service.from(new Says(502, ""));

		ImportJob job = waitFor(imports.fetch(GraduateImportTest.CITY, 2017));

		assertThat(job.status()).isEqualTo(ImportJob.Status.REFUSED);
		assertThat(messages.getMessage(job.problemKey(), job.problemArgs().toArray(), Locale.SIMPLIFIED_CHINESE))
			.contains("无法从电子学籍系统获取数据（HTTP 502）", "没有导入任何学生");
		assertThat(students.byEducationId(first.get(0))).isEmpty();
	}

	@Test
	void rJ1_aTimeoutOnTheSecondPageImportsNothingOfTheFirst() {
		service.next(new RegistryService.Answers(), new AnswersAfter(Duration.ofSeconds(2)),
				new AnswersAfter(Duration.ofSeconds(2)));

		ImportJob job = waitFor(imports.fetch(GraduateImportTest.CITY, 2017));

		assertThat(job.status()).isEqualTo(ImportJob.Status.REFUSED);
		assertThat(job.problemArgs().getFirst()).contains("no answer within");
		assertThat(jdbc.sql("select count(*) from registry_import_row where import_id = ?")
			.param(job.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(students.byEducationId(first.get(0))).isEmpty();
	}

	private ImportJob waitFor(UUID id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		ImportJob job = imports.job(id, GraduateImportTest.CITY);
		while ((job.status() == ImportJob.Status.READING || job.status() == ImportJob.Status.WRITING)
				&& System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			job = imports.job(id, GraduateImportTest.CITY);
		}
		return job;
	}

}
