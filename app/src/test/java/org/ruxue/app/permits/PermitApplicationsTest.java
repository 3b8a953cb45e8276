package org.ruxue.app.permits;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The five-certificate review through its facade against the real database (R-P7, R-P15):
 * the workflow, release on the publication day with a fixed clock, who may see what, and
 * what a scan must be.
 */
@IntegrationTest
class PermitApplicationsTest {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	PermitFixtures fixtures;

	@Autowired
	PermitApplications applications;

	@Autowired
	StudyPermits permits;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private final SignedIn dongcheng = PermitFixtures.officer(PermitFixtures.DONGCHENG);

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void rP15_theDistrictsDocumentsFollowTheYear_fiveUntil2022FourSince2023() {
		assertThat(applications.requiredDocuments(PermitFixtures.DONGCHENG, 2017)).extracting(RequiredDocument::code)
			.containsExactly("EMPLOYMENT", "RESIDENCE", "HUKOU_BOOK", "TEMPORARY_RESIDENCE", "NO_GUARDIAN");
		assertThat(applications.requiredDocuments(PermitFixtures.DONGCHENG, 2023)).extracting(RequiredDocument::code)
			.containsExactly("EMPLOYMENT", "RESIDENCE", "HUKOU_BOOK", "RESIDENCE_PERMIT");
	}

