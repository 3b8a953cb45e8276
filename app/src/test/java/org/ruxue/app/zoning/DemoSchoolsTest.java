package org.ruxue.app.zoning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's schools: Haidian's real directory and synthetic schools elsewhere. */
class DemoSchoolsTest {

	private final List<School> schools = DemoSchools.all();

	@Test
	void holdsHaidiansDirectoryAndThirteenSchoolsInEachOtherDistrict() {
		Map<String, Long> perDistrict = schools.stream()
			.collect(Collectors.groupingBy(School::districtCode, Collectors.counting()));

		assertThat(perDistrict).hasSize(16).containsEntry("110108", 105L);
		assertThat(perDistrict).allSatisfy((district, count) -> {
			if (!district.equals("110108")) {
				assertThat(count).isEqualTo(13);
			}
		});
	}

	@Test
	void mapsTheDirectorysLevelsAndOwnership() {
		List<School> haidian = schools.stream().filter(s -> s.districtCode().equals("110108")).toList();

		assertThat(haidian).filteredOn(s -> s.level() == SchoolLevel.PRIMARY).hasSize(89);
		assertThat(haidian).filteredOn(s -> s.level() == SchoolLevel.JUNIOR).hasSize(3);
		assertThat(haidian).filteredOn(s -> s.level() == SchoolLevel.NINE_YEAR).hasSize(13);
		assertThat(haidian).filteredOn(s -> !s.publicSchool())
			.extracting(School::name)
			.containsExactlyInAnyOrder("北京市中科启元学校", "北京市海淀区崛起实验学校");
		assertThat(haidian.getFirst()).isEqualTo(new School("110108-P001", "北京市海淀区中关村第一小学", "110108",
				SchoolLevel.PRIMARY, true, "北京市海淀区中关村南二街5号", haidian.getFirst().seatsPerYear()));
	}

	@Test
	void codesAreUniqueAndFitLotterySnapshots() {
		assertThat(schools).extracting(School::code)
			.doesNotHaveDuplicates()
			.allSatisfy(code -> assertThat(code).matches("[A-Za-z0-9_-]{1,64}"));
		assertThat(schools).extracting(s -> s.districtCode() + s.name()).doesNotHaveDuplicates();
	}

	@Test
	void syntheticSchoolsAreNamedAfterARealStreetOfTheirDistrict() {
		AdministrativeDivisions divisions = AdministrativeDivisions.beijing2023();

		assertThat(schools).filteredOn(s -> !s.districtCode().equals("110108")).allSatisfy(school -> {
			assertThat(divisions.streetsOf(school.districtCode()))
				.anySatisfy(street -> assertThat(school.name()).contains(street.name()));
			assertThat(school.name()).endsWith(school.level() == SchoolLevel.PRIMARY ? "小学" : "中学");
		});
	}

	@Test
	void seatsPerYearAreBetweenSixtyAndTwoHundredForty() {
		assertThat(schools).allSatisfy(school -> assertThat(school.seatsPerYear()).isBetween(60, 240));
	}

}
