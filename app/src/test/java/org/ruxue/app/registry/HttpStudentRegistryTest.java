package org.ruxue.app.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.registry.RegistryService.AnswersAfter;
import org.ruxue.app.registry.RegistryService.Says;
import org.ruxue.app.spreadsheet.SpreadsheetReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * R-J1 through the registry's JSON service, against a real server on a loopback port:
 * every page of the year's graduates as rows of the export; a slow or failing service
 * tried again; one that stays slow or failing, refuses or talks nonsense ends the fetch
 * with nothing imported.
 */
class HttpStudentRegistryTest {

	private static final int ATTEMPTS = 3;

	private final List<String> first = Graduates.inDongcheng("接口甲");

	private final List<String> second = Graduates.inDongcheng("接口乙");

	private final List<String> third = Graduates.inXicheng("接口丙");

	private final RegistryService service = RegistryService.start().holds(first).holds(second).holds(third);

	private HttpStudentRegistry registry = registry(service.baseUrl());

	@AfterEach
	void stop() {
		registry.close();
		service.close();
	}

	@Test
	void readsEveryPageOfTheYearInTheExportsColumns() {
		List<SpreadsheetReader.Row> rows = registry.graduates(2017, 1000, n -> {
		});

		assertThat(rows.getFirst().cells()).isEqualTo(GraduateColumns.KEYS);
		assertThat(rows.subList(1, rows.size())).extracting(SpreadsheetReader.Row::cells)
			.containsExactly(first, second, third);
		assertThat(rows.subList(1, rows.size())).extracting(SpreadsheetReader.Row::number).containsExactly(1, 2, 3);
		assertThat(service.requests()).containsExactly("/registry/v1/graduates?year=2017&page=0&size=2",
				"/registry/v1/graduates?year=2017&page=1&size=2");
		assertThat(service.authorizations()).containsOnly("Bearer registry-token");
	}

	@Test
	void triesAServerErrorAgainAndGoesOnOnceTheServiceRecovers() {
		service.next(new Says(503, ""), new Says(500, "{\"error\":\"database\"}"));

		assertThat(registry.graduates(2017, 1000, n -> {
		})).hasSize(4);
		assertThat(service.requests()).hasSize(4);
	}

	@Test
	void aServiceFailingEveryTimeEndsTheFetchAfterTheLastAttempt() {
		service.from(new Says(500, "{\"error\":\"database\"}"));

		assertThatExceptionOfType(ImportRefused.class).isThrownBy(() -> registry.graduates(2017, 1000, n -> {
		})).satisfies(refused -> {
			assertThat(refused.messageKey()).isEqualTo("registry.import.refused.service");
			assertThat(refused.args()).containsExactly("HTTP 500");
		});
		assertThat(service.requests()).hasSize(ATTEMPTS);
	}

	@Test
	void triesASlowPageAgainAndTakesTheAnswerThatComesInTime() {
		service.next(new AnswersAfter(Duration.ofSeconds(3)));

		assertThat(registry.graduates(2017, 1000, n -> {
		})).hasSize(4);
		assertThat(service.requests()).as("the slow first page asked again")
			.filteredOn(r -> r.contains("page=0"))
			.hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aServiceTooSlowEveryTimeEndsTheFetchWithinItsDeadlines() {
		service.from(new AnswersAfter(Duration.ofSeconds(3)));
		long start = System.nanoTime();

		assertThatExceptionOfType(ImportRefused.class).isThrownBy(() -> registry.graduates(2017, 1000, n -> {
		})).satisfies(refused -> assertThat(refused.args().getFirst()).contains("no answer within"));
		assertThat(service.requests()).hasSize(ATTEMPTS);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aRefusedRequestIsNotTriedAgain() {
		service.from(new Says(403, "{\"error\":\"forbidden\"}"));

		assertThatExceptionOfType(ImportRefused.class).isThrownBy(() -> registry.graduates(2017, 1000, n -> {
		})).satisfies(refused -> assertThat(refused.args()).containsExactly("HTTP 403"));
		assertThat(service.requests()).hasSize(1);
	}

	@Test
	void anAnswerOutsideTheProtocolEndsTheFetch() {
		for (String nonsense : new String[] { "<html>maintenance</html>", "{}", "{\"graduates\":{}}", "[]", "" }) {
			service.from(new Says(200, nonsense));
			int before = service.requests().size();

			assertThatExceptionOfType(ImportRefused.class).as(nonsense)
				.isThrownBy(() -> registry.graduates(2017, 1000, n -> {
				}));
			assertThat(service.requests()).as("not tried again: %s", nonsense).hasSize(before + 1);
		}
	}

	@Test
	void aServiceThatIsNotListeningEndsTheFetch() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.close();
		registry = registry(URI.create("http://127.0.0.1:" + closedPort));

		assertThatExceptionOfType(ImportRefused.class).isThrownBy(() -> registry.graduates(2017, 1000, n -> {
		})).satisfies(refused -> assertThat(refused.args().getFirst()).contains("ConnectException"));
	}

	@Test
	void moreGraduatesThanAllowedEndTheFetch() {
		assertThatExceptionOfType(ImportRefused.class).isThrownBy(() -> registry.graduates(2017, 2, n -> {
		})).satisfies(refused -> assertThat(refused.messageKey()).isEqualTo("registry.import.refused.rows"));
	}

	private static HttpStudentRegistry registry(URI baseUrl) {
		return new HttpStudentRegistry(new RegistryProperties.Http(baseUrl, "Bearer registry-token",
				Duration.ofMillis(300), Duration.ofMillis(700), ATTEMPTS, Duration.ofMillis(20), 2));
	}

}
