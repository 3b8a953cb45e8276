package org.ruxue.app.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.ruxue.app.zoning.AdministrativeCodes;
import org.ruxue.app.zoning.AdministrativeDivisions;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Street;

/**
 * Synthetic people for the local register, the demo and the benchmarks: children with
 * their parents, and graduates of primary school. Everything follows from the seed: the
 * same seed and the same sequence of calls give the same people, on any JDK
 * ({@link Random}'s algorithm is specified). Children and graduates draw from separate
 * streams, so the graduates do not change with the number of children.
 *
 * <p>
 * The people are plausible, not real: real street codes and administrative codes,
 * combinations of common names, ID numbers with a correct check digit issued once each.
 */
final class SyntheticPopulation {

	/**
	 * Real codes (GB/T 2260) of districts in provinces many non-local families in Beijing
	 * come from: 石家庄长安区, 石家庄桥西区, 天津和平区, 太原小店区, 沈阳和平区, 哈尔滨道里区, 济南历下区, 合肥蜀山区, 郑州金水区, 武汉武昌区,
	 * 长沙芙蓉区, 成都锦江区, 西安碑林区.
	 */
	static final List<String> NON_LOCAL_CODES = List.of("130102", "130104", "120101", "140105", "210102", "230102",
			"370102", "340104", "410105", "420106", "430102", "510104", "610103");

	/** The code history starts in 1981: earlier births take the codes of 1981. */
	private static final int FIRST_CODED_YEAR = 1981;

	private final AdministrativeDivisions divisions;

	private final AdministrativeCodes codes;

	private final Map<String, String> placeNames;

	private final Map<String, List<School>> primarySchoolsByDistrict;

	private final IdNumberIssuer issuer;

	/** {@link AdministrativeCodes#codesIn} by district and year: asked once a person. */
	private final Map<String, List<String>> codesIn = new HashMap<>();

	private final Random children;

	private final Random graduates;

	private final Random guardians;

	SyntheticPopulation(long seed, IdNumberIssuer issuer, AdministrativeDivisions divisions, AdministrativeCodes codes,
			List<School> schools) {
		this.issuer = issuer;
		this.divisions = divisions;
		this.placeNames = divisions.streets().stream().collect(Collectors.toMap(Street::code, divisions::placeName));
		this.codes = codes;
		this.primarySchoolsByDistrict = schools.stream()
			.filter(school -> school.level().takesPrimaryEntry())
			.collect(Collectors.groupingBy(School::districtCode));
		this.children = new Random(seed);
		this.graduates = new Random(seed ^ 0x6772616475617465L);
		this.guardians = new Random(seed ^ 0x677561726469616EL);
	}

	/** A child born in the range, with one or two parents as guardians. */
	Applicant applicant(BirthRange born) {
		Random random = children;
		Household household = household(random);
		Sex sex = (random.nextInt(1000) < 515) ? Sex.MALE : Sex.FEMALE;
		LocalDate birthDate = born.draw(random);
		String surname = SyntheticNames.surname(random);
		Person child = new Person(issuer.issue(idCode(random, household, birthDate.getYear()), birthDate, sex),
				surname + SyntheticNames.childGivenName(random, sex), sex, birthDate, household.hukouType(),
				household.hukouDistrictCode(), household.home().code(), household.address());
		List<Guardian> guardians = new ArrayList<>(2);
		int parents = random.nextInt(100);
		if (parents < 85 || parents >= 94) {
			guardians.add(parent(random, household, child, Relation.FATHER, surname));
		}
		if (parents < 94) {
			guardians.add(parent(random, household, child, Relation.MOTHER, SyntheticNames.surname(random)));
		}
		return new Applicant(child, List.copyOf(guardians), household.registrationDistrict(random));
	}

	/** A pupil in the last year of primary school, at a school of the home district. */
	Graduate graduate(BirthRange born) {
		Random random = graduates;
		Household household = household(random);
		Sex sex = (random.nextInt(1000) < 515) ? Sex.MALE : Sex.FEMALE;
		LocalDate birthDate = born.draw(random);
		IdCardNumber idNumber = issuer.issue(idCode(random, household, birthDate.getYear()), birthDate, sex);
		String surname = SyntheticNames.surname(random);
		Person pupil = new Person(idNumber, surname + SyntheticNames.childGivenName(random, sex), sex, birthDate,
				household.hukouType(), household.hukouDistrictCode(), household.home().code(), household.address());
		List<School> schools = primarySchoolsByDistrict.get(household.home().districtCode());
		School school = schools.get(random.nextInt(schools.size()));
		// the registry's guardian and class from a stream of their own, so that the
		// pupils
		// are those the graduates stream always gave
		Random family = guardians;
		boolean father = family.nextBoolean();
		String guardianName = (father ? surname : SyntheticNames.surname(family))
				+ SyntheticNames.adultGivenName(family, father ? Sex.MALE : Sex.FEMALE);
		String className = "六(" + (1 + family.nextInt(6)) + ")班";
		// the national student number (全国学籍号) is G followed by the ID number
		return new Graduate("G" + pupil.idNumber().value(), pupil, school.code(), school.districtCode(), className,
				guardianName, mobile(family));
	}

