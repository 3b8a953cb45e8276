package org.ruxue.app.junior;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.PathStep;
import org.ruxue.app.registry.Students;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The return to the hukou or home district (R-J4) through its facade against the real
 * database: the whole chain, a rejection at each stage, the window, who may act, one open
 * application per student and two officers deciding at once.
 */
@IntegrationTest
class TransfersTest {

	@Autowired
	TransferFixtures fixtures;

	@Autowired
	Transfers transfers;

	@Autowired
	Students students;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private final SignedIn teacher = TransferFixtures.teacher();

	private final SignedIn dongcheng = TransferFixtures.officer(TransferFixtures.DONGCHENG);

	private final SignedIn xicheng = TransferFixtures.officer(TransferFixtures.XICHENG);

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@AfterEach
	void windowAsTheSourceHasIt() {
		fixtures.world();
	}

	@Test
	void rJ4_theWholeChainApprovedMovesTheStudentAndBothDistrictsSeeIt() {
		TransferFixtures.Graduate g = fixtures.graduate("转区甲");
		Transfer t = submitted(g);
		assertThat(t.status()).isEqualTo(TransferStatus.SUBMITTED);
		assertThat(transfers.ofDistrict(TransferFixtures.DONGCHENG, dongcheng).outgoing())
			.as("the districts see it once the school approved")
			.extracting(Transfer::id)
			.doesNotContain(t.id());

		t = transfers.approve(t.id(), t.version(), teacher);
		assertThat(t.status()).isEqualTo(TransferStatus.SCHOOL_APPROVED);
		assertThat(transfers.ofDistrict(TransferFixtures.DONGCHENG, dongcheng).outgoing()).extracting(Transfer::id)
			.contains(t.id());
		assertThat(transfers.ofDistrict(TransferFixtures.XICHENG, xicheng).incoming()).extracting(Transfer::id)
			.doesNotContain(t.id());

		t = transfers.approve(t.id(), t.version(), dongcheng);
		assertThat(t.status()).isEqualTo(TransferStatus.OUT_APPROVED);
		assertThat(transfers.ofDistrict(TransferFixtures.XICHENG, xicheng).incoming()).extracting(Transfer::id)
			.contains(t.id());

		t = transfers.approve(t.id(), t.version(), xicheng);
		assertThat(t.status()).isEqualTo(TransferStatus.APPROVED);
		assertThat(t.decisions()).extracting(Transfer.Decision::stage)
			.containsExactly(TransferStage.SCHOOL, TransferStage.OUT_DISTRICT, TransferStage.IN_DISTRICT);
		assertThat(students.byEducationId(g.educationId()).orElseThrow().districtCode())
			.isEqualTo(TransferFixtures.XICHENG);
		assertThat(transfers.ofDistrict(TransferFixtures.DONGCHENG, dongcheng).finished())
			.as("the district moved out of keeps seeing it")
			.extracting(Transfer::id)
			.contains(t.id());
		assertThat(transfers.ofDistrict(TransferFixtures.XICHENG, xicheng).finished()).extracting(Transfer::id)
			.contains(t.id());
		assertThat(transfers.open(t.id(), "check", dongcheng).status()).isEqualTo(TransferStatus.APPROVED);
		assertThat(steps(g)).containsSubsequence("junior.transfer.started", "junior.transfer.submitted",
				"junior.transfer.approved-school", "junior.transfer.approved-out", "junior.transfer.approved-in",
				"registry.moved-district");
		assertThat(told(g.mobile(), "junior.sms.transfer-approved")).as("the family, by SMS and inbox").isEqualTo(1);
		assertThat(toInbox(g.familyUsername(), "junior.sms.transfer-approved")).isEqualTo(1);
		assertThat(toInbox(teacher.username(), "junior.sms.transfer-approved")).as("the school").isGreaterThan(0);
		audit.seal();
		assertThat(audit.about("junior-transfer", t.id().toString())).extracting(e -> e.action())
			.contains("junior.transfer.started", "junior.transfer.printed", "junior.transfer.signed",
					"junior.transfer.submitted", "junior.transfer.approved-school", "junior.transfer.approved-out",
					"junior.transfer.approved-in", "junior.transfer.read");
	}

