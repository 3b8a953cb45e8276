package org.ruxue.app.permits;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.PhaseKind;
import org.ruxue.app.calendar.PhaseWindow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each district sets per year (R-P15): the documents it requires, and the day from
 * which it releases its decisions. A district without its own list uses the city's
 * (110000); a list stays in force until a later year's replaces it. Without a day of its
 * own, the calendar's STUDY_PERMIT_RESULTS phase of the year applies (2017: 05-16).
 */
@Component
class PermitSettings {

	static final String CITY = "110000";

	private final JdbcClient jdbc;

	private final EnrollmentCalendar calendar;

	private final ApplicationEventPublisher events;

	PermitSettings(JdbcClient jdbc, EnrollmentCalendar calendar, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.events = events;
	}

	/** Where a district's list of a year comes from. */
	record Source(String districtCode, int fromYear) {

		boolean city() {
			return CITY.equals(districtCode);
		}

	}

	@Transactional(readOnly = true)
	List<RequiredDocument> documents(String districtCode, int year) {
		return source(districtCode, year).map(this::documents).orElse(List.of());
	}

	@Transactional(readOnly = true)
	Optional<Source> source(String districtCode, int year) {
		for (String owner : List.of(districtCode, CITY)) {
			Optional<Integer> from = jdbc
				.sql("select max(from_year) from permit_document where district_code = ? and from_year <= ?")
				.params(owner, year)
				.query(Integer.class)
				.optional();
			if (from.isPresent()) {
				return Optional.of(new Source(owner, from.get()));
			}
		}
		return Optional.empty();
	}

	private List<RequiredDocument> documents(Source source) {
		return jdbc.sql("""
				select * from permit_document where district_code = ? and from_year = ? order by position
				""")
			.params(source.districtCode(), source.fromYear())
			.query((rs, n) -> new RequiredDocument(rs.getInt("position"), rs.getString("code"), rs.getString("name"),
					rs.getString("name_en"), fields(rs.getString("fields")), rs.getInt("min_scans"),
					rs.getInt("max_scans")))
			.list();
	}

	private static List<RequiredDocument.Field> fields(String stored) {
		List<RequiredDocument.Field> fields = new ArrayList<>();
		for (String line : stored.split("\n")) {
			if (!line.isBlank()) {
				String[] parts = line.split("\\|", -1);
				fields.add(new RequiredDocument.Field(parts[0], parts[1], Boolean.parseBoolean(parts[2]),
						RequiredDocument.FieldKind.valueOf(parts[3])));
			}
		}
		return fields;
	}

	/** R-P15: the day decisions are released from; empty when nobody set one. */
	@Transactional(readOnly = true)
	Optional<LocalDate> publicationDay(String districtCode, int year) {
		Optional<LocalDate> own = jdbc
			.sql("select publishes_on from permit_publication where district_code = ? and year = ?")
			.params(districtCode, year)
			.query(LocalDate.class)
			.optional();
		if (own.isPresent()) {
			return own;
		}
		return calendar.window(year, PhaseKind.STUDY_PERMIT_RESULTS).map(PhaseWindow::opensOn);
	}

	@Transactional
	void setPublicationDay(String districtCode, int year, String text, Actor by) {
		LocalDate day;
		try {
			day = LocalDate.parse((text != null) ? text.strip() : "");
		}
		catch (DateTimeParseException ex) {
			throw new PermitRefused("publishesOn", "permits.error.date");
		}
		if (day.getYear() != year) {
			throw new PermitRefused("publishesOn", "permits.settings.day-in-year", year);
		}
		jdbc.sql("""
				insert into permit_publication (district_code, year, publishes_on) values (?, ?, ?)
				on conflict (district_code, year) do update set publishes_on = excluded.publishes_on
				""").params(districtCode, year, day).update();
		events.publishEvent(new PermitSettingsChanged(districtCode, year, "publishes-on=" + day, by));
	}

