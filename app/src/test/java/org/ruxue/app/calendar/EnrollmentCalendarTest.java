package org.ruxue.app.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendar from the database, asked at the exact boundaries of the source's 2017
 * windows.
 */
@IntegrationTest
class EnrollmentCalendarTest {

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	EnrollmentYears years;

	@Autowired
	CityClock cityClock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void sourceYear() {
		Calendars.sourceYear2017(calendar);
	}

	@Test
	void primaryCollectionOpensAndClosesAtTheBoundariesOfItsWindow() {
		assertThat(at("2017-05-07T23:59:59.999+08:00").isOpen(PhaseKind.PRIMARY_COLLECTION)).isFalse();
		assertThat(at("2017-05-08T00:00:00+08:00").isOpen(PhaseKind.PRIMARY_COLLECTION)).isTrue();
		assertThat(at("2017-05-31T23:59:59.999+08:00").isOpen(PhaseKind.PRIMARY_COLLECTION)).isTrue();
		assertThat(at("2017-06-01T00:00:00+08:00").isOpen(PhaseKind.PRIMARY_COLLECTION)).isFalse();
	}

	@Test
	void transfersCloseAfterTwelfthOfMay() {
		assertThat(at("2017-05-12T23:59:59+08:00").isOpen(PhaseKind.JUNIOR_TRANSFER)).isTrue();
		assertThat(at("2017-05-13T00:00:00+08:00").isOpen(PhaseKind.JUNIOR_TRANSFER)).isFalse();
	}

	@Test
	void studyPermitResultsAreOpenFromTheSixteenthOn() {
		assertThat(at("2017-05-15T23:59:59+08:00").isOpen(PhaseKind.STUDY_PERMIT_RESULTS)).isFalse();
		assertThat(at("2017-05-16T00:00:00+08:00").isOpen(PhaseKind.STUDY_PERMIT_RESULTS)).isTrue();
		assertThat(at("2017-12-31T23:00:00+08:00").isOpen(PhaseKind.STUDY_PERMIT_RESULTS)).isTrue();
	}

	@Test
	void saysWhatIsOpenNowAndWhatComesNext() {
		EnrollmentCalendar tenthOfMay = at("2017-05-10T09:00:00+08:00");

		assertThat(tenthOfMay.openNow()).extracting(PhaseWindow::kind)
			.contains(PhaseKind.PRIMARY_COLLECTION, PhaseKind.JUNIOR_TRANSFER)
			.doesNotContain(PhaseKind.LOTTERY_DAY);
		assertThat(tenthOfMay.comingNext(2)).extracting(PhaseWindow::kind)
			.containsExactly(PhaseKind.STUDY_PERMIT_RESULTS, PhaseKind.JUNIOR_PREFERENCES);
		assertThat(tenthOfMay.currentYear()).contains(2017);
	}

	@Test
	void theYearsRulesAreData() {
		YearRules rules = calendar.rules(2017).orElseThrow();

		assertThat(rules.ageCutoff()).isEqualTo(LocalDate.of(2011, 8, 31));
		assertThat(rules.zoningCutoff("110105")).contains(LocalDate.of(2017, 6, 30));
		assertThat(rules.zoningCutoff("110108")).isEmpty();
	}

	@Test
	void anEditIsAuditedWithBeforeAndAfter() {
		Integer version = calendar.version(2017);
		var windows = calendar.windows(2017);

		calendar.schedule(2017, version, windows, LocalDate.of(2011, 8, 31),
				Map.of("110105", LocalDate.of(2017, 6, 30), "110102", LocalDate.of(2017, 7, 31)),
				Actor.of("city-admin", "CITY_ADMIN"));

		var last = trail.about("enrollment-year", "2017").getLast();
		assertThat(last.actor()).isEqualTo("city-admin");
		assertThat(last.before()).contains("zoningCutoffs=110105=2017-06-30").doesNotContain("110102");
		assertThat(last.after()).contains("110102=2017-07-31");
		assertThat(last.ruleIds()).contains("R-P1", "R-Z4");
	}

	@Test
	void aSecondAdministratorsStaleEditIsRefusedAndChangesNothing() {
		Integer version = calendar.version(2017);
		var windows = calendar.windows(2017);
		calendar.schedule(2017, version, windows, LocalDate.of(2011, 8, 31), Map.of(), Actor.of("first", "CITY_ADMIN"));

		assertThatThrownBy(() -> calendar.schedule(2017, version, List.of(), LocalDate.of(2011, 8, 31), Map.of(),
				Actor.of("second", "CITY_ADMIN")))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(calendar.windows(2017)).hasSameSizeAs(windows);
	}

	@Test
	void refusesAnAgeCutoffInsideTheEntryYear() {
		Integer version = calendar.version(2017);

		assertThatThrownBy(() -> calendar.schedule(2017, version, calendar.windows(2017), LocalDate.of(2017, 8, 31),
				Map.of(), Actor.of("city-admin", "CITY_ADMIN")))
			.isInstanceOf(InvalidCalendarException.class);
		assertThat(calendar.rules(2017).orElseThrow().ageCutoff()).isEqualTo(LocalDate.of(2011, 8, 31));
	}

	@Test
	void anEditSavedOnAnotherNodeIsSeenOnTheNextRead() {
		assertThat(calendar.rules(2017).orElseThrow().ageCutoff()).isEqualTo(LocalDate.of(2011, 8, 31));
		EnrollmentCalendar otherNode = at("2017-05-10T09:00:00+08:00");

		otherNode.schedule(2017, otherNode.version(2017), otherNode.windows(2017), LocalDate.of(2011, 8, 30), Map.of(),
				Actor.of("city-admin", "CITY_ADMIN"));

		assertThat(calendar.rules(2017).orElseThrow().ageCutoff()).isEqualTo(LocalDate.of(2011, 8, 30));
		assertThat(calendar.version(2017)).isEqualTo(otherNode.version(2017));
	}

	@Test
	void anEditThatRolledBackIsNotSeenEvenByTheCalendarThatReadItBeforeTheRollback() {
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			calendar.schedule(2017, calendar.version(2017), calendar.windows(2017), LocalDate.of(2011, 8, 29), Map.of(),
					Actor.of("city-admin", "CITY_ADMIN"));
			assertThat(calendar.rules(2017).orElseThrow().ageCutoff()).isEqualTo(LocalDate.of(2011, 8, 29));
			throw new IllegalStateException("the edit fails later in its transaction");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(at("2017-05-10T09:00:00+08:00").rules(2017).orElseThrow().ageCutoff())
			.isEqualTo(LocalDate.of(2011, 8, 31));
		// the next save, on another node, has the version number the rolled-back one had
		EnrollmentCalendar otherNode = at("2017-05-10T09:00:00+08:00");
		otherNode.schedule(2017, otherNode.version(2017), otherNode.windows(2017), LocalDate.of(2011, 8, 28), Map.of(),
				Actor.of("city-admin", "CITY_ADMIN"));
		assertThat(calendar.rules(2017).orElseThrow().ageCutoff()).isEqualTo(LocalDate.of(2011, 8, 28));
	}

	private EnrollmentCalendar at(String moment) {
		Clock fixed = Clock.fixed(OffsetDateTime.parse(moment).toInstant(), cityClock.zone());
		return new EnrollmentCalendar(years, fixed, cityClock, events, jdbc);
	}

}
