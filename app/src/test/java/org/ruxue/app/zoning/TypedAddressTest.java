package org.ruxue.app.zoning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What normalisation makes of addresses as parents type them (R-Z3). */
class TypedAddressTest {

	private final AdministrativeDivisions beijing = AdministrativeDivisions.beijing2023();

	@ParameterizedTest
	@ValueSource(strings = { "华纺易城", "北京市朝阳区华纺易城", "北京朝阳区华纺易城小区", "朝阳区 华纺易城 3号楼2单元501", "华纺易城３号楼２单元５０１",
			"华纺易城小区三号楼二单元501室", "华纺易城3栋", "华纺易城3-2-501", "中国北京市朝阳区华纺易城（3#）", "  华纺易城，3幢  " })
	void theSameCompoundHowEverItIsTyped(String typed) {
		assertThat(TypedAddress.parse(typed, beijing).core()).isEqualTo("华纺易城");
	}

	@ParameterizedTest
	@ValueSource(strings = { "志新西路1号院", "志新西路1号", "志新西路1院", "志新西路１号院", "北京市海淀区志新西路1号院3号楼", "志新西路一号院", "志新西路1号楼" })
	void theSameRoadAndNumberHowEverItIsTyped(String typed) {
		assertThat(TypedAddress.parse(typed, beijing).core()).isEqualTo("志新西路1号");
	}

	@Test
	void recognisesTheDistrictAndSplitsOffBuildingUnitAndRoom() {
		TypedAddress typed = TypedAddress.parse("北京市朝阳区华纺易城12号楼3单元1502", beijing);

		assertThat(typed.districtCode()).isEqualTo("110105");
		assertThat(typed.building()).isEqualTo("12");
		assertThat(typed.unit()).isEqualTo("3");
		assertThat(typed.room()).isEqualTo("1502");
		assertThat(typed.homeKey()).isEqualTo("华纺易城|12|3|1502");
		assertThat(typed.dropped()).contains("北京市", "朝阳区", "building-unit-room");
	}

	@Test
	void leavesNumeralsThatArePartOfAName() {
		assertThat(TypedAddress.parse("二里庄小区(北里)", beijing).core()).isEqualTo("二里庄小区北里");
		assertThat(TypedAddress.chineseNumbersToDigits("十二号楼二十三层")).isEqualTo("12号楼23层");
	}

	@Test
	void refusesAnEmptyAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> TypedAddress.parse("  ", beijing));
		assertThatIllegalArgumentException().isThrownBy(() -> TypedAddress.parse("北京市朝阳区,。", beijing));
	}

}
