package org.ruxue.app.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-P1: "05-08 to 05-31" means from the first midnight to the last, Beijing time. */
class PhaseWindowTest {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final PhaseWindow collection = new PhaseWindow(PhaseKind.PRIMARY_COLLECTION, LocalDate.of(2017, 5, 8),
			LocalDate.of(2017, 5, 31));

	@Test
	void isClosedUntilTheFirstDayBegins() {
		assertThat(collection.isOpenAt(at("2017-05-07T23:59:59.999999999+08:00"), BEIJING)).isFalse();
		assertThat(collection.isOpenAt(at("2017-05-08T00:00:00+08:00"), BEIJING)).isTrue();
	}

	@Test
	void staysOpenThroughTheWholeLastDay() {
		assertThat(collection.isOpenAt(at("2017-05-31T23:59:59.999999999+08:00"), BEIJING)).isTrue();
		assertThat(collection.isOpenAt(at("2017-06-01T00:00:00+08:00"), BEIJING)).isFalse();
	}

	@Test
	void opensAtBeijingMidnightWhateverTheServersZone() {
		// 16:00 UTC on 7 May is midnight of 8 May in Beijing
		assertThat(collection.isOpenAt(at("2017-05-07T15:59:59Z"), BEIJING)).isFalse();
		assertThat(collection.isOpenAt(at("2017-05-07T16:00:00Z"), BEIJING)).isTrue();
	}

	@Test
	void aWindowWithoutALastDayStaysOpen() {
		PhaseWindow results = new PhaseWindow(PhaseKind.STUDY_PERMIT_RESULTS, LocalDate.of(2017, 5, 16), null);

		assertThat(results.isOpenAt(at("2017-05-15T23:59:59+08:00"), BEIJING)).isFalse();
		assertThat(results.isOpenAt(at("2030-01-01T00:00:00+08:00"), BEIJING)).isTrue();
		assertThat(results.closesAt(BEIJING)).isNull();
	}

	@Test
	void aOneDayWindowIsOpenExactlyThatDay() {
		PhaseWindow lottery = new PhaseWindow(PhaseKind.LOTTERY_DAY, LocalDate.of(2017, 7, 5),
				LocalDate.of(2017, 7, 5));

		assertThat(lottery.isOpenAt(at("2017-07-04T23:59:59+08:00"), BEIJING)).isFalse();
		assertThat(lottery.isOpenAt(at("2017-07-05T12:00:00+08:00"), BEIJING)).isTrue();
		assertThat(lottery.isOpenAt(at("2017-07-06T00:00:00+08:00"), BEIJING)).isFalse();
	}

	@Test
	void refusesALastDayBeforeTheFirst() {
		assertThatThrownBy(
				() -> new PhaseWindow(PhaseKind.JUNIOR_TRANSFER, LocalDate.of(2017, 5, 12), LocalDate.of(2017, 5, 8)))
			.isInstanceOf(InvalidCalendarException.class)
			.satisfies(ex -> assertThat(((InvalidCalendarException) ex).messageKey())
				.isEqualTo("calendar.error.closes-before-opens"));
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
