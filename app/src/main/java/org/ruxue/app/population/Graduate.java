package org.ruxue.app.population;

/**
 * A pupil finishing primary school, as the student registry would hand them over (R-J1):
 * with the class, the guardian and the guardian's registered mobile of its export
 * (docs/registry.md).
 */
record Graduate(String educationId, Person person, String primarySchoolCode, String districtCode, String className,
		String guardianName, String guardianMobile) {

	/** The headings of the registry's export, in its order (docs/registry.md). */
	static final String[] EXPORT_HEADER = { "教育ID", "姓名", "身份证号", "性别", "出生日期", "毕业小学代码", "班级", "所在区代码", "户籍区代码",
			"监护人姓名", "监护人手机" };

	/** The row of the registry's export; a hukou outside Beijing has no district. */
	Object[] exportRow() {
		return new Object[] { educationId, person.name(), person.idNumber().value(),
				(person.sex() == Sex.MALE) ? "男" : "女", person.birthDate(), primarySchoolCode, className, districtCode,
				person.hukouDistrictCode(), guardianName, guardianMobile };
	}

}
