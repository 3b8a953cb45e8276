package org.ruxue.app.registry;

import java.util.List;

import org.ruxue.app.zoning.EntryLevel;

/**
 * The columns of the file the student registry imports new enrollments from (R-G3,
 * docs/registry.md), in order, with the Chinese headings the registry reads whatever the
 * language of the person who downloads it. Values as in the registry's own graduate
 * export: 男/女, dates {@code YYYY-MM-DD}, codes as text.
 */
final class HandoffColumns {

	/** A column: its key (the English name in docs/registry.md) and its heading. */
	record Column(String key, String heading) {

	}

	static final List<Column> ALL = List.of(new Column("year", "入学年度"), new Column("level", "学段"),
			new Column("key", "入学记录号"), new Column("education_id", "教育ID"), new Column("name", "姓名"),
			new Column("id_number", "身份证号"), new Column("sex", "性别"), new Column("birth_date", "出生日期"),
			new Column("district_code", "入学区代码"), new Column("school_code", "入学学校代码"), new Column("method", "入学方式"),
			new Column("version", "版本"));

	static final List<String> HEADINGS = ALL.stream().map(Column::heading).toList();

	private HandoffColumns() {
	}

	static String level(EntryLevel level) {
		return (level == EntryLevel.PRIMARY) ? "小学" : "初中";
	}

	static String sex(String sex) {
		return "MALE".equals(sex) ? "男" : "女";
	}

	static String sheetName(int year, EntryLevel level) {
		return year + level(level) + "新生";
	}

}
