package org.ruxue.app.zoning;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address as a parent typed it, normalised for matching (R-Z3): full-width characters
 * made half-width, Chinese numerals before 号/楼/单元/室 made digits, the city, district and
 * street in front taken off, building, unit and room split off the end, 号院/院/号楼 variants
 * and a trailing 小区 reduced to one form. The same steps turn the dictionary's standard
 * addresses into their {@link #core() core}, so both sides meet in one form.
 *
 * @param core what is left to match: a compound or a road and number, e.g. 华纺易城 or 志新西路1号
 * @param districtCode the district named in front, null when none was
 * @param building the building (楼/栋/幢/座), null when none was given
 * @param unit the unit (单元/门), null when none was given
 * @param room the room, null when none was given
 * @param dropped what was taken off, for the explanation of a match
 */
public record TypedAddress(String core, String districtCode, String building, String unit, String room,
		List<String> dropped) {

	private static final int MAX_LENGTH = 200;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern SEPARATORS = Pattern.compile("[,，、。;；:：'\"“”‘’!！?？·]");

	private static final Pattern NUMBER_YARD = Pattern.compile("(\\d)院");

	private static final Pattern DASHED = Pattern.compile("^(.*?\\D)(\\d+)-(\\d+)(?:-(\\d+))?$");

	private static final Pattern ROOM = Pattern.compile("^(.*?)(\\d+)(?:室|户|号房)$");

	private static final Pattern FLOOR = Pattern.compile("^(.*?)(\\d+)(?:层|F)$");

	private static final Pattern UNIT = Pattern.compile("^(.*?)(\\d+)(?:单元|门)(\\d+)?(?:号)?$");

	private static final Pattern BUILDING = Pattern.compile("^(.*?)(\\d+|[A-Z])(?:号楼|栋|幢|座|楼|#)$");

	/** "志新西路1号3号": the second number is a building. */
	private static final Pattern NUMBER_THEN_NUMBER = Pattern.compile("^(.*\\d+号)(\\d+)号$");

	/** A road, street or lane without its number: what a bare "N号楼" then numbers. */
	private static final Pattern ROAD_END = Pattern.compile(".*(路|街|道|巷|胡同|条|里)$");

	private static final Pattern CHINESE_NUMBER = Pattern.compile("([零〇一二两三四五六七八九十]{1,4})(号|栋|幢|座|楼|单元|门|层|室|户)");

	private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}·　]");

	public TypedAddress {
		dropped = List.copyOf(dropped);
	}

	/**
	 * @param divisions the districts and streets whose names may stand in front
	 * @throws IllegalArgumentException when nothing is left to match
	 */
	public static TypedAddress parse(String typed, AdministrativeDivisions divisions) {
		if (typed == null || typed.isBlank()) {
			throw new InvalidZoneQuery("zoning.error.address-empty", "Please type an address");
		}
		if (typed.length() > MAX_LENGTH) {
			throw new InvalidZoneQuery("zoning.error.address-long",
					"An address has at most " + MAX_LENGTH + " characters", MAX_LENGTH);
		}
		List<String> dropped = new ArrayList<>();
		String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		s = s.replace('（', '(').replace('）', ')').replace('－', '-').replace('—', '-').replace('＃', '#');
		s = WHITESPACE.matcher(s).replaceAll("");
		s = chineseNumbersToDigits(s);
		s = dropCityPrefix(s, dropped);
		String districtCode = null;
		for (District district : divisions.districts()) {
			if (s.startsWith(district.name())) {
				districtCode = district.code();
				dropped.add(district.name());
				s = s.substring(district.name().length());
				break;
			}
		}
		String street = longestStreetPrefix(s, divisions, districtCode);
		if (street != null && s.length() > street.length()) {
			dropped.add(street);
			s = s.substring(street.length());
		}
		s = s.replace("(", "").replace(")", "");
		s = SEPARATORS.matcher(s).replaceAll("");
		s = NUMBER_YARD.matcher(s.replace("号院", "号")).replaceAll("$1号");
		String building = null;
		String unit = null;
		String room = null;
		Matcher m = DASHED.matcher(s);
		if (m.matches()) {
			s = m.group(1);
			building = m.group(2);
			if (m.group(4) != null) {
				unit = m.group(3);
				room = m.group(4);
			}
			else {
				room = m.group(3);
			}
		}
		if ((m = ROOM.matcher(s)).matches() && !m.group(1).isEmpty()) {
			s = m.group(1);
			room = m.group(2);
		}
		if ((m = FLOOR.matcher(s)).matches() && !m.group(1).isEmpty()) {
			s = m.group(1);
		}
		if ((m = UNIT.matcher(s)).matches() && !m.group(1).isEmpty()) {
			s = m.group(1);
			unit = m.group(2);
			if (m.group(3) != null) {
				room = m.group(3);
			}
		}
		if ((m = BUILDING.matcher(s)).matches() && !m.group(1).isEmpty()) {
			if (ROAD_END.matcher(m.group(1)).matches()) {
				// "志新西路1号楼" names the road's number 1, not a building
				s = m.group(1) + m.group(2) + "号";
			}
			else {
				s = m.group(1);
				building = m.group(2);
			}
		}
		else if ((m = NUMBER_THEN_NUMBER.matcher(s)).matches()) {
			s = m.group(1);
			building = m.group(2);
		}
		if (building != null || unit != null || room != null) {
			dropped.add("building-unit-room");
		}
		s = NOISE.matcher(s).replaceAll("");
		if (s.endsWith("小区") && s.length() > 3) {
			s = s.substring(0, s.length() - 2);
		}
		if (s.isEmpty()) {
			throw new InvalidZoneQuery("zoning.error.address-nothing",
					"Please type the compound (小区) or the road and number");
		}
		return new TypedAddress(s, districtCode, building, unit, room, dropped);
	}

	/**
	 * The home down to its room, for "one place per home per six years" (六年一学位): null
	 * when no room was typed.
	 */
	public String homeKey() {
		if (room == null) {
			return null;
		}
		return core + "|" + (building != null ? building : "") + "|" + (unit != null ? unit : "") + "|" + room;
	}

	private static String dropCityPrefix(String s, List<String> dropped) {
		for (String prefix : List.of("中国北京市", "中国北京", "北京市", "北京")) {
			if (s.startsWith(prefix) && s.length() > prefix.length()) {
				dropped.add(prefix);
				return s.substring(prefix.length());
			}
		}
		return s;
	}

	private static String longestStreetPrefix(String s, AdministrativeDivisions divisions, String districtCode) {
		return divisions.streets()
			.stream()
			.filter(street -> districtCode == null || street.districtCode().equals(districtCode))
			.map(Street::name)
			.filter(name -> name.length() >= 3 && s.startsWith(name))
			.max(Comparator.comparingInt(String::length))
			.orElse(null);
	}

	/** 三号楼 → 3号楼, 十二层 → 12层: only right before a marker, so 二里庄 stays. */
	static String chineseNumbersToDigits(String s) {
		Matcher m = CHINESE_NUMBER.matcher(s);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int value = chineseNumber(m.group(1));
			m.appendReplacement(out, (value >= 0) ? value + m.group(2) : m.group());
		}
		m.appendTail(out);
		return out.toString();
	}

	private static int chineseNumber(String text) {
		String digits = "零一二三四五六七八九";
		int tens = text.indexOf('十');
		if (tens < 0) {
			int value = 0;
			for (char c : text.toCharArray()) {
				int d = (c == '〇') ? 0 : (c == '两') ? 2 : digits.indexOf(c);
				if (d < 0) {
					return -1;
				}
				value = value * 10 + d;
			}
			return value;
		}
		int high = (tens == 0) ? 1 : digitOf(text.substring(0, tens), digits);
		int low = (tens == text.length() - 1) ? 0 : digitOf(text.substring(tens + 1), digits);
		return (high < 0 || low < 0) ? -1 : high * 10 + low;
	}

	private static int digitOf(String text, String digits) {
		if (text.length() != 1) {
			return -1;
		}
		return text.equals("两") ? 2 : digits.indexOf(text.charAt(0));
	}

}