	@Test
	void rJ4_schoolRejectionEndsTheChain() {
		TransferFixtures.Graduate g = fixtures.graduate("转区乙");
		Transfer t = submitted(g);

		assertThatThrownBy(() -> transfers.reject(t.id(), t.version(), " ", teacher)).as("a rejection needs a reason")
			.isInstanceOfSatisfying(TransferRefused.class,
					r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.reason"));
		Transfer rejected = transfers.reject(t.id(), t.version(), "家长撤销申请", teacher);

		assertRejectedAt(g, rejected, TransferStage.SCHOOL, "rejected-school");
		assertThatThrownBy(() -> transfers.open(t.id(), "check", dongcheng)).as("it never reached the districts")
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void rJ4_outDistrictRejectionEndsTheChain() {
		TransferFixtures.Graduate g = fixtures.graduate("转区丙");
		Transfer t = submitted(g);
		t = transfers.approve(t.id(), t.version(), teacher);

		Transfer rejected = transfers.reject(t.id(), t.version(), "材料不实", dongcheng);

		assertRejectedAt(g, rejected, TransferStage.OUT_DISTRICT, "rejected-out");
		assertThat(transfers.ofDistrict(TransferFixtures.DONGCHENG, dongcheng).finished()).extracting(Transfer::id)
			.contains(t.id());
	}

	@Test
	void rJ4_inDistrictRejectionEndsTheChain() {
		TransferFixtures.Graduate g = fixtures.graduate("转区丁");
		Transfer t = submitted(g);
		t = transfers.approve(t.id(), t.version(), teacher);
		t = transfers.approve(t.id(), t.version(), dongcheng);

		Transfer rejected = transfers.reject(t.id(), t.version(), "户籍地址不在本区", xicheng);

		assertRejectedAt(g, rejected, TransferStage.IN_DISTRICT, "rejected-in");
		Transfer finished = rejected;
		assertThatThrownBy(() -> transfers.approve(finished.id(), finished.version(), xicheng)).isInstanceOfSatisfying(
				TransferRefused.class, r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.finished"));
	}

	@Test
	void rJ4_outsideTheWindowTheSchoolIsRefused() {
		TransferFixtures.Graduate g = fixtures.graduate("转区戊");
		Transfer draft = transfers.start(TransferFixtures.toXicheng(g), teacher);
		transfers.printForm(draft.id(), teacher);
		Transfer signed = transfers.markSigned(draft.id(), draft.version(), true, true, teacher);
		TransferFixtures.Graduate late = fixtures.graduate("转区晚");

		fixtures.closeWindowBeforeToday();

		assertThat(transfers.windowOpen()).isFalse();
		assertThatThrownBy(() -> transfers.start(TransferFixtures.toXicheng(late), teacher)).isInstanceOfSatisfying(
				TransferRefused.class,
				r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.window-closed"));
		assertThatThrownBy(() -> transfers.submit(signed.id(), signed.version(), teacher)).isInstanceOfSatisfying(
				TransferRefused.class,
				r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.window-closed"));
		assertThat(transfers.ofStudent(late.educationId())).isEmpty();
	}

	@Test
	void rJ4_theWrongSchoolOrDistrictIsRefused() {
		TransferFixtures.Graduate g = fixtures.graduate("转区己");
		assertThatThrownBy(() -> transfers.start(TransferFixtures.toXicheng(g), TransferFixtures.otherTeacher()))
			.as("another school's student is unknown to it")
			.isInstanceOfSatisfying(TransferRefused.class,
					r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.no-student"));
		Transfer t = submitted(g);
		assertThatThrownBy(() -> transfers.open(t.id(), "look", TransferFixtures.otherTeacher()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> transfers.approve(t.id(), t.version(), TransferFixtures.otherTeacher()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> transfers.approve(t.id(), t.version(), dongcheng))
			.as("the districts decide after the school")
			.isInstanceOf(AccessDeniedException.class);

		Transfer atOut = transfers.approve(t.id(), t.version(), teacher);
		assertThatThrownBy(() -> transfers.approve(atOut.id(), atOut.version(), xicheng))
			.as("the district moved into decides after the one moved out of")
			.isInstanceOfSatisfying(TransferRefused.class,
					r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.not-your-stage"));
		assertThatThrownBy(() -> transfers.approve(atOut.id(), atOut.version(),
				TransferFixtures.officer(TransferFixtures.CHAOYANG)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> transfers.ofDistrict(TransferFixtures.DONGCHENG, xicheng))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(transfers.open(atOut.id(), "check", teacher).status()).isEqualTo(TransferStatus.SCHOOL_APPROVED);
	}

	@Test
	void rJ4_oneOpenApplicationPerStudentAndBadInputChangesNothing() {
		TransferFixtures.Graduate g = fixtures.graduate("转区庚");
		assertThatThrownBy(() -> transfers
			.start(new StartTransferForm(g.educationId(), "HUKOU", TransferFixtures.CHAOYANG, "朝阳某地", null), teacher))
			.isInstanceOfSatisfying(TransferRefused.class,
					r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.not-hukou-district"));
		assertThatThrownBy(() -> transfers
			.start(new StartTransferForm(g.educationId(), "HOME", TransferFixtures.DONGCHENG, "东城某地", null), teacher))
			.isInstanceOfSatisfying(TransferRefused.class,
					r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.same-district"));
		assertThat(transfers.ofStudent(g.educationId())).isEmpty();

		Transfer first = transfers.start(TransferFixtures.toXicheng(g), teacher);
		assertThatThrownBy(() -> transfers
			.start(new StartTransferForm(g.educationId(), "HOME", TransferFixtures.CHAOYANG, "朝阳某地", null), teacher))
			.isInstanceOfSatisfying(TransferRefused.class,
					r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.open-exists"));
		assertThatThrownBy(() -> jdbc.sql("""
				insert into junior_transfer (id, number, education_id, entry_year, school_code, from_district,
				  to_district, kind, address, status, started_by, started_at, changed_at)
				values (gen_random_uuid(), 'ZQ2017-ZZZZZZ', ?, 2017, ?, '110101', '110105', 'HOME', 'x', 'SUBMITTED',
				  'x', now(), now())
				""").params(g.educationId(), TransferFixtures.SCHOOL).update())
			.as("the database holds the rule, not an if")
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

		transfers.withdraw(first.id(), first.version(), teacher);
		Transfer second = transfers
			.start(new StartTransferForm(g.educationId(), "HOME", TransferFixtures.CHAOYANG, "朝阳某地", null), teacher);
		assertThat(second.status()).isEqualTo(TransferStatus.DRAFT);
		assertThatThrownBy(() -> transfers.submit(second.id(), second.version(), teacher)).isInstanceOfSatisfying(
				TransferRefused.class, r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.sign-first"));
		assertThatThrownBy(() -> transfers.markSigned(second.id(), second.version(), true, true, teacher))
			.isInstanceOfSatisfying(TransferRefused.class,
					r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.print-first"));
	}

	@Test
	void rJ4_twoOfficersDecidingAtOnce_oneWinsTheOtherIsTold() throws Exception {
		TransferFixtures.Graduate g = fixtures.graduate("转区辛");
		Transfer t = submitted(g);
		Transfer atOut = transfers.approve(t.id(), t.version(), teacher);
		SignedIn second = new SignedIn(org.ruxue.app.identity.AccountId.random(), "jt-officer-dc-2", "区教委",
				org.ruxue.app.identity.Role.DISTRICT_OFFICER, TransferFixtures.DONGCHENG, null);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> decisions = List.of(() -> {
			start.await();
			return transfers.approve(atOut.id(), atOut.version(), dongcheng).status().name();
		}, () -> {
			start.await();
			return transfers.reject(atOut.id(), atOut.version(), "同时审核", second).status().name();
		});
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<String> outcomes = new ArrayList<>();
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (Callable<String> decision : decisions) {
				futures.add(pool.submit(decision));
			}
			start.countDown();
			for (Future<String> future : futures) {
				try {
					outcomes.add(future.get());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOfSatisfying(TransferRefused.class,
							r -> assertThat(r.messageKey()).isEqualTo("junior.transfer.error.changed-meanwhile"));
					outcomes.add("refused");
				}
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(outcomes).containsOnlyOnce("refused");
		Transfer after = transfers.open(t.id(), "check", dongcheng);
		assertThat(after.decisions()).filteredOn(d -> d.stage() == TransferStage.OUT_DISTRICT).hasSize(1);
		assertThat(steps(g).stream().filter(s -> s.endsWith("-out"))).hasSize(1);
	}

	@Test
	void rJ4_thePrintedFormCarriesTheChineseNameAndBothDistricts() throws Exception {
		TransferFixtures.Graduate g = fixtures.graduate("欧阳转区");
		Transfer t = transfers.start(TransferFixtures.toXicheng(g), teacher);

		byte[] pdf = transfers.printForm(t.id(), teacher);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("欧阳转区", "东城区", "西城区", "回户籍所在区", t.number(), "转区测试东城小学", "北京市西城区测试胡同1号");
			assertThat(text).as("the ID number only masked").contains(g.student().maskedIdNumber());
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			// for a person to look at, as the collection form's test does
			java.nio.file.Path out = java.nio.file.Path.of("target", "junior-transfer-form.png");
			java.nio.file.Files.createDirectories(out.getParent());
			javax.imageio.ImageIO.write(
					new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 100), "png",
					out.toFile());
		}
		assertThat(transfers.open(t.id(), "check", teacher).printed()).isTrue();
	}

	private Transfer submitted(TransferFixtures.Graduate g) {
		Transfer t = transfers.start(TransferFixtures.toXicheng(g), teacher);
		transfers.printForm(t.id(), teacher);
		t = transfers.markSigned(t.id(), t.version(), true, true, teacher);
		return transfers.submit(t.id(), t.version(), teacher);
	}

	private void assertRejectedAt(TransferFixtures.Graduate g, Transfer rejected, TransferStage stage, String step) {
		assertThat(rejected.status()).isEqualTo(TransferStatus.REJECTED);
		assertThat(rejected.rejectedAt()).isEqualTo(stage);
		assertThat(rejected.awaiting()).isEmpty();
		assertThat(students.byEducationId(g.educationId()).orElseThrow().districtCode())
			.as("the student stays where it was")
			.isEqualTo(TransferFixtures.DONGCHENG);
		assertThat(steps(g)).contains("junior.transfer." + step).doesNotContain("registry.moved-district");
		assertThat(told(g.mobile(), "junior.sms.transfer-" + step)).isEqualTo(1);
		assertThat(toInbox(teacher.username(), "junior.sms.transfer-" + step)).isGreaterThan(0);
		assertThatThrownBy(() -> transfers.approve(rejected.id(), rejected.version(), teacher))
			.isInstanceOf(RuntimeException.class);
		Transfer again = transfers
			.start(new StartTransferForm(g.educationId(), "HOME", TransferFixtures.CHAOYANG, "朝阳某地", null), teacher);
		assertThat(again.status()).as("a finished one does not block another").isEqualTo(TransferStatus.DRAFT);
	}

	private List<String> steps(TransferFixtures.Graduate g) {
		return students.path(g.educationId()).stream().map(PathStep::step).toList();
	}

	private long told(String mobile, String template) {
		return jdbc.sql("select count(*) from notification_message where mobile = ? and template_key = ?")
			.params(mobile, template)
			.query(Long.class)
			.single();
	}

	private long toInbox(String username, String template) {
		return jdbc.sql("select count(*) from notification_message where inbox_owner = ? and template_key = ?")
			.params(username, template)
			.query(Long.class)
			.single();
	}

}
