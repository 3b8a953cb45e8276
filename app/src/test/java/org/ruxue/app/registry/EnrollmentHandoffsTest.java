package org.ruxue.app.registry;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.spreadsheet.SpreadsheetReader;
import org.ruxue.app.zoning.EntryLevel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * R-G3 against the real database, through the local adapter: recording is idempotent and
 * a correction becomes a new version; the export the registry imports reads back as the
 * enrollments; a send acknowledges every enrollment once, and a second send sends
 * nothing; the reconciliation finds what the registry lacks and what it holds that is not
 * ours; every staff action is on the record.
 */
@IntegrationTest
class EnrollmentHandoffsTest {

	static final Actor CITY = Actor.of("handoff-city", "CITY_ADMIN");

	@Autowired
	EnrollmentHandoffs handoffs;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private final int year = Enrollments.freshYear();

	@BeforeEach
	void schools() {
		Enrollments.schools(jdbc);
	}

	@Test
	void rG3_recordingTheSameEnrollmentsAgainChangesNothing() {
		List<Enrollment> enrollments = List.of(Enrollments.junior(year, "记录甲"), Enrollments.junior(year, "记录乙"),
				Enrollments.primaryWithoutIdNumber(year, "记录丙"));

		assertThat(handoffs.record(enrollments, CITY)).isEqualTo(3);
		assertThat(handoffs.record(enrollments, CITY)).isZero();

		HandedOff first = handoffs.find(year, EntryLevel.JUNIOR, enrollments.get(0).key()).orElseThrow();
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.status()).isEqualTo(HandoffStatus.PENDING);
		assertThat(first.schoolCode()).isEqualTo(Enrollments.DONGCHENG_JUNIOR);
		assertThat(handoffs.counts(year, EntryLevel.JUNIOR).get(HandoffStatus.PENDING)).isEqualTo(2);
		assertThat(handoffs.counts(year, EntryLevel.PRIMARY).total()).isEqualTo(1);
		assertThat(entries("registry.handoff.recorded", year + "-JUNIOR")).isEqualTo(2);
		assertThat(after("registry.handoff.recorded", year + "-JUNIOR")).contains("added=2 changed=0 unchanged=0",
				"added=0 changed=0 unchanged=2");
	}

	@Test
	void rG3_theIdNumberIsSealedAtRest() {
		Enrollment e = Enrollments.junior(year, "密封");

		handoffs.record(List.of(e), CITY);

		byte[] sealed = jdbc.sql("select child_id_sealed from registry_handoff where enrollment_key = ?")
			.param(e.key())
			.query(byte[].class)
			.single();
		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(e.idNumber().value());
		assertThat(
				jdbc.sql("select count(*) from registry_handoff where child_id_hash is not null and enrollment_key = ?")
					.param(e.key())
					.query(Integer.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void rG9_aChangedSchoolIsACorrectionSentAgainAsTheNextVersion() {
		Enrollment e = Enrollments.junior(year, "改正");
		Enrollment other = Enrollments.junior(year, "不变");
		handoffs.record(List.of(e, other), CITY);
		handoffs.send(year, EntryLevel.JUNIOR, CITY);
		String reference = handoffs.find(year, EntryLevel.JUNIOR, e.key()).orElseThrow().registryReference();

		int changed = handoffs
			.record(List.of(Enrollments.atSchool(e, Enrollments.DONGCHENG_JUNIOR_2, "CORRECTION"), other), CITY);

		assertThat(changed).isEqualTo(1);
		HandedOff corrected = handoffs.find(year, EntryLevel.JUNIOR, e.key()).orElseThrow();
		assertThat(corrected.version()).isEqualTo(2);
		assertThat(corrected.status()).isEqualTo(HandoffStatus.PENDING);
		assertThat(corrected.schoolCode()).isEqualTo(Enrollments.DONGCHENG_JUNIOR_2);
		assertThat(corrected.method()).isEqualTo("CORRECTION");
		assertThat(corrected.attempts()).isZero();
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, other.key()).orElseThrow().status())
			.isEqualTo(HandoffStatus.ACKNOWLEDGED);
		assertThat(after("registry.handoff.corrected", year + "-JUNIOR-" + e.key())).singleElement()
			.isEqualTo("version=2 school=" + Enrollments.DONGCHENG_JUNIOR_2
					+ " method=CORRECTION changed=school_code,method");

		SendReport again = handoffs.send(year, EntryLevel.JUNIOR, CITY);

		assertThat(again.sent()).as("only the correction").isEqualTo(1);
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, e.key()).orElseThrow())
			.satisfies(h -> assertThat(h.status()).isEqualTo(HandoffStatus.ACKNOWLEDGED))
			.satisfies(h -> assertThat(h.registryReference()).isEqualTo(reference));
		assertThat(copy(e.key())).isEqualTo("2 " + Enrollments.DONGCHENG_JUNIOR_2 + " 2");
	}

	@Test
	void rG3_exportsTheFileTheRegistryImportsInXlsxAndCsv() {
		Enrollment junior = Enrollments.junior(year, "导出甲");
		Enrollment xicheng = Enrollments.junior(year, "导出乙", Enrollments.XICHENG_JUNIOR);
		Enrollment primary = Enrollments.primaryWithoutIdNumber(year, "导出丙");
		handoffs.record(List.of(xicheng, junior, primary), CITY);

		for (String format : List.of("xlsx", "csv")) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			handoffs.export(year, EntryLevel.JUNIOR, format, out, CITY);
			List<SpreadsheetReader.Row> rows = SpreadsheetReader.read(out.toByteArray(), 100, n -> {
			});

			assertThat(rows.getFirst().cells()).as(format)
				.containsExactly("入学年度", "学段", "入学记录号", "教育ID", "姓名", "身份证号", "性别", "出生日期", "入学区代码", "入学学校代码", "入学方式",
						"版本");
			assertThat(rows.subList(1, rows.size())).as(format)
				.extracting(SpreadsheetReader.Row::cells)
				.containsExactly(cells(junior), cells(xicheng));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		handoffs.export(year, EntryLevel.PRIMARY, "csv", out, CITY);
		List<String> pupil = SpreadsheetReader.read(out.toByteArray(), 100, n -> {
		}).get(1).cells();
		assertThat(pupil).containsExactly(Integer.toString(year), "小学", primary.key(), "", "导出丙", "", "女",
				primary.birthDate().toString(), "110101", Enrollments.DONGCHENG_PRIMARY, "ZONE", "1");
		assertThat(after("registry.handoff.exported", year + "-JUNIOR")).containsExactly("format=xlsx rows=2",
				"format=csv rows=2");
		assertThat(handoffs.counts(year, EntryLevel.JUNIOR).get(HandoffStatus.PENDING))
			.as("an export changes no status")
			.isEqualTo(2);
	}

	@Test
	void rG3_aSendAcknowledgesEveryEnrollmentOnceAndASecondSendSendsNothing() {
		List<Enrollment> enrollments = Enrollments.juniors(year, 1_100);
		handoffs.record(enrollments, CITY);

		SendReport first = handoffs.send(year, EntryLevel.JUNIOR, CITY);

		assertThat(first.complete()).isTrue();
		assertThat(first.batches()).isEqualTo(3);
		assertThat(first.sent()).isEqualTo(1_100);
		assertThat(first.acknowledged()).isEqualTo(1_100);
		assertThat(first.stillPending()).isZero();
		assertThat(handoffs.counts(year, EntryLevel.JUNIOR).get(HandoffStatus.ACKNOWLEDGED)).isEqualTo(1_100);
		HandedOff one = handoffs.find(year, EntryLevel.JUNIOR, enrollments.get(7).key()).orElseThrow();
		assertThat(one.registryReference()).startsWith("LOCAL-");
		assertThat(one.attempts()).isEqualTo(1);

		SendReport second = handoffs.send(year, EntryLevel.JUNIOR, CITY);

		assertThat(second.sent()).isZero();
		assertThat(second.batches()).isZero();
		assertThat(jdbc.sql("select count(*), max(receipts) from registry_handoff_copy where year = ?")
			.param(year)
			.query((rs, n) -> rs.getInt(1) + " " + rs.getInt(2))
			.single()).isEqualTo("1100 1");
		assertThat(after("registry.handoff.sent", year + "-JUNIOR")).containsExactly(
				"adapter=local batches=3 sent=1100 acknowledged=1100 awaiting=0 failed=0 still-pending=0",
				"adapter=local batches=0 sent=0 acknowledged=0 awaiting=0 failed=0 still-pending=0");
	}

	@Test
	void rG3_rowsASenderThatDiedHeldAreSentOnceItsClaimRanOut() {
		Enrollment held = Enrollments.junior(year, "认领过期");
		Enrollment fresh = Enrollments.junior(year, "认领未过期");
		handoffs.record(List.of(held, fresh), CITY);
		jdbc.sql(
				"""
						update registry_handoff set status = 'SENDING', claim_key = 'died',
						  claimed_until = now() + case when enrollment_key = ? then interval '-1 minute' else interval '1 hour' end
						where year = ?
						""")
			.params(held.key(), year)
			.update();

		SendReport report = handoffs.send(year, EntryLevel.JUNIOR, CITY);

		assertThat(report.sent()).isEqualTo(1);
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, held.key()).orElseThrow().status())
			.isEqualTo(HandoffStatus.ACKNOWLEDGED);
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, fresh.key()).orElseThrow().status()).as("still its sender's")
			.isEqualTo(HandoffStatus.SENDING);
	}

	@Test
	void rG3_theReconciliationFindsWhatTheRegistryLacksAndWhatItHoldsThatIsNotOurs() {
		Enrollment present = Enrollments.junior(year, "对账在");
		Enrollment missing = Enrollments.junior(year, "对账缺");
		Enrollment outdated = Enrollments.junior(year, "对账旧");
		handoffs.record(List.of(present, missing, outdated), CITY);
		handoffs.send(year, EntryLevel.JUNIOR, CITY);
		Enrollment pending = Enrollments.junior(year, "对账未发");
		handoffs.record(List.of(pending), CITY);
		jdbc.sql("delete from registry_handoff_copy where year = ? and enrollment_key = ?")
			.params(year, missing.key())
			.update();
		jdbc.sql("update registry_handoff_copy set version = 0 where year = ? and enrollment_key = ?")
			.params(year, outdated.key())
			.update();
		jdbc.sql("""
				insert into registry_handoff_copy (year, level, enrollment_key, version, school_code, district_code,
				  method, reference, first_received_at, last_received_at)
				values (?, 'JUNIOR', 'HSTRANGER01', 1, ?, '110101', 'LOTTERY', ?, now(), now())
				""").params(year, Enrollments.DONGCHENG_JUNIOR, "STRANGER-" + year).update();

		Reconciliation reconciliation = handoffs.reconcile(year, EntryLevel.JUNIOR, CITY);

		assertThat(reconciliation.heldByRegistry()).isEqualTo(3);
		assertThat(reconciliation.count(Reconciliation.Finding.PRESENT)).isEqualTo(1);
		assertThat(reconciliation.discrepancies()).extracting(Reconciliation.Line::finding, Reconciliation.Line::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Reconciliation.Finding.MISSING, missing.key()),
					org.assertj.core.groups.Tuple.tuple(Reconciliation.Finding.OUTDATED, outdated.key()),
					org.assertj.core.groups.Tuple.tuple(Reconciliation.Finding.UNEXPECTED, "HSTRANGER01"),
					org.assertj.core.groups.Tuple.tuple(Reconciliation.Finding.NOT_SENT, pending.key()));
		assertThat(reconciliation.discrepancies().get(2).reference()).isEqualTo("STRANGER-" + year);
		assertThat(reconciliation.discrepancies().get(3).status()).isEqualTo(HandoffStatus.PENDING);
		assertThat(after("registry.handoff.reconciled", year + "-JUNIOR"))
			.containsExactly("present=1 missing=1 outdated=1 unexpected=1 not-sent=1");
	}

	@Test
	void refusesASchoolOutsideTheEnrollmentsDistrictOrLevelAndWritesNothing() {
		Enrollment good = Enrollments.junior(year, "学校好");
		Enrollment primarySchool = Enrollments.atSchool(Enrollments.junior(year, "学校错"), Enrollments.DONGCHENG_PRIMARY,
				"LOTTERY");
		Enrollment unknown = Enrollments.atSchool(Enrollments.junior(year, "学校无"), "NO-SUCH-SCHOOL", "LOTTERY");

		assertThatIllegalArgumentException().isThrownBy(() -> handoffs.record(List.of(good, primarySchool), CITY))
			.withMessageContaining(primarySchool.key());
		assertThatIllegalArgumentException().isThrownBy(() -> handoffs.record(List.of(good, unknown), CITY))
			.withMessageContaining("NO-SUCH-SCHOOL");
		assertThat(handoffs.find(year, EntryLevel.JUNIOR, good.key())).isEmpty();
	}

	@Test
	void refusesTheSameEnrollmentTwiceInOneCall() {
		Enrollment e = Enrollments.junior(year, "两次");

		assertThatIllegalArgumentException().isThrownBy(() -> handoffs.record(List.of(e, e), CITY))
			.withMessageContaining(e.key());
	}

	private static List<String> cells(Enrollment e) {
		return List.of(Integer.toString(e.year()), "初中", e.key(), e.educationId(), e.name(), e.idNumber().value(),
				e.sex().equals("MALE") ? "男" : "女", e.birthDate().toString(), e.districtCode(), e.schoolCode(),
				e.method(), "1");
	}

	private String copy(String key) {
		return jdbc.sql("select version, school_code, receipts from registry_handoff_copy where enrollment_key = ?")
			.param(key)
			.query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getInt(3))
			.single();
	}

	private long entries(String action, String subject) {
		audit.seal();
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	private List<String> after(String action, String subject) {
		audit.seal();
		return jdbc.sql("select after_state from audit_entry where action = ? and subject_id = ? order by position")
			.params(action, subject)
			.query(String.class)
			.list();
	}

}
