package org.ruxue.app.zoning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ID-card address codes: Beijing's history since 1981, the province level elsewhere. */
class AdministrativeCodesTest {

	private final AdministrativeCodes codes = AdministrativeCodes.beijing();

	@Test
	void keepsRetiredBeijingCodesValidForIdNumbers() {
		assertThat(codes.existsOrExisted("110103")).as("崇文区, retired 2010").isTrue();
		assertThat(codes.existsOrExisted("110104")).as("宣武区, retired 2010").isTrue();
		assertThat(codes.existsOrExisted("110221")).as("昌平县, retired 1999").isTrue();
		assertThat(codes.existsOrExisted("110108")).as("海淀区").isTrue();
	}

	@Test
	void refusesBeijingCodesThatNeverExisted() {
		assertThat(codes.existsOrExisted("110120")).isFalse();
		assertThat(codes.existsOrExisted("110230")).isFalse();
	}

	@Test
	void acceptsCodesOfOtherProvincesByTheirProvince() {
		assertThat(codes.existsOrExisted("130102")).isTrue();
		assertThat(codes.existsOrExisted("510104")).isTrue();
		assertThat(codes.existsOrExisted("990101")).isFalse();
		assertThat(codes.existsOrExisted("130000")).isFalse();
		assertThat(codes.existsOrExisted("13010")).isFalse();
		assertThat(codes.existsOrExisted(null)).isFalse();
	}

	@Test
	void followsARetiredCodeToTheDistrictOfToday() {
		assertThat(codes.currentCodeOf("110103")).contains("110101");
		assertThat(codes.currentCodeOf("110225")).contains("110111");
		assertThat(codes.currentCodeOf("110108")).contains("110108");
		assertThat(codes.currentCodeOf("130102")).isEmpty();
	}

	@Test
	void knowsWhichCodesADistrictsIdNumbersCarriedInAYear() {
		assertThat(codes.codesIn("110101", 1985)).containsExactly("110101", "110103");
		assertThat(codes.codesIn("110101", 2011)).containsExactly("110101");
		assertThat(codes.codesIn("110111", 1985)).containsExactly("110110", "110225");
		assertThat(codes.codesIn("110118", 2012)).containsExactly("110228");
	}

}
