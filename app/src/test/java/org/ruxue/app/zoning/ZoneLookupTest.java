package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Visitor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The open lookup (R-Z3) on the source's example and the real Haidian zone, through the
 * facade and over HTTP.
 */
@IntegrationTest
class ZoneLookupTest {

	@Autowired
	ZoneLookup lookup;

	@Autowired
	ServiceZones zones;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeEach
	void sourceExample() {
		Calendars.sourceYear2017(calendar);
		ZoningExamples.save(zones, jdbc);
	}

	@Test
	void aCertificateDatedOnTheCutoffGoesToGuomeiJiayuan() {
		ZoneCandidate huafang = first("华纺易城", "2017-06-30");

		assertThat(huafang.districtName()).isEqualTo("朝阳区");
		assertThat(huafang.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.rule()).isEqualTo(ZoningRule.ON_OR_BEFORE_CUTOFF);
			assertThat(outcome.schools()).extracting(ZoneSchool::name).containsExactly("北京市朝阳区国美家园小学");
			assertThat(outcome.cutoff()).isEqualTo(LocalDate.parse("2017-06-30"));
		});
	}

	@Test
	void aCertificateDatedTheDayAfterTheCutoffGoesToTheLotteryOfFourSchools() {
		ZoneCandidate huafang = first("华纺易城", "2017-07-01");

		assertThat(huafang.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.rule()).isEqualTo(ZoningRule.AFTER_CUTOFF);
			assertThat(outcome.byLottery()).isTrue();
			assertThat(outcome.schools()).extracting(ZoneSchool::name)
				.containsExactlyInAnyOrder("北京市润丰学校", "北京市朝阳区国美家园小学", "北京市朝阳区实验小学罗马嘉园分校", "北京市朝阳区星河实验小学");
		});
	}

	@Test
	void withoutACertificateDateBothOutcomesAreGivenWithTheCutoff() {
		assertThat(first("华纺易城", null).outcomes()).extracting(ZoningOutcome::rule, ZoningOutcome::cutoff)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ZoningRule.ON_OR_BEFORE_CUTOFF, LocalDate.parse("2017-06-30")),
					org.assertj.core.groups.Tuple.tuple(ZoningRule.AFTER_CUTOFF, LocalDate.parse("2017-06-30")));
	}

	@Test
	void messySpellingsOfTheSameAddressFindTheSameZone() {
		for (String typed : List.of("北京市朝阳区华纺易城３号楼２单元５０１", "朝阳区 华纺易城小区 3栋", "华纺亿城", "北京朝阳华纺易城3-2-501", "华纺易城三号楼")) {
			assertThat(first(typed, "2017-06-30").address()).as(typed).isEqualTo("华纺易城");
		}
	}

	@Test
	void haidiansRealZoneAnswersByAliasAndListsItsMultiSchoolCompounds() {
		ZoneCandidate byAlias = first("海淀区志新西路７号院", null);
		assertThat(byAlias.address()).isEqualTo("市政三公司7号院");
		assertThat(byAlias.match()).isEqualTo(MatchKind.ALIAS);
		assertThat(byAlias.outcomes()).singleElement()
			.satisfies(o -> assertThat(o.rule()).isEqualTo(ZoningRule.SINGLE_SCHOOL));

		ZoneCandidate compound = first("学府公馆", "2001-01-01");
		assertThat(compound.outcomes()).singleElement()
			.satisfies(o -> assertThat(o.rule()).isEqualTo(ZoningRule.MULTI_SCHOOL_COMPOUND));
	}

	@Test
	void noMatchNamesTheDistrictsOffice() {
		ZoneLookupResult result = lookup.lookup(new ZoneQuery("朝阳区没有这个小区", null, null, null, null));

		assertThat(result.found()).isFalse();
		assertThat(result.contact().districtName()).isEqualTo("朝阳区");
		assertThat(result.contact().office()).contains("朝阳区教育委员会");
	}

	@Test
	void refusesAnInvalidDistrict() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ZoneQuery("华纺易城", "999", null, null, null));
	}

	@Test
	void theApiAnswersWithRankedCandidatesAndTheRuleThatApplied() {
		var visitor = new Visitor(port);
		var response = visitor.get("/api/v1/zones/lookup?q=%E5%8C%97%E4%BA%AC%E5%B8%82%E6%9C%9D%E9%98%B3%E5%8C%BA"
				+ "%E5%8D%8E%E7%BA%BA%E6%98%93%E5%9F%8E3%E5%8F%B7%E6%A5%BC&level=primary&certificateDate=2017-07-01",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		assertThat((String) JsonPath.read(body, "$.candidates[0].address")).isEqualTo("华纺易城");
		assertThat((String) JsonPath.read(body, "$.candidates[0].match.kind")).isEqualTo("EXACT");
		assertThat((String) JsonPath.read(body, "$.candidates[0].outcomes[0].rule")).isEqualTo("AFTER_CUTOFF");
		assertThat((List<String>) JsonPath.read(body, "$.candidates[0].outcomes[0].schools[*].name")).hasSize(4);
	}

	@Test
	void theApiRefusesABadDateAsAProblemInTheCallersLanguage() {
		var chinese = new Visitor(port).get("/api/v1/zones/lookup?q=x&certificateDate=2017-13-01", "application/json");
		var english = new Visitor(port).get("/api/v1/zones/lookup?q=x&certificateDate=2017-13-01&lang=en",
				"application/json");

		assertThat(chinese.statusCode()).isEqualTo(400);
		assertThat(chinese.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(chinese.body()).contains("房产证日期请按 2017-06-30 的格式填写");
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(english.body()).contains("Please write the certificate's date as 2017-06-30");
	}

	@Test
	void thePageExplainsATypoInThePagesLanguageAndKeepsWhatWasTyped() {
		var page = new Visitor(port).page("/zones?q=%E5%8D%8E%E7%BA%BA%E6%98%93%E5%9F%8E&certificateDate=2017-13-01");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("房产证日期请按 2017-06-30 的格式填写", "华纺易城").doesNotContain("yyyy-MM-dd", "Exception");
	}

	private ZoneCandidate first(String typed, String certificateDate) {
		ZoneLookupResult result = lookup.lookup(new ZoneQuery(typed, null, EntryLevel.PRIMARY,
				(certificateDate != null) ? LocalDate.parse(certificateDate) : null, null));
		assertThat(result.candidates()).as(typed).isNotEmpty();
		return result.candidates().getFirst();
	}

}
