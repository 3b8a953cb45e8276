package org.ruxue.app.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The basic data a family checks and signs (R-J2) and the graduating school corrects
 * (R-J3): the fields a correction may change. The ID number and the education ID are not
 * among them: those come from the registry and the population register.
 */
public record BasicData(String name, String sex, LocalDate birthDate, String className, String hukouDistrictCode,
		String guardianName) {

	/** The field names, in the order pages show them. */
	public static final List<String> FIELDS = List.of("name", "sex", "birthDate", "className", "hukouDistrictCode",
			"guardianName");

	public static BasicData of(Student student) {
		return new BasicData(student.name(), student.sex(), student.birthDate(), student.className(),
				student.hukouDistrictCode(), student.guardianName());
	}

	/** Which fields differ from the other data: names only, never the values. */
	public List<String> changedFrom(BasicData before) {
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(name, before.name)) {
			changed.add("name");
		}
		if (!Objects.equals(sex, before.sex)) {
			changed.add("sex");
		}
		if (!Objects.equals(birthDate, before.birthDate)) {
			changed.add("birthDate");
		}
		if (!Objects.equals(className, before.className)) {
			changed.add("className");
		}
		if (!Objects.equals(hukouDistrictCode, before.hukouDistrictCode)) {
			changed.add("hukouDistrictCode");
		}
		if (!Objects.equals(guardianName, before.guardianName)) {
			changed.add("guardianName");
		}
		return changed;
	}

}