	private Guardian parent(Random random, Household household, Person child, Relation relation, String surname) {
		Sex sex = (relation == Relation.FATHER) ? Sex.MALE : Sex.FEMALE;
		int youngest = (sex == Sex.MALE) ? 24 : 22;
		LocalDate birthDate = child.birthDate()
			.minusYears(youngest + random.nextInt(15))
			.minusDays(random.nextInt(365));
		Person parent = new Person(issuer.issue(idCode(random, household, birthDate.getYear()), birthDate, sex),
				surname + SyntheticNames.adultGivenName(random, sex), sex, birthDate, household.hukouType(),
				household.hukouDistrictCode(), household.home().code(), household.address());
		return new Guardian(parent, relation, mobile(random));
	}

	/**
	 * The first six digits of an ID number issued in that year: a Beijing code of the
	 * hukou district as it was then (110103 崇文区 before 2010, 110228 密云县 before 2015), or
	 * mostly the code of a non-local family's origin.
	 */
	private String idCode(Random random, Household household, int year) {
		if (household.origin() != null) {
			return (random.nextInt(100) < 85) ? household.origin()
					: NON_LOCAL_CODES.get(random.nextInt(NON_LOCAL_CODES.size()));
		}
		int codedYear = Math.max(year, FIRST_CODED_YEAR);
		List<String> candidates = codesIn.computeIfAbsent(household.hukouDistrictCode() + codedYear,
				key -> codes.codesIn(household.hukouDistrictCode(), codedYear));
		return candidates.get(random.nextInt(candidates.size()));
	}

	/** A mainland mobile number, 1[3-9] and nine digits. */
	private static String mobile(Random random) {
		var mobile = new StringBuilder(11).append('1').append(3 + random.nextInt(7));
		for (int i = 0; i < 9; i++) {
			mobile.append(random.nextInt(10));
		}
		return mobile.toString();
	}

	private Household household(Random random) {
		int hukou = random.nextInt(100);
		Street home = street(random);
		if (hukou >= 65) {
			String origin = NON_LOCAL_CODES.get(random.nextInt(NON_LOCAL_CODES.size()));
			return new Household(HukouType.NON_LOCAL, null, origin, home, address(random, home));
		}
		HukouType type = (hukou < 60) ? HukouType.BEIJING : HukouType.BEIJING_COLLECTIVE;
		String hukouDistrict = home.districtCode();
		if (random.nextInt(100) < 15) {
			// R-P10: hukou in one district, home in another
			hukouDistrict = street(random).districtCode();
		}
		return new Household(type, hukouDistrict, null, home, address(random, home));
	}

	/** Every street alike, so a district's weight is its number of streets. */
	private Street street(Random random) {
		List<Street> streets = divisions.streets();
		return streets.get(random.nextInt(streets.size()));
	}

	private String address(Random random, Street street) {
		int floor = 1 + random.nextInt(18);
		int flat = 1 + random.nextInt(4);
		return new StringBuilder(40).append("北京市")
			.append(placeNames.get(street.code()))
			.append(1 + random.nextInt(60))
			.append("号院")
			.append(1 + random.nextInt(20))
			.append("号楼")
			.append(1 + random.nextInt(4))
			.append("单元")
			.append(floor)
			.append('0')
			.append(flat)
			.toString();
	}

	/**
	 * Where a family is registered and lives.
	 *
	 * @param origin the administrative code of a non-local family's hukou, else null
	 */
	private record Household(HukouType hukouType, String hukouDistrictCode, String origin, Street home,
			String address) {

		/** R-P7, R-P10: non-local families register where they live; others choose. */
		String registrationDistrict(Random random) {
			if (hukouDistrictCode == null || hukouDistrictCode.equals(home.districtCode())) {
				return home.districtCode();
			}
			return random.nextBoolean() ? hukouDistrictCode : home.districtCode();
		}

	}

}
