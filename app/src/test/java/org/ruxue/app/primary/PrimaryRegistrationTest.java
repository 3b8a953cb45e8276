package org.ruxue.app.primary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.audit.AuditTrail;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;
import org.ruxue.app.permits.StudyPermit;
import org.ruxue.app.permits.StudyPermits;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.zoning.HomePlaces;
import org.ruxue.app.zoning.SchoolLevel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Primary-entry registration through its facade against the real database: every R-P rule
 * is named where it is tested.
 */
@IntegrationTest
class PrimaryRegistrationTest {

	@Autowired
	PrimaryFixtures fixtures;

	@Autowired
	PrimaryRegistrations registrations;

	@Autowired
	IdentityChecks checks;

	@Autowired
	StudyPermits permits;

	@Autowired
	HomePlaces homes;

	@Autowired
	AuditTrail audit;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void rP6_aRegistrationIsSubmittedThenVerifiedAgainstThePopulationRegister_rP11() {
		PrimaryFixtures.Family family = fixtures.family("登记甲");

		Registration submitted = registrations.submit(PrimaryFixtures.DONGCHENG,
				family.form(PrimaryFixtures.DC_ADDRESS), family.signedIn());

		assertThat(submitted.status()).isEqualTo(RegistrationStatus.SUBMITTED);
		assertThat(submitted.check()).isEqualTo(IdentityCheck.PENDING);
		assertThat(submitted.number()).matches("2017-110101-\\d{6}");
		assertThat(submitted.formCode()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(submitted.birthDate()).isEqualTo(family.child().birthDate());
		assertThat(submitted.zoneSchoolCodes()).containsExactly(PrimaryFixtures.DC_SCHOOL);
		assertThat(submitted.formValid()).isFalse();

		checkAll();

		Registration verified = registrations.byId(submitted.id()).orElseThrow();
		assertThat(verified.check()).isEqualTo(IdentityCheck.VERIFIED);
		assertThat(verified.formValid()).isTrue();
		assertThat(audit.about("primary-registration", submitted.id().toString())).extracting(e -> e.action())
			.contains("primary.submitted", "primary.verified");
		assertThat(jdbc
			.sql("select count(*) from notification_message where mobile = ? and template_key like 'primary.sms.%'")
			.param(family.mobile())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void rP11_anOutageOfTheRegisterKeepsTheRegistrationPendingAndItIsAskedAgainLater() {
		PrimaryFixtures.Family family = fixtures.family("停机");
		Registration r = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));
		IdentityChecks duringOutage = new IdentityChecks(registrations,
				org.ruxue.app.population.Registers.unavailable(), java.time.Clock.systemUTC(), 1000);
		Instant now = Instant.now().plusSeconds(3600L * 24 * 365 * 30);

		duringOutage.checkDue(now);

		Registration pending = registrations.byId(r.id()).orElseThrow();
		assertThat(pending.check()).isEqualTo(IdentityCheck.PENDING);
		assertThat(pending.verifyAttempts()).isGreaterThanOrEqualTo(1);
		assertThat(checks.checkDue(now)).as("not due again before the pause").isZero();
		assertThat(registrations.byId(r.id()).orElseThrow().check()).isEqualTo(IdentityCheck.PENDING);

		checks.checkDue(now.plus(IdentityChecks.MAX_PAUSE).plusSeconds(1));

		assertThat(registrations.byId(r.id()).orElseThrow().check()).isEqualTo(IdentityCheck.VERIFIED);
	}

	@Test
	void rP5_theCategoryFollowsHukouAndPropertyInTheZone() {
		PrimaryFixtures.Family parents = fixtures.family("类别一");
		PrimaryFixtures.Family grandparents = fixtures.family("类别二");
		PrimaryFixtures.Family hukouElsewhere = fixtures.family("类别三");
		PrimaryFixtures.Family rented = fixtures.family("类别四");

		RegistrationForm second = grandparents.form(PrimaryFixtures.DC_ADDRESS);
		second.setOwner("GRANDPARENTS");
		RegistrationForm third = hukouElsewhere.form(PrimaryFixtures.DC_ADDRESS);
		third.setHukouDistrict(PrimaryFixtures.XICHENG);
		third.setHukouAddress("北京市西城区" + PrimaryFixtures.XC_ADDRESS);
		RegistrationForm fourth = rented.form(PrimaryFixtures.DC_ADDRESS);
		fourth.setHomeTenure("RENTED");

		assertThat(submit(parents, parents.form(PrimaryFixtures.DC_ADDRESS)).categoryPosition()).isEqualTo(1);
		assertThat(submit(grandparents, second).categoryPosition()).isEqualTo(2);
		Registration r3 = submit(hukouElsewhere, third);
		assertThat(r3.categoryPosition()).isEqualTo(3);
		assertThat(r3.categoryInputs()).contains("hukouInZone=false", "property=PARENTS");
		Registration r4 = submit(rented, fourth);
		assertThat(r4.categoryPosition()).isEqualTo(4);
		assertThat(r4.certificateDate()).isNull();
	}

	@Test
	void rP13_aCollectiveHukouFollowsTheSameFlow() {
		IdCardNumber child = fixtures.register.newPerson("集体户", "110101", LocalDate.of(2011, 3, 3), "110101", true);
		PrimaryFixtures.Family family = fixtures.familyOf(child, "集体户");
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
		form.setHukouType("BEIJING_COLLECTIVE");

		Registration registration = submit(family, form);
		checkAll();

		assertThat(registration.hukou()).isEqualTo(Hukou.BEIJING_COLLECTIVE);
		assertThat(registration.categoryPosition()).isEqualTo(1);
		assertThat(registrations.byId(registration.id()).orElseThrow().check()).isEqualTo(IdentityCheck.VERIFIED);
	}

	@Test
	void rP2_aChildBornTheDayAfterTheCutoffIsRefusedWithTheDate() {
		IdCardNumber child = fixtures.register.newPerson("差一天", "110101", LocalDate.of(2011, 9, 1), "110101", false);
		PrimaryFixtures.Family family = fixtures.familyOf(child, "差一天");

		assertThatThrownBy(() -> submit(family, family.form(PrimaryFixtures.DC_ADDRESS))).isInstanceOfSatisfying(
				RegistrationRefused.class, refused -> assertThat(refused.problems()).singleElement().satisfies(p -> {
					assertThat(p.field()).isEqualTo("childIdNumber");
					assertThat(p.messageKey()).isEqualTo("primary.error.too-young");
					assertThat(p.arguments()).containsExactly(LocalDate.of(2011, 8, 31));
				}));
		assertThat(registrations.activeOf(child, 2017)).isEmpty();
	}

	@Test
	void rP2_aChildBornOnTheCutoffRegisters() {
		IdCardNumber child = fixtures.register.newPerson("正好六岁", "110101", LocalDate.of(2011, 8, 31), "110101", false);
		PrimaryFixtures.Family family = fixtures.familyOf(child, "正好六岁");

		assertThat(submit(family, family.form(PrimaryFixtures.DC_ADDRESS)).status())
			.isEqualTo(RegistrationStatus.SUBMITTED);
	}

	@Test
	void rP3_anOverAgeChildIsSentToTheDistrictWhichRegistersItOnTheFamilysBehalf() {
		IdCardNumber child = fixtures.register.newPerson("超龄", "110101", LocalDate.of(2010, 8, 31), "110101", false);
		PrimaryFixtures.Family family = fixtures.familyOf(child, "超龄");

		assertThatThrownBy(() -> submit(family, family.form(PrimaryFixtures.DC_ADDRESS))).isInstanceOfSatisfying(
				RegistrationRefused.class,
				refused -> assertThat(refused.problems()).extracting(FieldProblem::messageKey)
					.containsExactly("primary.error.over-age"));

		Registration byDistrict = registrations.registerForFamily(PrimaryFixtures.DONGCHENG,
				family.form(PrimaryFixtures.DC_ADDRESS), PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG));

		assertThat(byDistrict.registeredBy()).isEqualTo("DISTRICT");
		assertThat(byDistrict.familyAccount()).isEqualTo(family.signedIn().id());
		assertThat(registrations.ofFamily(family.signedIn())).extracting(Registration::id)
			.containsExactly(byDistrict.id());
		assertThatThrownBy(() -> registrations.registerForFamily(PrimaryFixtures.DONGCHENG,
				family.form(PrimaryFixtures.DC_ADDRESS), PrimaryFixtures.officer(PrimaryFixtures.XICHENG)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void rP7_aNonLocalChildNeedsAStudyPermitOfTheDistrict() {
		IdCardNumber child = fixtures.register.newPerson("非京籍", "130102", LocalDate.of(2011, 2, 2), null, false);
		PrimaryFixtures.Family family = fixtures.familyOf(child, "非京籍");
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
		form.setHukouType("NON_LOCAL");
		form.setHukouDistrict("");
		form.setHukouAddress("河北省石家庄市长安区某路1号");
		form.setHomeTenure("RENTED");

		assertThatThrownBy(() -> submit(family, form)).isInstanceOfSatisfying(RegistrationRefused.class,
				refused -> assertThat(refused.problems()).extracting(FieldProblem::messageKey)
					.containsExactly("primary.error.no-permit"));

		permits.issue(child, "非京籍", PrimaryFixtures.XICHENG, 2017, Actor.SYSTEM);
		assertThatThrownBy(() -> submit(family, form)).as("a permit of another district does not count")
			.isInstanceOf(RegistrationRefused.class);

		StudyPermit permit = permits.issue(child, "非京籍", PrimaryFixtures.DONGCHENG, 2017, Actor.SYSTEM);
		Registration registration = submit(family, form);

		assertThat(registration.studyPermitNumber()).isEqualTo(permit.number());
		assertThat(registration.categoryPosition()).isEqualTo(5);

		permits.revoke(permit.number(), "材料不实", Actor.SYSTEM);
		assertThat(registrations.byId(registration.id()).orElseThrow().problemReport()).contains("材料不实");
	}

	@Test
	void rP4_twoConcurrentSubmissionsForOneChildMakeOneRegistration() throws Exception {
		PrimaryFixtures.Family family = fixtures.family("并发");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Registration>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				String district = (i % 2 == 0) ? PrimaryFixtures.DONGCHENG : PrimaryFixtures.XICHENG;
				String address = (i % 2 == 0) ? PrimaryFixtures.DC_ADDRESS : PrimaryFixtures.XC_ADDRESS;
				RegistrationForm form = family.form(address);
				results.add(pool.submit(() -> {
					start.await();
					return registrations.submit(district, form, family.signedIn());
				}));
			}
			start.countDown();
			int registered = 0;
			int refused = 0;
			for (Future<Registration> result : results) {
				try {
					result.get();
					registered++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(RegistrationRefused.class);
					refused++;
				}
			}
			assertThat(registered).isEqualTo(1);
			assertThat(refused).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from primary_registration where family_account = ?")
			.param(family.signedIn().id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rP4_aDoubleClickWithTheSameFormIsOneRegistration() {
		PrimaryFixtures.Family family = fixtures.family("双击");
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);

		Registration first = submit(family, form);
		Registration again = submit(family, form);

		assertThat(again.id()).isEqualTo(first.id());
	}

	@Test
	void rP4_aChildRegisteredInOneDistrictIsRefusedInAnother() {
		PrimaryFixtures.Family family = fixtures.family("两区");
		Registration first = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));

		assertThatThrownBy(() -> registrations.submit(PrimaryFixtures.XICHENG, family.form(PrimaryFixtures.XC_ADDRESS),
				family.signedIn()))
			.isInstanceOfSatisfying(RegistrationRefused.class, refused -> assertThat(refused.problems()).singleElement()
				.satisfies(p -> assertThat(p.arguments()).containsExactly("东城区", first.number())));
	}

	@Test
	void rP10_hukouAndHomeInDifferentDistrictsTheFamilyChoosesEitherAndTheCategoryFollowsTheChoice() {
		PrimaryFixtures.Family byHome = fixtures.family("择区房");
		PrimaryFixtures.Family byHukou = fixtures.family("择区户");
		// both: hukou in Dongcheng, the parents' flat in Xicheng
		RegistrationForm home = byHome.form(PrimaryFixtures.XC_ADDRESS);
		RegistrationForm hukou = byHukou.form(PrimaryFixtures.DC_ADDRESS);
		hukou.setHomeTenure("OTHER");
		hukou.setCertificateNumber("");
		hukou.setCertificateDate("");
		hukou.setOwner("");

		Registration inXicheng = registrations.submit(PrimaryFixtures.XICHENG, home, byHome.signedIn());
		Registration inDongcheng = registrations.submit(PrimaryFixtures.DONGCHENG, hukou, byHukou.signedIn());

		assertThat(inXicheng.districtCode()).isEqualTo(PrimaryFixtures.XICHENG);
		assertThat(inXicheng.categoryPosition()).as("hukou elsewhere, property in the zone").isEqualTo(3);
		assertThat(inXicheng.categoryInputs()).contains("hukouInZone=false", "property=PARENTS");
		assertThat(inDongcheng.districtCode()).isEqualTo(PrimaryFixtures.DONGCHENG);
		assertThat(inDongcheng.categoryPosition()).as("hukou in the zone without property").isEqualTo(4);
		assertThat(inDongcheng.categoryInputs()).contains("hukouInZone=true", "property=NONE");
		// R-P4: having chosen, the family cannot also register in the other district
		assertThatThrownBy(() -> registrations.submit(PrimaryFixtures.DONGCHENG,
				byHome.form(PrimaryFixtures.DC_ADDRESS), byHome.signedIn()))
			.isInstanceOf(RegistrationRefused.class);
	}

	@Test
	void rP8_rP9_insideTheWindowTheFamilyCancelsAndRegistersInAnotherDistrict() {
		PrimaryFixtures.Family family = fixtures.family("换区");
		Registration first = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));
		checkAll();
		Registration verified = registrations.byId(first.id()).orElseThrow();

