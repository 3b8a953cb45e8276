package org.ruxue.app.population;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-P11: the local adapter answers from its own register. */
@IntegrationTest
@Transactional
class PopulationRegisterTest {

	@Autowired
	PopulationRegister register;

	@Autowired
	PopulationPersons persons;

	@Test
	void confirmsANameTheRegisterHolds() {
		Person child = SyntheticPeople.bornOnCutoffInDongcheng("王子轩");
		persons.insert(child);

		assertThat(register.verify(child.idNumber().value(), "王子轩")).isEqualTo(Verification.MATCH);
		assertThat(register.verify(child.idNumber().value().toLowerCase(), " 王 子轩 ")).isEqualTo(Verification.MATCH);
	}

	@Test
	void reportsANameThatDiffersFromTheRegister() {
		Person child = SyntheticPeople.bornOnCutoffInDongcheng("王子轩");
		persons.insert(child);

		assertThat(register.verify(child.idNumber(), "王梓轩")).isEqualTo(Verification.NAME_MISMATCH);
	}

	@Test
	void takesTheDotsOfMinorityNamesAsOne() {
		Person child = SyntheticPeople.bornOnCutoffInDongcheng("买买提·艾力");
		persons.insert(child);

		assertThat(register.verify(child.idNumber(), "买买提•艾力")).isEqualTo(Verification.MATCH);
		assertThat(register.verify(child.idNumber(), "买买提．艾力")).isEqualTo(Verification.MATCH);
	}

	@Test
	void reportsANumberTheRegisterDoesNotKnow() {
		assertThat(register.verify("110101201108310018", "王子轩")).isEqualTo(Verification.NOT_FOUND);
	}

	@Test
	void refusesTextThatCannotBeAnIdNumber() {
		assertThatThrownBy(() -> register.verify("110101201108310019", "王子轩"))
			.isInstanceOf(InvalidIdCardNumberException.class);
	}

}
