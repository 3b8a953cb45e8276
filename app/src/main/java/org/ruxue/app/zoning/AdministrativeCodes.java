package org.ruxue.app.zoning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which administrative codes an ID-card number's first six digits may carry. A code stays
 * valid on ID numbers after it was retired (110103 崇文区 and 110104 宣武区 since 2010, the
 * 1102xx counties), so Beijing's codes are checked against their history since 1981. For
 * the rest of the country only the province level is held: a code from another province
 * is accepted when its province exists.
 */
public final class AdministrativeCodes {

	/**
	 * The 34 province-level divisions of GB/T 2260 (including Taiwan, Hong Kong, Macao).
	 */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82");

	private static final AdministrativeCodes BEIJING = load();

	private final Map<String, AdministrativeCode> beijing;

	AdministrativeCodes(List<AdministrativeCode> beijing) {
		Map<String, AdministrativeCode> byCode = new LinkedHashMap<>();
		beijing.forEach(code -> byCode.put(code.code(), code));
		this.beijing = Map.copyOf(byCode);
	}

	/**
	 * Beijing's codes since 1981, from
	 * {@code reference/beijing_admin_codes_history_1981_2025.csv}.
	 */
	public static AdministrativeCodes beijing() {
		return BEIJING;
	}

	/** Whether an ID number may carry the code: it is or was in use. */
	public boolean existsOrExisted(String sixDigitCode) {
		if (sixDigitCode == null || !sixDigitCode.matches("[0-9]{6}")) {
			return false;
		}
		if (isBeijing(sixDigitCode)) {
			return beijing.containsKey(sixDigitCode);
		}
		return PROVINCES.contains(sixDigitCode.substring(0, 2)) && !sixDigitCode.endsWith("0000");
	}

	public boolean isBeijing(String sixDigitCode) {
		return sixDigitCode != null && sixDigitCode.startsWith("11");
	}

	public Optional<AdministrativeCode> lookup(String sixDigitCode) {
		return Optional.ofNullable(beijing.get(sixDigitCode));
	}

	/**
	 * The code in use today for the area a Beijing code named, following successors:
	 * 110225 房山县 → 110111 房山区.
	 */
	public Optional<String> currentCodeOf(String sixDigitCode) {
		AdministrativeCode code = beijing.get(sixDigitCode);
		for (int hops = 0; code != null && code.isRetired() && hops < beijing.size(); hops++) {
			code = beijing.get(code.successorCode());
		}
		return Optional.ofNullable(code).filter(c -> !c.isRetired()).map(AdministrativeCode::code);
	}

	/**
	 * The codes an ID number issued in the given year could carry for a person from what
	 * is the district today: in 1985 an ID from today's 东城区 was 110101 or 110103 崇文区.
	 */
	public List<String> codesIn(String districtCode, int year) {
		return beijing.values()
			.stream()
			.filter(code -> code.wasInUseIn(year))
			.filter(code -> currentCodeOf(code.code()).filter(districtCode::equals).isPresent())
			.map(AdministrativeCode::code)
			.sorted()
			.toList();
	}

	private static AdministrativeCodes load() {
		return new AdministrativeCodes(ReferenceCsv.read("beijing_admin_codes_history_1981_2025.csv")
			.rows()
			.stream()
			.map(row -> new AdministrativeCode(row.get("代码"), row.get("名称"), Integer.parseInt(row.get("启用时间")),
					blankToNull(row.get("变更/弃用时间")) == null ? null : Integer.valueOf(row.get("变更/弃用时间")),
					blankToNull(row.get("新代码"))))
			.toList());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
