package org.ruxue.app.population;

import java.io.StringReader;
import java.io.StringWriter;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-P11: the local adapter, the default, answers from its own register, which the demo or
 * a register CSV fills.
 */
@IntegrationTest
@Transactional
class PopulationRegisterTest {

	@Autowired
	PopulationRegister register;

	@Autowired
	PopulationPersons persons;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theLocalAdapterAnswersByDefaultFromTheDemoRegister() {
		assertThat(context.getBeansOfType(PopulationLookup.class).values()).singleElement()
			.isInstanceOf(LocalPopulationLookup.class);
		jdbc.sql("delete from population_person").update();
		new DemoPopulation(persons, calendar, jdbc, transactions).seed();
		var someone = jdbc.sql("select id_number, name from population_person order by id_number desc limit 1")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();

		assertThat(register.verify(someone[0], someone[1])).isEqualTo(Verification.MATCH);
		assertThat(register.verify(someone[0], someone[1] + "子")).isEqualTo(Verification.NAME_MISMATCH);
	}

	@Test
	void answersForPersonsLoadedFromARegisterCsvAndKeepsThoseItHeld() throws Exception {
		Person boy = SyntheticPeople.bornOnCutoffInDongcheng("王子轩");
		persons.insert(boy);
		Person girl = SyntheticPeople.girlBornOnCutoffInDongcheng("李雨桐");
		var text = new StringWriter();
		var csv = PopulationCsv.header(new CsvWriter(text));
		PopulationCsv.write(csv, girl);
		PopulationCsv.write(csv, SyntheticPeople.bornOnCutoffInDongcheng("王紫轩"));

		long added = PopulationPersons.add(DataSourceUtils.getConnection(dataSource),
				new StringReader(text.toString()));

		assertThat(added).isEqualTo(1);
		assertThat(register.verify(girl.idNumber(), "李雨桐")).isEqualTo(Verification.MATCH);
		assertThat(register.verify(boy.idNumber(), "王子轩")).isEqualTo(Verification.MATCH);
	}

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