	@Test
	void rP15_aDistrictDefinesItsOwnListAndBadLinesAreRefusedWithTheLineNumber() {
		assertThatThrownBy(() -> applications.defineDocuments(PermitFixtures.DONGCHENG, 2017,
				"WORK | 就业 | Work | 1-3 | *单位 = Employer\nBAD LINE", dongcheng))
			.isInstanceOfSatisfying(PermitRefused.class, r -> assertThat(r.problems().get(0).arguments()).contains(2));
		assertThat(applications.requiredDocuments(PermitFixtures.DONGCHENG, 2017)).hasSize(5);

		applications.defineDocuments(PermitFixtures.DONGCHENG, 2017,
				"WORK | 就业 | Work | 1-2 | *单位 = Employer; *起始 = Since:date\nHOME | 住所 | Home | 1-1 | 地址 = Address",
				dongcheng);

		assertThat(applications.requiredDocuments(PermitFixtures.DONGCHENG, 2017)).extracting(RequiredDocument::code)
			.containsExactly("WORK", "HOME");
		assertThat(applications.requiredDocuments(PermitFixtures.XICHENG, 2017)).hasSize(5);
		assertThatThrownBy(() -> applications.defineDocuments(PermitFixtures.DONGCHENG, 2017, "X | y | z | 1 | a = b",
				PermitFixtures.officer(PermitFixtures.XICHENG)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void rP15_submitMoreMaterialApproveThenReleasedOnThePublicationDayIssuesThePermit_rP7() {
		PermitFixtures.Family family = fixtures.family("五证甲");
		PermitApplication a = readyToSubmit(family);
		a = applications.submit(a.id(), a.version(), family.signedIn());
		assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);

		a = applications.checkDocument(a.id(), a.version(), 1, DocumentCheck.INSUFFICIENT, "合同已过期", dongcheng);
		assertThat(applications.openForFamily(a.id(), family.signedIn()).documents().get(0).check())
			.as("checks under way are the district's until it asks or decides")
			.isEqualTo(DocumentCheck.UNCHECKED);
		a = applications.requestMore(a.id(), a.version(), "请上传有效的劳动合同", "2017-05-14", dongcheng);
		PermitApplication seen = applications.openForFamily(a.id(), family.signedIn());
		assertThat(seen.status()).isEqualTo(ApplicationStatus.MORE_REQUESTED);
		assertThat(seen.requestNote()).isEqualTo("请上传有效的劳动合同");
		assertThat(seen.documents().get(0).checkNote()).isEqualTo("合同已过期");
		assertThat(smsTo(family, "permits.sms.more-requested")).isEqualTo(1);

		applications.addScan(a.id(), 1, "新合同.pdf", PermitFixtures.pdf(), family.signedIn());
		a = applications.openForFamily(a.id(), family.signedIn());
		a = applications.submit(a.id(), a.version(), family.signedIn());
		a = acceptAll(a);
		a = applications.approve(a.id(), a.version(), dongcheng);

		// R-P15: decided on 05-10, told from 05-16
		assertThat(a.decisionWithheld()).isTrue();
		assertThat(applications.openForFamily(a.id(), family.signedIn()).status())
			.isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(permits.valid(family.child(), PermitFixtures.DONGCHENG, 2017)).isEmpty();
		assertThat(smsTo(family, "permits.sms.released-approved")).isZero();

		assertThat(releasesAt("2017-05-16T00:00:00")).isEqualTo(1);

		PermitApplication released = applications.openForFamily(a.id(), family.signedIn());
		assertThat(released.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(released.permitNumber()).matches("2017-110101-[A-Z0-9]{6}");
		assertThat(permits.valid(family.child(), PermitFixtures.DONGCHENG, 2017)).get()
			.extracting(StudyPermit::number)
			.isEqualTo(released.permitNumber());
		assertThat(smsTo(family, "permits.sms.released-approved")).isEqualTo(1);
		assertThat(releasesAt("2017-05-17T00:00:00")).as("released once").isZero();
		assertThat(audit.about("permit-application", a.id().toString())).extracting(e -> e.action())
			.contains("permits.started", "permits.submitted", "permits.more-requested", "permits.approved",
					"permits.released-approved");
	}

	@Test
	void rP15_releaseDateGating_withAFixedClockTheDecisionWaitsUntilMidnightOfThePublicationDay() {
		PermitFixtures.Family family = fixtures.family("五证乙");
		PermitApplication a = submitted(family);
		applications.reject(a.id(), a.version(), "居住证明与实际不符", dongcheng);

		assertThat(releasesAt("2017-05-15T23:59:59")).isZero();
		PermitApplication before = applications.openForFamily(a.id(), family.signedIn());
		assertThat(before.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(before.decisionReason()).isNull();
		assertThat(smsTo(family, "permits.sms.released-rejected")).isZero();

		assertThat(releasesAt("2017-05-16T00:00:00")).isEqualTo(1);
		PermitApplication after = applications.openForFamily(a.id(), family.signedIn());
		assertThat(after.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(after.decisionReason()).isEqualTo("居住证明与实际不符");
		assertThat(smsTo(family, "permits.sms.released-rejected")).isEqualTo(1);
	}

	@Test
	void rP15_aDistrictsOwnPublicationDayReleasesDecisionsMadeBeforeIt() {
		PermitFixtures.Family family = fixtures.family("五证丙");
		PermitApplication a = acceptAll(submitted(family));
		applications.approve(a.id(), a.version(), dongcheng);
		assertThat(applications.openForFamily(a.id(), family.signedIn()).status())
			.isEqualTo(ApplicationStatus.SUBMITTED);

		assertThatThrownBy(
				() -> applications.setPublicationDay(PermitFixtures.DONGCHENG, 2017, "2018-01-01", dongcheng))
			.isInstanceOf(PermitRefused.class);
		applications.setPublicationDay(PermitFixtures.DONGCHENG, 2017, "2017-05-10", dongcheng);

		assertThat(applications.openForFamily(a.id(), family.signedIn()).status())
			.isEqualTo(ApplicationStatus.APPROVED);
	}

	@Test
	void rP7_aRevokedPermitIsToldToTheFamilyAndNoLongerValid() {
		PermitFixtures.Family family = fixtures.family("五证丁");
		applications.setPublicationDay(PermitFixtures.DONGCHENG, 2017, "2017-05-01", dongcheng);
		PermitApplication a = acceptAll(submitted(family));
		a = applications.approve(a.id(), a.version(), dongcheng);
		assertThat(a.permitNumber()).as("decided after the publication day: released at once").isNotNull();

		a = applications.revoke(a.id(), a.version(), "就业材料不实", dongcheng);

		assertThat(a.status()).isEqualTo(ApplicationStatus.REVOKED);
		assertThat(permits.valid(family.child(), PermitFixtures.DONGCHENG, 2017)).isEmpty();
		assertThat(smsTo(family, "permits.sms.revoked")).isEqualTo(1);
	}

	@Test
	void rP15_oneDistrictAtATime_aSecondDistrictIsRefusedUntilTheFirstIsWithdrawn() {
		PermitFixtures.Family family = fixtures.family("五证戊");
		PermitApplication first = start(family, PermitFixtures.DONGCHENG);

		assertThatThrownBy(() -> start(family, PermitFixtures.XICHENG)).isInstanceOfSatisfying(PermitRefused.class,
				r -> assertThat(r.problems()).extracting(PermitProblem::messageKey)
					.containsExactly("permits.error.already-applying"));

		applications.withdraw(first.id(), first.version(), family.signedIn());
		assertThat(start(family, PermitFixtures.XICHENG).districtCode()).isEqualTo(PermitFixtures.XICHENG);
	}

	@Test
	void aFamilyAppliesOnlyForItsOwnChildAndBadInputChangesNothing() {
		PermitFixtures.Family family = fixtures.family("五证己");
		PermitFixtures.Family other = fixtures.family("五证庚");

		assertThatThrownBy(
				() -> applications.start(PermitFixtures.DONGCHENG, other.child().value(), "五证庚", family.signedIn()))
			.isInstanceOfSatisfying(PermitRefused.class,
					r -> assertThat(r.problems()).extracting(PermitProblem::field).containsExactly("childIdNumber"));
		assertThatThrownBy(
				() -> applications.start(PermitFixtures.DONGCHENG, "110101201103010000", "", family.signedIn()))
			.isInstanceOfSatisfying(PermitRefused.class, r -> assertThat(r.problems()).extracting(PermitProblem::field)
				.containsExactlyInAnyOrder("childName", "childIdNumber"));
		assertThat(applications.ofFamily(family.signedIn())).isEmpty();

		PermitApplication a = start(family, PermitFixtures.DONGCHENG);
		var bad = PermitFixtures.details(a);
		bad.put("d1f3", "not a date");
		assertThatThrownBy(() -> applications.saveDetails(a.id(), a.version(), bad, family.signedIn()))
			.isInstanceOf(PermitRefused.class);
		assertThat(applications.openForFamily(a.id(), family.signedIn()).documents().get(0).fields())
			.allMatch(f -> f.value() == null);
		assertThatThrownBy(() -> applications.submit(a.id(), a.version(), family.signedIn())).isInstanceOfSatisfying(
				PermitRefused.class,
				r -> assertThat(r.problems()).extracting(PermitProblem::field).contains("d1f1", "scans1"));
	}

	@Test
	void access_anotherFamilyAndAnotherDistrictAreRefusedApplicationsAndScans() {
		PermitFixtures.Family family = fixtures.family("五证辛");
		PermitFixtures.Family stranger = fixtures.family("五证壬");
		PermitApplication a = submitted(family);
		UUID scan = a.documents().get(0).scans().get(0).id();
		SignedIn xicheng = PermitFixtures.officer(PermitFixtures.XICHENG);

		assertThatThrownBy(() -> applications.openForFamily(a.id(), stranger.signedIn()))
			.isInstanceOf(java.util.NoSuchElementException.class);
		assertThatThrownBy(() -> applications.scanForFamily(scan, stranger.signedIn()))
			.isInstanceOf(java.util.NoSuchElementException.class);
		assertThatThrownBy(() -> applications.open(a.id(), "review", xicheng))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> applications.scanForDistrict(scan, xicheng))
			.isInstanceOf(java.util.NoSuchElementException.class);
		assertThatThrownBy(() -> applications.scanForDistrict(scan, PermitFixtures.cityAdmin()))
			.as("scans: the family and the reviewing district only")
			.isInstanceOf(java.util.NoSuchElementException.class);
		assertThatThrownBy(() -> applications.approve(a.id(), a.version(), xicheng))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> applications.queue(PermitFixtures.DONGCHENG, 2017, null, xicheng))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(applications.scanForFamily(scan, family.signedIn()).type()).isEqualTo(ScanType.PDF);
		assertThat(applications.scanForDistrict(scan, dongcheng).content()).startsWith("%PDF-".getBytes());
		assertThat(audit.about("permit-scan", scan.toString())).extracting(e -> e.action()).contains("permits.read");
	}

	@Test
	void theQueueMasksNamesAndItsReadIsAudited() {
		PermitFixtures.Family family = fixtures.family("五证癸名");
		PermitApplication a = submitted(family);

		var lines = applications.queue(PermitFixtures.DONGCHENG, 2017, ApplicationStatus.SUBMITTED, dongcheng);

		assertThat(lines).anySatisfy(l -> {
			assertThat(l.number()).isEqualTo(a.number());
			assertThat(l.maskedName()).isEqualTo("五**名");
		});
		assertThat(audit.about("permit-queue", PermitFixtures.DONGCHENG + ":2017")).isNotEmpty();
	}

	@Test
	void uploadAbuse_nothingIsStoredForARefusedScan() {
		PermitFixtures.Family family = fixtures.family("五证滥用");
		PermitApplication a = start(family, PermitFixtures.DONGCHENG);
		byte[] exe = "MZ\u0090\u0000\u0003PE\u0000\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		byte[] oversize = PermitFixtures.concat(PermitFixtures.pdf(), new byte[(int) applications.maxScanBytes()]);
		byte[] polyglot = PermitFixtures.concat(PermitFixtures.image("jpg"), "<html><body>x</body></html>".getBytes());

		for (var attempt : java.util.List.of(new Object[] { "合同.pdf", exe }, new Object[] { "合同.pdf", oversize },
				new Object[] { "../../etc/passwd", PermitFixtures.pdf() }, new Object[] { "照片.jpg", polyglot })) {
			assertThatThrownBy(
					() -> applications.addScan(a.id(), 1, (String) attempt[0], (byte[]) attempt[1], family.signedIn()))
				.isInstanceOf(PermitRefused.class);
		}

		assertThat(jdbc.sql("select count(*) from permit_scan where application_id = ?")
			.param(a.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	// --- steps

	private PermitApplication start(PermitFixtures.Family family, String district) {
		return applications.start(district, family.child().value(), family.childName(), family.signedIn());
	}

	private PermitApplication readyToSubmit(PermitFixtures.Family family) {
		PermitApplication a = start(family, PermitFixtures.DONGCHENG);
		a = applications.saveDetails(a.id(), a.version(), PermitFixtures.details(a), family.signedIn());
		for (PermitApplication.Document d : a.documents()) {
			applications.addScan(a.id(), d.position(), d.code().toLowerCase() + ".pdf", PermitFixtures.pdf(),
					family.signedIn());
		}
		return applications.openForFamily(a.id(), family.signedIn());
	}

	private PermitApplication submitted(PermitFixtures.Family family) {
		PermitApplication a = readyToSubmit(family);
		return applications.submit(a.id(), a.version(), family.signedIn());
	}

	private PermitApplication acceptAll(PermitApplication a) {
		PermitApplication current = applications.open(a.id(), "test", dongcheng);
		for (PermitApplication.Document d : current.documents()) {
			current = applications.checkDocument(a.id(), current.version(), d.position(), DocumentCheck.ACCEPTED, null,
					dongcheng);
		}
		return current;
	}

	private int releasesAt(String beijingTime) {
		Clock fixed = Clock.fixed(ZonedDateTime.of(java.time.LocalDateTime.parse(beijingTime), BEIJING).toInstant(),
				BEIJING);
		return new PermitReleases(applications, fixed).releaseDue();
	}

	private long smsTo(PermitFixtures.Family family, String template) {
		return jdbc.sql("select count(*) from notification_message where mobile = ? and template_key = ?")
			.params(family.mobile(), template)
			.query(Long.class)
			.single();
	}

}
