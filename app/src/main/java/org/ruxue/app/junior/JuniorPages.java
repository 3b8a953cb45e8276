package org.ruxue.app.junior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;

import org.ruxue.app.calendar.CityClock;
import org.ruxue.app.registry.PathStep;
import org.ruxue.app.registry.Student;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the junior-entry pages of families, schools and districts share. */
@Component
class JuniorPages {

	private final Districts districts;

	private final Schools schools;

	private final MessageSource messages;

	private final CityClock clock;

	JuniorPages(Districts districts, Schools schools, MessageSource messages, CityClock clock) {
		this.districts = districts;
		this.schools = schools;
		this.messages = messages;
		this.clock = clock;
	}

	/** The city's time zone, in which pages show instants. */
	void zone(Model model) {
		model.addAttribute("zone", clock.zone());
	}

	/** Field → the refusal in the reader's language. */
	Map<String, String> problems(JuniorRefused refused) {
		Map<String, String> resolved = new LinkedHashMap<>();
		resolved.put(refused.field(), messages.getMessage(refused.messageKey(), refused.arguments().toArray(),
				refused.messageKey(), LocaleContextHolder.getLocale()));
		return resolved;
	}

	/** The student's data with the names of their school and districts. */
	void describe(Student student, Model model) {
		zone(model);
		model.addAttribute("student", student);
		model.addAttribute("schoolName", (student.schoolCode() != null)
				? schools.byCode(student.schoolCode()).map(School::name).orElse(student.schoolCode()) : null);
		model.addAttribute("districtName", districtName(student.districtCode()));
		model.addAttribute("hukouDistrictName",
				(student.hukouDistrictCode() != null) ? districtName(student.hukouDistrictCode()) : null);
	}

	void path(Student student, List<PathStep> steps, Model model) {
		describe(student, model);
		model.addAttribute("steps", steps);
	}

	List<District> allDistricts() {
		return districts.all();
	}

	String districtName(String code) {
		return districts.byCode(code).map(District::name).orElse(code);
	}

	static UUID uuid(String text) {
		try {
			return UUID.fromString(String.valueOf(text));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static <T> T found(Supplier<T> lookup) {
		try {
			return lookup.get();
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
