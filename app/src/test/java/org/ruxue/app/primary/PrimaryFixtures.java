package org.ruxue.app.primary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The world primary-entry tests register in: the 2017 calendar, a zone with one school in
 * Dongcheng and in Xicheng, and families whose children and guardians the population
 * register knows.
 */
@Component
public class PrimaryFixtures {

	public static final String DONGCHENG = "110101";

	static final String XICHENG = "110102";

	static final String DC_SCHOOL = "PR-TEST-DC1";

	static final String XC_SCHOOL = "PR-TEST-XC1";

	public static final String DC_ADDRESS = "入学测试家园";

	static final String XC_ADDRESS = "入学测试西苑";

	private static final AtomicInteger mobiles = new AtomicInteger();

	final RegisterEntries register;

	final FamilyAccounts families;

	final ServiceZones zones;

	final EnrollmentCalendar calendar;

	final JdbcClient jdbc;

	PrimaryFixtures(RegisterEntries register, FamilyAccounts families, ServiceZones zones, EnrollmentCalendar calendar,
			JdbcClient jdbc) {
		this.register = register;
		this.families = families;
		this.zones = zones;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	public void world() {
		Calendars.sourceYear2017(calendar);
		school(DC_SCHOOL, "入学测试东城小学", DONGCHENG);
		school(XC_SCHOOL, "入学测试西城小学", XICHENG);
		zones.saveZone(new ZoneDefinition(DONGCHENG, 2017, EntryLevel.PRIMARY, "入学测试东城片", DC_SCHOOL, List.of()),
				Actor.SYSTEM);
		zones.saveAddress(new AddressMapping(DONGCHENG, 2017, EntryLevel.PRIMARY, "入学测试东城片", DC_ADDRESS, null,
				List.of("入学测试小区"), false), Actor.SYSTEM);
		zones.saveAddress(
				new AddressMapping(DONGCHENG, 2017, EntryLevel.PRIMARY, "入学测试东城片", "景山街道2号院", null, List.of(), false),
				Actor.SYSTEM);
		zones.saveZone(new ZoneDefinition(XICHENG, 2017, EntryLevel.PRIMARY, "入学测试西城片", XC_SCHOOL, List.of()),
				Actor.SYSTEM);
		zones.saveAddress(
				new AddressMapping(XICHENG, 2017, EntryLevel.PRIMARY, "入学测试西城片", XC_ADDRESS, null, List.of(), false),
				Actor.SYSTEM);
	}

	private void school(String code, String name, String district) {
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").params(code, name, district).update();
	}

	/** A family with a child of the 2017 cohort (born 2010-10) and its father. */
	public Family family(String childName) {
		IdCardNumber child = register.newChildInDongcheng(childName);
		return familyOf(child, childName);
	}

	Family familyOf(IdCardNumber child, String childName) {
		String mobile = nextMobile();
		AccountId account = families.provision(child, childName, null, new MobileNumber(mobile));
		IdCardNumber father = register.newAdultInDongcheng(childName + "父");
		SignedIn signedIn = new SignedIn(account, families.contact(account).orElseThrow().username(), childName,
				Role.PARENT, DONGCHENG, null);
		return new Family(child, childName, father, childName + "父", mobile, signedIn);
	}

	static String nextMobile() {
		return String.format("137%08d", 10_000_000 + mobiles.incrementAndGet() * 7 + (int) (System.nanoTime() % 7));
	}

	public record Family(IdCardNumber child, String childName, IdCardNumber father, String fatherName, String mobile,
			SignedIn signedIn) {

		/** A complete form: Beijing hukou in the zone, the parents' home in the zone. */
		public RegistrationForm form(String address) {
			RegistrationForm form = new RegistrationForm();
			form.setIdempotencyKey(UUID.randomUUID().toString());
			form.setChildName(childName);
			form.setChildIdNumber(child.value());
			form.setHukouType("BEIJING");
			form.setHukouDistrict(DONGCHENG);
			form.setHukouAddress("北京市东城区" + DC_ADDRESS + "1号楼1单元101");
			form.setHomeTenure("OWNED");
			form.setCertificateNumber("京(2015)东城区不动产权第0001号");
			form.setCertificateDate("2015-06-01");
			form.setOwner("PARENTS");
			form.setAddress(address + "1号楼1单元101");
			form.setGuardian1Name(fatherName);
			form.setGuardian1Relation("FATHER");
			form.setGuardian1IdNumber(father.value());
			form.setGuardian1Mobile(mobile);
			return form;
		}

	}

	static SignedIn officer(String district) {
		return new SignedIn(AccountId.random(), "pr-officer-" + district, "区教委", Role.DISTRICT_OFFICER, district, null);
	}

	static SignedIn teacher(String district, String school) {
		return new SignedIn(AccountId.random(), "pr-teacher-" + school, "老师", Role.SCHOOL_STAFF, district, school);
	}

	static LocalDate date(String text) {
		return LocalDate.parse(text);
	}

}