		Registration cancelled = registrations.cancel(first.id(), verified.version(), "搬家到西城", family.signedIn());
		Registration second = registrations.submit(PrimaryFixtures.XICHENG, family.form(PrimaryFixtures.XC_ADDRESS),
				family.signedIn());

		assertThat(cancelled.status()).isEqualTo(RegistrationStatus.CANCELLED);
		assertThat(cancelled.formValid()).as("the old form is void").isFalse();
		assertThat(second.districtCode()).isEqualTo(PrimaryFixtures.XICHENG);
		assertThat(second.formCode()).isNotEqualTo(first.formCode());
	}

	@Test
	void rP8_afterTheWindowOnlyTheOriginalDistrictCancelsAndTheNewDistrictReviews() {
		PrimaryFixtures.Family family = fixtures.family("窗口后");
		Registration first = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));
		closeWindowBeforeToday();
		try {
			assertThatThrownBy(() -> registrations.cancel(first.id(), first.version(), "换区", family.signedIn()))
				.isInstanceOfSatisfying(RegistrationRefused.class,
						refused -> assertThat(refused.problems()).extracting(FieldProblem::messageKey)
							.containsExactly("primary.error.cancel-after-window"));
			assertThatThrownBy(() -> registrations.cancel(first.id(), first.version(), "换区",
					PrimaryFixtures.officer(PrimaryFixtures.XICHENG)))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

			registrations.cancel(first.id(), first.version(), "家长申请换到西城",
					PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG));
			Registration second = registrations.submit(PrimaryFixtures.XICHENG, family.form(PrimaryFixtures.XC_ADDRESS),
					family.signedIn());

			assertThat(second.status()).as("the new district reviews it").isEqualTo(RegistrationStatus.SUBMITTED);
			PrimaryFixtures.Family other = fixtures.family("窗口后新");
			assertThatThrownBy(() -> submit(other, other.form(PrimaryFixtures.DC_ADDRESS)))
				.as("others cannot register after the window")
				.isInstanceOfSatisfying(RegistrationRefused.class,
						refused -> assertThat(refused.problems()).extracting(FieldProblem::messageKey)
							.containsExactly("primary.error.window-closed"));
		}
		finally {
			fixtures.world();
		}
	}

	@Test
	void rP8_noCancellationOnceASchoolConfirmedAcceptance() {
		PrimaryFixtures.Family family = fixtures.family("已接收");
		Registration r = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));
		checkAll();
		r = registrations.approve(r.id(), registrations.byId(r.id()).orElseThrow().version(),
				PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG));
		var teacher = PrimaryFixtures.teacher(PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_SCHOOL);
		var check = registrations.checkForm(r.formCode().toLowerCase().replace("-", " "), teacher).orElseThrow();
		assertThat(check.current()).isTrue();

		Registration accepted = registrations.accept(r.id(), r.version(), teacher);
		assertThat(accepted.status()).isEqualTo(RegistrationStatus.ACCEPTED);
		assertThatThrownBy(() -> registrations.cancel(accepted.id(), accepted.version(), "改主意", family.signedIn()))
			.isInstanceOfSatisfying(RegistrationRefused.class,
					refused -> assertThat(refused.problems()).extracting(FieldProblem::messageKey)
						.containsExactly("primary.error.cancel-accepted"));
	}

	@Test
	void rP12_aSchoolAcceptsAChildOnlyThroughTheApprovedFormOfItsRegistration() {
		SignedIn teacher = PrimaryFixtures.teacher(PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_SCHOOL);
		PrimaryFixtures.Family family = fixtures.family("未登记");
		Registration r = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));
		checkAll();
		Registration verified = registrations.byId(r.id()).orElseThrow();

		// a code no registration printed finds nothing to accept
		assertThat(registrations.checkForm("ABCD-EFGH", teacher)).isEmpty();
		// a registration the district has not approved is not accepted either
		assertThatThrownBy(() -> registrations.accept(verified.id(), verified.version(), teacher))
			.isInstanceOf(RegistrationRefused.class);
		assertThat(registrations.byId(r.id()).orElseThrow().status()).isNotEqualTo(RegistrationStatus.ACCEPTED);
	}

	@Test
	void rP8_aCancelledFormVerifiesAsVoidAndOtherDistrictsSchoolsDoNotFindIt() {
		PrimaryFixtures.Family family = fixtures.family("作废");
		Registration r = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));
		checkAll();
		r = registrations.byId(r.id()).orElseThrow();
		registrations.cancel(r.id(), r.version(), "填错", family.signedIn());

		var check = registrations
			.checkForm(r.formCode(), PrimaryFixtures.teacher(PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_SCHOOL))
			.orElseThrow();
		assertThat(check.current()).isFalse();
		assertThat(registrations.checkForm(r.formCode(),
				PrimaryFixtures.teacher(PrimaryFixtures.XICHENG, PrimaryFixtures.XC_SCHOOL)))
			.isEmpty();
	}

	@Test
	void rP11_aMismatchNamesTheFieldAndNothingIsApproved() {
		PrimaryFixtures.Family family = fixtures.family("核验不符");
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
		form.setGuardian1Name("别人");

		Registration r = submit(family, form);
		checkAll();
		Registration checked = registrations.byId(r.id()).orElseThrow();

		assertThat(checked.check()).isEqualTo(IdentityCheck.MISMATCH);
		assertThat(checked.mismatchField()).isEqualTo("guardian1Name");
		assertThatThrownBy(() -> registrations.approve(r.id(), checked.version(),
				PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG)))
			.isInstanceOf(RegistrationRefused.class);
	}

	@Test
	void rG7_badInputNamesEachFieldAndWritesNothing() {
		PrimaryFixtures.Family family = fixtures.family("输入错");
		RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
		String wrongCheckDigit = family.child().value().substring(0, 17)
				+ (family.child().value().charAt(17) == '1' ? '2' : '1');
		form.setChildIdNumber(wrongCheckDigit);
		form.setGuardian1Mobile("1234");
		form.setCertificateDate("2015-13-45");
		form.setHukouType("MARS");

		assertThatThrownBy(() -> submit(family, form)).isInstanceOfSatisfying(RegistrationRefused.class,
				refused -> assertThat(refused.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
					.contains(org.assertj.core.groups.Tuple.tuple("childIdNumber", "id-number.invalid.check-digit"),
							org.assertj.core.groups.Tuple.tuple("guardian1Mobile", "primary.error.mobile"),
							org.assertj.core.groups.Tuple.tuple("certificateDate", "primary.error.date"),
							org.assertj.core.groups.Tuple.tuple("hukouType", "primary.error.choice")));
		assertThat(registrations.ofFamily(family.signedIn())).isEmpty();
	}

	@Test
	void anIdNumberOfARetiredDistrictCodeStaysValid() {
		// 110103 was Chongwen, merged into Dongcheng in 2010
		IdCardNumber child = fixtures.register.newPerson("崇文", "110103", LocalDate.of(2011, 1, 5), "110101", false);
		PrimaryFixtures.Family family = fixtures.familyOf(child, "崇文");

		assertThat(submit(family, family.form(PrimaryFixtures.DC_ADDRESS)).childIdNumber()).isEqualTo(child);
	}

	@Test
	void aFamilyRegistersOnlyItsOwnChild() {
		PrimaryFixtures.Family family = fixtures.family("本人");
		PrimaryFixtures.Family other = fixtures.family("他人");
		RegistrationForm form = other.form(PrimaryFixtures.DC_ADDRESS);

		assertThatThrownBy(() -> submit(family, form)).isInstanceOfSatisfying(RegistrationRefused.class,
				refused -> assertThat(refused.problems()).extracting(FieldProblem::messageKey)
					.containsExactly("primary.error.not-your-child"));
	}

	@Test
	void anAddressOutsideTheDistrictsZonesIsRefusedWithTheDistrictNamed() {
		PrimaryFixtures.Family family = fixtures.family("区外地址");
		RegistrationForm form = family.form("火星基地");

		assertThatThrownBy(() -> submit(family, form)).isInstanceOfSatisfying(RegistrationRefused.class,
				refused -> assertThat(refused.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
					.containsExactly(
							org.assertj.core.groups.Tuple.tuple("address", "primary.error.address-not-found")));
	}

	@Test
	void sixYearRule_aHomeThatSuppliedAPlaceWithinTheIntervalDoesNotCountAsProperty() {
		jdbc.sql("""
				insert into zoning_district (district_code, place_interval_years) values ('110101', 6)
				on conflict (district_code) do update set place_interval_years = 6
				""").update();
		try {
			PrimaryFixtures.Family earlier = fixtures.family("六年甲");
			String home = homes.homeKey(PrimaryFixtures.DC_ADDRESS + "2号楼1单元101").orElseThrow();
			homes.recordUse(PrimaryFixtures.DONGCHENG, home, 2014, SchoolLevel.PRIMARY);
			RegistrationForm form = earlier.form(PrimaryFixtures.DC_ADDRESS);
			form.setAddress(PrimaryFixtures.DC_ADDRESS + "2号楼1单元101");

			Registration r = submit(earlier, form);

			assertThat(r.categoryPosition()).isEqualTo(4);
			assertThat(r.categoryInputs()).contains("home-used-in=2014", "free-from=2020");
		}
		finally {
			jdbc.sql("update zoning_district set place_interval_years = null where district_code = '110101'").update();
		}
	}

	@Test
	void sixYearRule_approvalRecordsTheHomesUse() {
		jdbc.sql("""
				insert into zoning_district (district_code, place_interval_years) values ('110101', 6)
				on conflict (district_code) do update set place_interval_years = 6
				""").update();
		try {
			PrimaryFixtures.Family family = fixtures.family("六年乙");
			RegistrationForm form = family.form(PrimaryFixtures.DC_ADDRESS);
			form.setAddress(PrimaryFixtures.DC_ADDRESS + "3号楼2单元302");
			Registration r = submit(family, form);
			checkAll();

			registrations.approve(r.id(), registrations.byId(r.id()).orElseThrow().version(),
					PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG));

			assertThat(homes.lastUseBefore(PrimaryFixtures.DONGCHENG, r.homeKey(), 2018)).contains(2017);
		}
		finally {
			jdbc.sql("update zoning_district set place_interval_years = null where district_code = '110101'").update();
		}
	}

	@Test
	void theReviewQueueFiltersAndMasksAndItsReadIsAudited() {
		PrimaryFixtures.Family family = fixtures.family("队列测试");
		Registration r = submit(family, family.form(PrimaryFixtures.DC_ADDRESS));
		var officer = PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG);

		var lines = registrations.queue(PrimaryFixtures.DONGCHENG, 2017, new PrimaryRegistrations.QueueFilter(
				RegistrationStatus.SUBMITTED, 1, IdentityCheck.PENDING, "入学测试东城片", null), 500, officer);

		assertThat(lines).anySatisfy(line -> {
			assertThat(line.id()).isEqualTo(r.id());
			assertThat(line.maskedName()).isEqualTo("队**试");
		});
		assertThat(registrations.queue(PrimaryFixtures.DONGCHENG, 2017,
				new PrimaryRegistrations.QueueFilter(RegistrationStatus.APPROVED, null, null, null, null), 500,
				officer))
			.noneMatch(line -> line.id().equals(r.id()));
		assertThat(audit.about("primary-registration", "district:110101:2017")).isNotEmpty();
		assertThatThrownBy(() -> registrations.queue(PrimaryFixtures.DONGCHENG, 2017,
				new PrimaryRegistrations.QueueFilter(null, null, null, null, null), 500,
				PrimaryFixtures.officer(PrimaryFixtures.XICHENG)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	private Registration submit(PrimaryFixtures.Family family, RegistrationForm form) {
		return registrations.submit(PrimaryFixtures.DONGCHENG, form, family.signedIn());
	}

	private void checkAll() {
		while (checks.checkDue(Instant.now().plusSeconds(3600 * 24 * 365 * 20L)) > 0) {
			// until nothing is due
		}
	}

	/** The 2017 window as if it had ended yesterday (the test clock is 2017-05-10). */
	private void closeWindowBeforeToday() {
		var windows = new ArrayList<>(calendar.windows(2017));
		windows.replaceAll(w -> (w.kind() == PhaseKind.PRIMARY_COLLECTION)
				? new PhaseWindow(PhaseKind.PRIMARY_COLLECTION, LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 9))
				: w);
		var rules = calendar.rules(2017).orElseThrow();
		calendar.schedule(2017, calendar.version(2017), windows, rules.ageCutoff(), rules.zoningCutoffs(),
				Actor.SYSTEM);
	}

}
