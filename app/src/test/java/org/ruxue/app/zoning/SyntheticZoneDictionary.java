package org.ruxue.app.zoning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A city-sized address dictionary for the benchmark: synthetic compounds and road
 * addresses spread over the 16 districts, mapped to zones of the demo's schools, plus
 * messy ways of typing them. Same seed, same dictionary.
 */
final class SyntheticZoneDictionary {

	private static final String[] WORDS = ("华纺 易城 金地 远洋 阳光 花园 丽景 富力 万科 保利 首开 天通 龙湖 融创 中海 珠江 "
			+ "绿城 世纪 锦绣 嘉和 康城 望京 和平 青年 幸福 安慧 安贞 惠新 芍药 亚运 奥林 北辰 紫竹 万柳 曙光 蓝靛 四季 "
			+ "清河 西山 香山 玉泉 永定 长安 东风 朝阳 光华 建外 国贸 团结 红庙 甜水 石佛 双井 劲松 潘家 南磨 十里 "
			+ "东坝 常营 管庄 定福 孙河 崔各 来广 黑庄 金盏 豆各 高碑 百子 八里 花家 马家 燕莎 三元 柳芳 左家 太阳 酒仙")
		.split(" ");

	private static final String[] SUFFIXES = { "家园", "小区", "嘉园", "苑", "园", "里", "公寓", "新城", "府", "花园", "名苑", "雅居", "东区",
			"西区", "北里", "南里", "社区", "公馆", "华庭", "景园" };

	private static final String[] ROADS = { "路", "街", "大街", "西路", "东路", "北路", "南路", "胡同" };

	private final List<DictionaryEntry> entries;

	private SyntheticZoneDictionary(List<DictionaryEntry> entries) {
		this.entries = entries;
	}

	static SyntheticZoneDictionary generate(int size, long seed) {
		Random random = new Random(seed);
		AdministrativeDivisions divisions = AdministrativeDivisions.beijing2023();
		List<District> districts = divisions.districts();
		List<ZoneSchool> schools = DemoSchools.all().stream().map(ZoneSchool::of).toList();
		Set<String> seen = new LinkedHashSet<>();
		List<DictionaryEntry> entries = new ArrayList<>(size);
		while (entries.size() < size) {
			District district = districts.get(entries.size() % districts.size());
			String text = random.nextInt(3) < 2 ? compound(random) : road(random);
			if (!seen.add(district.code() + text)) {
				continue;
			}
			List<ZoneSchool> inDistrict = schools.stream()
				.filter(s -> s.code().startsWith(district.code()) && s.level() != SchoolLevel.JUNIOR)
				.toList();
			ZoneSchool school = inDistrict.get(random.nextInt(inDistrict.size()));
			boolean multi = random.nextInt(10) == 0;
			List<ZoneSchool> lottery = multi ? inDistrict.subList(0, Math.min(4, inDistrict.size())) : List.of();
			entries.add(new DictionaryEntry(entries.size() + 1, district.code(), 2017, EntryLevel.PRIMARY, text, null,
					List.of(), random.nextInt(50) == 0, school.name() + "片", school, lottery));
		}
		return new SyntheticZoneDictionary(List.copyOf(entries));
	}

	List<DictionaryEntry> entries() {
		return entries;
	}

	/**
	 * What parents type for dictionary addresses: with the city and district, full-width
	 * digits, building, unit and room, and one in ten with a wrong character.
	 */
	List<String> messyQueries(int count, long seed) {
		Random random = new Random(seed);
		AdministrativeDivisions divisions = AdministrativeDivisions.beijing2023();
		List<String> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			DictionaryEntry entry = entries.get(random.nextInt(entries.size()));
			String text = entry.standardText();
			if (random.nextInt(10) == 0 && text.length() > 3) {
				int at = random.nextInt(2);
				text = text.substring(0, at) + "国" + text.substring(at + 1);
			}
			String district = divisions.district(entry.districtCode()).orElseThrow().name();
			String prefix = switch (random.nextInt(3)) {
				case 0 -> "北京市" + district;
				case 1 -> district;
				default -> "";
			};
			String tail = switch (random.nextInt(4)) {
				case 0 ->
					(1 + random.nextInt(20)) + "号楼" + (1 + random.nextInt(6)) + "单元" + (101 + random.nextInt(1800));
				case 1 -> "１２号楼";
				case 2 -> (1 + random.nextInt(20)) + "-" + (1 + random.nextInt(4)) + "-" + (101 + random.nextInt(900));
				default -> "";
			};
			queries.add(prefix + text + tail);
		}
		return queries;
	}

	private static String compound(Random random) {
		return WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
				+ SUFFIXES[random.nextInt(SUFFIXES.length)];
	}

	private static String road(Random random) {
		return WORDS[random.nextInt(WORDS.length)] + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(400))
				+ "号";
	}

}
