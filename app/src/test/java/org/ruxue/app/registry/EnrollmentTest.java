package org.ruxue.app.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.zoning.EntryLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An enrollment handed to the registry (R-G3) is valid when it is made, never later: a
 * junior student by its education ID, a method as a code, the child's birth date and sex
 * those of its ID number; never the child's name or ID number in the refusal.
 */
class EnrollmentTest {

	private static final IdCardNumber ID = IdCardNumber.withCheckDigit("11010120050301001");

	@Test
	void aJuniorEnrollmentIsKeyedByItsEducationId() {
		assertThat(junior("G110101200503", "G110101200503", "LOTTERY").key()).isEqualTo("G110101200503");
		assertThatIllegalArgumentException().isThrownBy(() -> junior("G110101200503", null, "LOTTERY"))
			.withMessageContaining("educationId");
		assertThatIllegalArgumentException().isThrownBy(() -> junior("G110101200503", "G999", "LOTTERY"));
	}

	@Test
	void aNewPupilHasNoEducationIdNorNeedsAnIdNumber() {
		Enrollment pupil = new Enrollment(EntryLevel.PRIMARY, 2017, "2017-110101-000001", "110101", "110101-P001",
				"ZONE", "新生", "FEMALE", LocalDate.of(2011, 3, 1), null, null);

		assertThat(pupil.educationId()).isNull();
	}

	@Test
	void theMethodIsACode() {
		assertThatIllegalArgumentException().isThrownBy(() -> junior("G1234", "G1234", "lottery"))
			.withMessageContaining("method");
		assertThatIllegalArgumentException().isThrownBy(() -> junior("G1234", "G1234", "A".repeat(41)));
		assertThat(junior("G1234", "G1234", "DISTRICT_ALLOCATION").method()).isEqualTo("DISTRICT_ALLOCATION");
	}

	@Test
	void theBirthDateAndSexAreThoseOfTheIdNumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Enrollment(EntryLevel.JUNIOR, 2017, "G1234", "110101", "S1", "LOTTERY", "学生", "MALE",
					LocalDate.of(2005, 3, 2), ID, "G1234"))
			.withMessageContaining("birthDate")
			.withMessageNotContaining(ID.value())
			.withMessageNotContaining("学生");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Enrollment(EntryLevel.JUNIOR, 2017, "G1234", "110101", "S1", "LOTTERY", "学生",
					"FEMALE", LocalDate.of(2005, 3, 1), ID, "G1234"))
			.withMessageContaining("sex");
	}

	private static Enrollment junior(String key, String educationId, String method) {
		return new Enrollment(EntryLevel.JUNIOR, 2017, key, "110101", "110101-J001", method, "学生", "MALE",
				LocalDate.of(2005, 3, 1), ID, educationId);
	}

}
