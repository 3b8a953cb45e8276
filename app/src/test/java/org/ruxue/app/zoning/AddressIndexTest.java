package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching typed addresses against the dictionary in memory, and R-Z4 on the result. */
class AddressIndexTest {

	private static final AdministrativeDivisions BEIJING = AdministrativeDivisions.beijing2023();

	private static final ZoneSchool GUOMEI = new ZoneSchool("110105-P101", "北京市朝阳区国美家园小学", SchoolLevel.PRIMARY);

	private static final List<ZoneSchool> LOTTERY = List.of(
			new ZoneSchool("110105-N101", "北京市润丰学校", SchoolLevel.NINE_YEAR), GUOMEI,
			new ZoneSchool("110105-P102", "北京市朝阳区实验小学罗马嘉园分校", SchoolLevel.PRIMARY),
			new ZoneSchool("110105-P103", "北京市朝阳区星河实验小学", SchoolLevel.PRIMARY));

	private static final ZoneSchool YUEHUA = new ZoneSchool("110108-P051", "北京石油学院附属小学月华分校", SchoolLevel.PRIMARY);

	private static final LocalDate CUTOFF = LocalDate.parse("2017-06-30");

	private final AddressIndex index = AddressIndex
		.build(List.of(entry(1, "110105", "华纺易城", List.of(), false, GUOMEI, LOTTERY),
				entry(2, "110105", "华纺东里", List.of(), false, GUOMEI, List.of()),
				entry(3, "110108", "志新西路1号院", List.of(), false, YUEHUA, List.of(YUEHUA)),
				entry(4, "110108", "市政三公司7号院", List.of("志新西路7号院"), false, YUEHUA, List.of(YUEHUA)),
				entry(5, "110108", "学府公馆", List.of(), true, YUEHUA, List.of(YUEHUA))), BEIJING);

	@ParameterizedTest
	@ValueSource(strings = { "华纺易城", "北京市朝阳区华纺易城３号楼２单元５０１", "朝阳 华纺易城小区3栋", "华纺亿城", "华坊易城2号楼", "华纺易城东区" })
	void messySpellingsFindTheSameCompoundFirst(String typed) {
		List<AddressIndex.IndexHit> hits = search(typed, null);

		assertThat(hits).isNotEmpty();
		assertThat(hits.getFirst().entry().standardText()).isEqualTo("华纺易城");
	}

	@Test
	void saysWhyItMatched() {
		assertThat(search("朝阳区华纺易城5号楼", null).getFirst().kind()).isEqualTo(MatchKind.EXACT);
		assertThat(search("华纺亿城", null).getFirst().kind()).isEqualTo(MatchKind.SIMILAR);
		assertThat(search("华纺亿城", null).getFirst().differences()).isEqualTo(1);
		AddressIndex.IndexHit alias = search("志新西路7号院2号楼", null).getFirst();
		assertThat(alias.kind()).isEqualTo(MatchKind.ALIAS);
		assertThat(alias.matchedText()).isEqualTo("志新西路7号院");
		assertThat(alias.entry().standardText()).isEqualTo("市政三公司7号院");
	}

	@ParameterizedTest
	@ValueSource(strings = { "市政三公同7号院", "市政三公7号院", "市政三公司司7号院", "志新西路7号号院" })
	void oneCharacterWrongLeftOutOrAddedIsOneDifference(String typed) {
		AddressIndex.IndexHit hit = search(typed, null).getFirst();

		assertThat(hit.entry().standardText()).isEqualTo("市政三公司7号院");
		assertThat(hit.kind()).isIn(MatchKind.SIMILAR, MatchKind.CONTAINS);
		assertThat(hit.differences()).isEqualTo(1);
	}

	@Test
	void twoCharactersWrongAreStillFoundByTheSearch() {
		// two edits: not in the one-edit table, found through the character pairs
		AddressIndex.IndexHit hit = search("市政山公同7号院", null).getFirst();

		assertThat(hit.entry().standardText()).isEqualTo("市政三公司7号院");
		assertThat(hit.differences()).isEqualTo(2);
	}

	@Test
	void anotherNumberOnTheSameRoadIsAnotherHome() {
		assertThat(search("志新西路1号", null)).extracting(h -> h.entry().standardText()).containsExactly("志新西路1号院");
		assertThat(search("志新西路9号", null)).isEmpty();
	}

	@Test
	void findsNothingForAnUnknownCompoundAndFiltersByDistrict() {
		assertThat(search("完全不存在的花园", null)).isEmpty();
		assertThat(search("华纺易城", "110108")).isEmpty();
	}

	@Test
	void theSourcesExampleOnBothSidesOfTheCutoff() {
		DictionaryEntry huafang = search("华纺易城", null).getFirst().entry();

		assertThat(MultiSchoolZoningRule.apply(huafang, CUTOFF, LocalDate.parse("2017-06-30")))
			.containsExactly(new ZoningOutcome(ZoningRule.ON_OR_BEFORE_CUTOFF, List.of(GUOMEI), CUTOFF));
		assertThat(MultiSchoolZoningRule.apply(huafang, CUTOFF, LocalDate.parse("2017-07-01")))
			.containsExactly(new ZoningOutcome(ZoningRule.AFTER_CUTOFF, LOTTERY, CUTOFF));
		assertThat(MultiSchoolZoningRule.apply(huafang, CUTOFF, null)).extracting(ZoningOutcome::rule)
			.containsExactly(ZoningRule.ON_OR_BEFORE_CUTOFF, ZoningRule.AFTER_CUTOFF);
	}

	@Test
	void aMultiSchoolCompoundGoesToTheLotteryWhateverTheDate() {
		DictionaryEntry compound = search("学府公馆", null).getFirst().entry();

		assertThat(MultiSchoolZoningRule.apply(compound, null, LocalDate.parse("2001-01-01")))
			.extracting(ZoningOutcome::rule)
			.containsExactly(ZoningRule.MULTI_SCHOOL_COMPOUND);
		assertThat(MultiSchoolZoningRule.apply(search("志新西路1号院", null).getFirst().entry(), null, null))
			.extracting(ZoningOutcome::rule)
			.containsExactly(ZoningRule.SINGLE_SCHOOL);
	}

	private List<AddressIndex.IndexHit> search(String typed, String district) {
		return index.search(TypedAddress.parse(typed, BEIJING), district, null, null, 2025, 5);
	}

	private static DictionaryEntry entry(long id, String district, String text, List<String> aliases, boolean multi,
			ZoneSchool school, List<ZoneSchool> lottery) {
		return new DictionaryEntry(id, district, district.equals("110105") ? 2017 : 2025, EntryLevel.PRIMARY, text,
				null, aliases, multi, text + "片", school, lottery);
	}

}