	/**
	 * Replaces the district's own list of the year with the one typed. One document a
	 * line: {@code CODE | 名称 | English name | min-max | fields}, the fields separated by
	 * {@code ;}, each {@code 中文标签 = English label}, a leading {@code *} for required, a
	 * trailing {@code :date} for a date. Applications already started keep their list.
	 */
	@Transactional
	void defineDocuments(String districtCode, int year, String text, Actor by) {
		List<RequiredDocument> documents = parse(text);
		jdbc.sql("delete from permit_document where district_code = ? and from_year = ?")
			.params(districtCode, year)
			.update();
		for (RequiredDocument d : documents) {
			jdbc.sql("""
					insert into permit_document (district_code, from_year, position, code, name, name_en, fields,
					  min_scans, max_scans)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(districtCode, year, d.position(), d.code(), d.name(), d.nameEn(), storedFields(d), d.minScans(),
						d.maxScans())
				.update();
		}
		events.publishEvent(new PermitSettingsChanged(districtCode, year,
				"documents=" + documents.stream().map(RequiredDocument::code).collect(Collectors.joining(",")), by));
	}

	static List<RequiredDocument> parse(String text) {
		List<RequiredDocument> documents = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		String[] lines = (text != null) ? text.split("\\R") : new String[0];
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			int lineNumber = i + 1;
			String[] parts = lines[i].split("\\|", -1);
			if (parts.length != 5) {
				throw new PermitRefused("documents", "permits.settings.line-shape", lineNumber);
			}
			String code = parts[0].strip().toUpperCase(java.util.Locale.ROOT);
			if (!code.matches("[A-Z][A-Z0-9_]{1,31}") || !codes.add(code)) {
				throw new PermitRefused("documents", "permits.settings.code", lineNumber);
			}
			String name = parts[1].strip();
			String nameEn = parts[2].strip();
			if (name.isEmpty() || nameEn.isEmpty() || name.length() > 60 || nameEn.length() > 100) {
				throw new PermitRefused("documents", "permits.settings.name", lineNumber);
			}
			String[] range = parts[3].strip().split("-");
			int min;
			int max;
			try {
				min = Integer.parseInt(range[0].strip());
				max = Integer.parseInt(range[range.length - 1].strip());
			}
			catch (NumberFormatException ex) {
				throw new PermitRefused("documents", "permits.settings.scans", lineNumber);
			}
			if (range.length > 2 || min < 0 || max < 1 || max > 10 || min > max) {
				throw new PermitRefused("documents", "permits.settings.scans", lineNumber);
			}
			List<RequiredDocument.Field> fields = new ArrayList<>();
			for (String field : parts[4].split(";")) {
				if (!field.isBlank()) {
					fields.add(field(field.strip(), lineNumber));
				}
			}
			if (fields.isEmpty() && min == 0) {
				throw new PermitRefused("documents", "permits.settings.empty-document", lineNumber);
			}
			documents.add(new RequiredDocument(documents.size() + 1, code, name, nameEn, fields, min, max));
		}
		if (documents.isEmpty() || documents.size() > 12) {
			throw new PermitRefused("documents", "permits.settings.count");
		}
		return documents;
	}

	private static RequiredDocument.Field field(String text, int lineNumber) {
		boolean required = text.startsWith("*");
		String rest = required ? text.substring(1).strip() : text;
		RequiredDocument.FieldKind kind = RequiredDocument.FieldKind.TEXT;
		if (rest.toLowerCase(java.util.Locale.ROOT).endsWith(":date")) {
			kind = RequiredDocument.FieldKind.DATE;
			rest = rest.substring(0, rest.length() - 5).strip();
		}
		String[] labels = rest.split("=", -1);
		if (labels.length != 2 || labels[0].isBlank() || labels[1].isBlank() || rest.contains("|")
				|| rest.length() > 150) {
			throw new PermitRefused("documents", "permits.settings.field", lineNumber, text);
		}
		return new RequiredDocument.Field(labels[0].strip(), labels[1].strip(), required, kind);
	}

	/** The list in the typed form, for the settings page. */
	static String describe(List<RequiredDocument> documents) {
		return documents.stream()
			.map(d -> d.code() + " | " + d.name() + " | " + d.nameEn() + " | " + d.minScans() + "-" + d.maxScans()
					+ " | "
					+ d.fields()
						.stream()
						.map(f -> (f.required() ? "*" : "") + f.label() + " = " + f.labelEn()
								+ ((f.kind() == RequiredDocument.FieldKind.DATE) ? ":date" : ""))
						.collect(Collectors.joining("; ")))
			.collect(Collectors.joining("\n"));
	}

	private static String storedFields(RequiredDocument d) {
		return d.fields()
			.stream()
			.map(f -> f.label() + "|" + f.labelEn() + "|" + f.required() + "|" + f.kind().name())
			.collect(Collectors.joining("\n"));
	}

}
