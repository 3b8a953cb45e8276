package org.ruxue.app.zoning.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.calendar.YearRules;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.AddressView;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.DistrictSettings;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.InvalidZoningData;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.SchoolLevel;
import org.ruxue.app.zoning.Schools;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;
import org.ruxue.app.zoning.ZoneView;
import org.ruxue.app.zoning.ZoningProblem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district officer's pages for the district's zoning (issue 5; R-P5, R-Z1, R-Z2,
 * R-Z4): settings, schools, zones and address mappings of a year, each listed, searched,
 * added, edited and deleted after a confirmation. Every change goes on the record and the
 * lookup's index follows it ({@code ZoneDictionaryChanged}).
 */
@Controller
class ZoningAdminController {

	private static final int PAGE_SIZE = 50;

	private static final String BASE = "/district/zoning";

	private final Schools schools;

	private final ServiceZones zones;

	private final EnrollmentCalendar calendar;

	private final OfficerScope scope;

	private final MessageSource messages;

	ZoningAdminController(Schools schools, ServiceZones zones, EnrollmentCalendar calendar, OfficerScope scope,
			MessageSource messages) {
		this.schools = schools;
		this.zones = zones;
		this.calendar = calendar;
		this.scope = scope;
		this.messages = messages;
	}

	// settings: contact, R-Z2 gate, 六年一学位, R-Z4 cutoff of the year

	record SettingsForm(String contactOffice, String contactPhone, Boolean gatedLookup, Boolean placeRule,
			String placeIntervalYears, String cutoff) {
	}

	@GetMapping(BASE)
	String home(@RequestParam(required = false) String district, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal SignedIn who, Model model) {
		District d = scope.district(who, district);
		int y = scope.year(year);
		DistrictSettings settings = zones.settings(d.code());
		LocalDate cutoff = calendar.rules(y).flatMap(r -> r.zoningCutoff(d.code())).orElse(null);
		return homePage(d, y, who,
				new SettingsForm(settings.contactOffice(), settings.contactPhone(), settings.gatedLookup(),
						settings.placeIntervalYears() != null,
						(settings.placeIntervalYears() != null) ? settings.placeIntervalYears().toString() : "6",
						(cutoff != null) ? cutoff.toString() : ""),
				Map.of(), model);
	}

	@PostMapping(BASE + "/settings")
	String saveSettings(@RequestParam(required = false) String district, @RequestParam int year,
			@ModelAttribute SettingsForm form, @AuthenticationPrincipal SignedIn who, Model model, Locale locale,
			RedirectAttributes redirect) {
		District d = scope.district(who, district);
		Map<String, String> errors = new LinkedHashMap<>();
		Integer interval = null;
		if (Boolean.TRUE.equals(form.placeRule())) {
			interval = integer(form.placeIntervalYears());
			if (interval == null || interval < 1 || interval > 12) {
				errors.put("placeIntervalYears", text("zoning.admin.error.interval", locale));
			}
		}
		LocalDate cutoff = null;
		if (form.cutoff() != null && !form.cutoff().isBlank()) {
			try {
				cutoff = LocalDate.parse(form.cutoff().strip());
			}
			catch (DateTimeParseException ex) {
				errors.put("cutoff", text("zoning.admin.error.cutoff", locale));
			}
		}
		if (!errors.isEmpty()) {
			return homePage(d, year, who, form, errors, model);
		}
		Actor by = actor(who);
		zones.configureDistrict(d.code(), form.contactOffice(), form.contactPhone(),
				Boolean.TRUE.equals(form.gatedLookup()), interval, by);
		if (!calendar.setZoningCutoff(year, d.code(), cutoff, by) && cutoff != null) {
			errors.put("cutoff", messages.getMessage("zoning.admin.error.no-year", new Object[] { year }, locale));
			return homePage(d, year, who, form, errors, model);
		}
		redirect.addFlashAttribute("notice", "zoning.admin.saved");
		return "redirect:" + BASE + "?district=" + d.code() + "&year=" + year;
	}

	private String homePage(District d, int year, SignedIn who, SettingsForm form, Map<String, String> errors,
			Model model) {
		common(d, year, who, model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("schoolCount", schools.inDistrict(d.code()).size());
		model.addAttribute("zoneCount", zones.zones(d.code(), year).size());
		model.addAttribute("addressCount", zones.addresses(d.code(), year, "", 1, 1).total());
		model.addAttribute("years", zones.years(d.code()));
		model.addAttribute("calendarYear", calendar.rules(year).map(YearRules::year).orElse(null));
		return "zoning/admin/home";
	}

	// schools

	record SchoolForm(String code, String name, String level, String ownership, String address, String seats) {

		static SchoolForm of(School s) {
			return new SchoolForm(s.code(), s.name(), s.level().name(), s.publicSchool() ? "public" : "private",
					s.address(), Integer.toString(s.seatsPerYear()));
		}

	}

	@GetMapping(BASE + "/schools")
	String schools(@RequestParam(required = false) String district, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn who, Model model) {
		District d = scope.district(who, district);
		common(d, scope.year(null), who, model);
		model.addAttribute("q", q);
		model.addAttribute("listing", schools.search(d.code(), q, Math.max(1, page), PAGE_SIZE));
		return "zoning/admin/schools";
	}

	@GetMapping(BASE + "/schools/new")
	String newSchool(@RequestParam(required = false) String district, @AuthenticationPrincipal SignedIn who,
			Model model) {
		District d = scope.district(who, district);
		return schoolPage(d, who, new SchoolForm("", "", "PRIMARY", "public", "", ""), false, Map.of(), model);
	}

	@GetMapping(BASE + "/schools/{code}/edit")
	String editSchool(@PathVariable String code, @AuthenticationPrincipal SignedIn who, Model model) {
		School school = school(code, who);
		return schoolPage(scope.district(who, school.districtCode()), who, SchoolForm.of(school), true, Map.of(),
				model);
	}

	@PostMapping(BASE + "/schools")
	String saveSchool(@RequestParam(required = false) String district,
			@RequestParam(defaultValue = "false") boolean editing, @ModelAttribute SchoolForm form,
			@AuthenticationPrincipal SignedIn who, Model model, Locale locale, RedirectAttributes redirect) {
		District d = scope.district(who, district);
		Map<String, String> errors = new LinkedHashMap<>();
		SchoolLevel level = Arrays.stream(SchoolLevel.values())
			.filter(l -> l.name().equals(form.level()))
			.findFirst()
			.orElse(null);
		Integer seats = integer(form.seats());
		School school = new School(strip(form.code()), strip(form.name()), d.code(), level,
				!"private".equals(form.ownership()), strip(form.address()), (seats != null) ? seats : 0);
		if (editing && schools.byCode(school.code()).isEmpty()) {
			errors.put("code", text("zoning.admin.error.school-gone", locale));
		}
		else if (!editing && schools.byCode(school.code()).isPresent()) {
			errors.put("code",
					messages.getMessage("zoning.admin.error.school-exists", new Object[] { school.code() }, locale));
		}
		else {
			try {
				schools.save(school, actor(who));
			}
			catch (InvalidZoningData invalid) {
				errors.putAll(fieldErrors(invalid.problems(), locale));
			}
		}
		if (!errors.isEmpty()) {
			return schoolPage(d, who, form, editing, errors, model);
		}
		redirect.addFlashAttribute("notice", "zoning.admin.saved");
		return "redirect:" + BASE + "/schools?district=" + d.code() + "&q=" + encode(school.code());
	}

	@GetMapping(BASE + "/schools/{code}/delete")
	String confirmSchoolDeletion(@PathVariable String code, @AuthenticationPrincipal SignedIn who, Model model) {
		School school = school(code, who);
		District d = scope.district(who, school.districtCode());
		common(d, scope.year(null), who, model);
		model.addAttribute("what", school.code() + " " + school.name());
		model.addAttribute("consequence", null);
		model.addAttribute("action", BASE + "/schools/" + school.code() + "/delete");
		model.addAttribute("back", BASE + "/schools?district=" + d.code());
		return "zoning/admin/delete";
	}

	@PostMapping(BASE + "/schools/{code}/delete")
	String deleteSchool(@PathVariable String code, @AuthenticationPrincipal SignedIn who, Model model, Locale locale,
			RedirectAttributes redirect) {
		School school = school(code, who);
		try {
			schools.delete(school.code(), actor(who));
		}
		catch (InvalidZoningData invalid) {
			redirect.addFlashAttribute("error", String.join(" ", fieldErrors(invalid.problems(), locale).values()));
			return "redirect:" + BASE + "/schools?district=" + school.districtCode();
		}
		redirect.addFlashAttribute("notice", "zoning.admin.deleted");
		return "redirect:" + BASE + "/schools?district=" + school.districtCode();
	}

	private String schoolPage(District d, SignedIn who, SchoolForm form, boolean editing, Map<String, String> errors,
			Model model) {
		common(d, scope.year(null), who, model);
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("levels", SchoolLevel.values());
		return "zoning/admin/school";
	}

	private School school(String code, SignedIn who) {
		School school = schools.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		scope.require(who, school.districtCode());
		return school;
	}

	// zones

	record ZoneForm(String level, String name, String schoolCode, String lotterySchoolCodes) {

		static ZoneForm of(ZoneView z) {
			return new ZoneForm(z.level().name(), z.name(), z.schoolCode(), String.join(";", z.lotterySchoolCodes()));
		}

	}

	@GetMapping(BASE + "/zones")
	String zones(@RequestParam(required = false) String district, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal SignedIn who, Model model) {
		District d = scope.district(who, district);
		int y = scope.year(year);
		common(d, y, who, model);
		model.addAttribute("zones", zones.zones(d.code(), y));
		model.addAttribute("schoolNames", schoolNames(d));
		return "zoning/admin/zones";
	}

	@GetMapping(BASE + "/zones/new")
	String newZone(@RequestParam(required = false) String district, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal SignedIn who, Model model) {
		District d = scope.district(who, district);
		return zonePage(d, scope.year(year), null, who, new ZoneForm("PRIMARY", "", "", ""), Map.of(), model);
	}

	@GetMapping(BASE + "/zones/{id}/edit")
	String editZone(@PathVariable long id, @AuthenticationPrincipal SignedIn who, Model model) {
		ZoneView zone = zone(id, who);
		return zonePage(scope.district(who, zone.districtCode()), zone.year(), zone.id(), who, ZoneForm.of(zone),
				Map.of(), model);
	}

	@PostMapping(BASE + "/zones")
	String saveZone(@RequestParam(required = false) String district, @RequestParam int year,
			@RequestParam(required = false) Long id, @ModelAttribute ZoneForm form,
			@AuthenticationPrincipal SignedIn who, Model model, Locale locale, RedirectAttributes redirect) {
		District d = scope.district(who, district);
		Map<String, String> errors = new LinkedHashMap<>();
		EntryLevel level = "JUNIOR".equals(form.level()) ? EntryLevel.JUNIOR : EntryLevel.PRIMARY;
		if (blank(form.name()) || form.name().strip().length() > 200) {
			errors.put("name", text("zoning.admin.error.zone-name", locale));
		}
		if (blank(form.schoolCode())) {
			errors.put("schoolCode", text("zoning.admin.error.zone-school", locale));
		}
		if (errors.isEmpty()) {
			ZoneDefinition zone = new ZoneDefinition(d.code(), year, level, form.name(), form.schoolCode().strip(),
					list(form.lotterySchoolCodes()));
			try {
				if (id != null) {
					zone(id, who);
					zones.replaceZone(id, zone, actor(who));
				}
				else if (zones.zones(d.code(), year)
					.stream()
					.anyMatch(z -> z.level() == level && z.name().equals(zone.name()))) {
					errors.put("name", messages.getMessage("zoning.admin.error.zone-name-taken",
							new Object[] { zone.name() }, locale));
				}
				else {
					zones.saveZone(zone, actor(who));
				}
			}
			catch (InvalidZoningData invalid) {
				errors.putAll(fieldErrors(invalid.problems(), locale));
			}
		}
		if (!errors.isEmpty()) {
			return zonePage(d, year, id, who, form, errors, model);
		}
		redirect.addFlashAttribute("notice", "zoning.admin.saved");
		return "redirect:" + BASE + "/zones?district=" + d.code() + "&year=" + year;
	}

	@GetMapping(BASE + "/zones/{id}/delete")
	String confirmZoneDeletion(@PathVariable long id, @AuthenticationPrincipal SignedIn who, Model model,
			Locale locale) {
		ZoneView zone = zone(id, who);
		District d = scope.district(who, zone.districtCode());
		common(d, zone.year(), who, model);
		model.addAttribute("what", zone.year() + " " + zone.name());
		model.addAttribute("consequence",
				messages.getMessage("zoning.admin.delete.zone-addresses", new Object[] { zone.addresses() }, locale));
		model.addAttribute("action", BASE + "/zones/" + id + "/delete");
		model.addAttribute("back", BASE + "/zones?district=" + d.code() + "&year=" + zone.year());
		return "zoning/admin/delete";
	}

	@PostMapping(BASE + "/zones/{id}/delete")
	String deleteZone(@PathVariable long id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		ZoneView zone = zone(id, who);
		zones.deleteZone(id, actor(who));
		redirect.addFlashAttribute("notice", "zoning.admin.deleted");
		return "redirect:" + BASE + "/zones?district=" + zone.districtCode() + "&year=" + zone.year();
	}

	private String zonePage(District d, int year, Long id, SignedIn who, ZoneForm form, Map<String, String> errors,
			Model model) {
		common(d, year, who, model);
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("schoolList", schools.inDistrict(d.code()));
		return "zoning/admin/zone";
	}

	private ZoneView zone(long id, SignedIn who) {
		ZoneView zone = zones.zone(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		scope.require(who, zone.districtCode());
		return zone;
	}

	// address mappings

	record AddressForm(String level, String zoneName, String standardText, String building, String aliases,
			Boolean multiSchoolCompound) {

		static AddressForm of(AddressView a) {
			return new AddressForm(a.level().name(), a.zoneName(), a.standardText(), a.building(),
					String.join(";", a.aliases()), a.multiSchoolCompound());
		}

	}

	@GetMapping(BASE + "/addresses")
	String addresses(@RequestParam(required = false) String district, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal SignedIn who, Model model) {
		District d = scope.district(who, district);
		int y = scope.year(year);
		common(d, y, who, model);
		model.addAttribute("q", q);
		model.addAttribute("listing", zones.addresses(d.code(), y, q, Math.max(1, page), PAGE_SIZE));
		return "zoning/admin/addresses";
	}

	@GetMapping(BASE + "/addresses/new")
	String newAddress(@RequestParam(required = false) String district, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal SignedIn who, Model model) {
		District d = scope.district(who, district);
		return addressPage(d, scope.year(year), null, who, new AddressForm("PRIMARY", "", "", "", "", false), Map.of(),
				model);
	}

	@GetMapping(BASE + "/addresses/{id}/edit")
	String editAddress(@PathVariable long id, @AuthenticationPrincipal SignedIn who, Model model) {
		AddressView address = address(id, who);
		return addressPage(scope.district(who, address.districtCode()), address.year(), id, who,
				AddressForm.of(address), Map.of(), model);
	}

	@PostMapping(BASE + "/addresses")
	String saveAddress(@RequestParam(required = false) String district, @RequestParam int year,
			@RequestParam(required = false) Long id, @ModelAttribute AddressForm form,
			@AuthenticationPrincipal SignedIn who, Model model, Locale locale, RedirectAttributes redirect) {
		District d = scope.district(who, district);
		Map<String, String> errors = new LinkedHashMap<>();
		EntryLevel level = "JUNIOR".equals(form.level()) ? EntryLevel.JUNIOR : EntryLevel.PRIMARY;
		if (blank(form.standardText()) || form.standardText().strip().length() < 2
				|| form.standardText().strip().length() > 200) {
			errors.put("standardText", text("zoning.import.error.address-length", locale));
		}
		if (blank(form.zoneName())) {
			errors.put("zoneName", text("zoning.admin.error.address-zone", locale));
		}
		List<String> aliases = list(form.aliases());
		if (aliases.stream().anyMatch(a -> a.length() < 2 || a.length() > 200)) {
			errors.put("aliases", text("zoning.import.error.alias-length", locale));
		}
		boolean compound = Boolean.TRUE.equals(form.multiSchoolCompound());
		if (errors.isEmpty() && compound
				&& zones.zones(d.code(), year)
					.stream()
					.anyMatch(z -> z.level() == level && z.name().equals(form.zoneName().strip())
							&& z.lotterySchoolCodes().isEmpty())) {
			errors.put("multiSchoolCompound", text("zoning.import.error.compound-needs-lottery", locale));
		}
		if (errors.isEmpty()) {
			AddressMapping mapping = new AddressMapping(d.code(), year, level, form.zoneName().strip(),
					form.standardText(), form.building(), aliases, compound);
			try {
				if (id != null) {
					address(id, who);
					zones.replaceAddress(id, mapping, actor(who));
				}
				else if (zones.addressesOf(d.code(), year)
					.stream()
					.anyMatch(a -> a.level() == level && ImportPlanner.addressKey(a.standardText())
						.equals(ImportPlanner.addressKey(mapping.standardText())))) {
					errors.put("standardText", messages.getMessage("zoning.admin.error.address-taken",
							new Object[] { mapping.standardText() }, locale));
				}
				else {
					zones.saveAddress(mapping, actor(who));
				}
			}
			catch (InvalidZoningData invalid) {
				errors.putAll(fieldErrors(invalid.problems(), locale));
			}
		}
		if (!errors.isEmpty()) {
			return addressPage(d, year, id, who, form, errors, model);
		}
		redirect.addFlashAttribute("notice", "zoning.admin.saved");
		return "redirect:" + BASE + "/addresses?district=" + d.code() + "&year=" + year + "&q="
				+ encode(form.standardText().strip());
	}

	@GetMapping(BASE + "/addresses/{id}/delete")
	String confirmAddressDeletion(@PathVariable long id, @AuthenticationPrincipal SignedIn who, Model model) {
		AddressView address = address(id, who);
		District d = scope.district(who, address.districtCode());
		common(d, address.year(), who, model);
		model.addAttribute("what", address.year() + " " + address.standardText() + " → " + address.zoneName());
		model.addAttribute("consequence", null);
		model.addAttribute("action", BASE + "/addresses/" + id + "/delete");
		model.addAttribute("back", BASE + "/addresses?district=" + d.code() + "&year=" + address.year());
		return "zoning/admin/delete";
	}

	@PostMapping(BASE + "/addresses/{id}/delete")
	String deleteAddress(@PathVariable long id, @AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		AddressView address = address(id, who);
		zones.deleteAddress(id, actor(who));
		redirect.addFlashAttribute("notice", "zoning.admin.deleted");
		return "redirect:" + BASE + "/addresses?district=" + address.districtCode() + "&year=" + address.year();
	}

	private String addressPage(District d, int year, Long id, SignedIn who, AddressForm form,
			Map<String, String> errors, Model model) {
		common(d, year, who, model);
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zoneList", zones.zones(d.code(), year));
		return "zoning/admin/address";
	}

	private AddressView address(long id, SignedIn who) {
		AddressView address = zones.address(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		scope.require(who, address.districtCode());
		return address;
	}

	// shared

	private void common(District d, int year, SignedIn who, Model model) {
		model.addAttribute("district", d);
		model.addAttribute("districts", scope.choosable(who, d));
		model.addAttribute("year", year);
	}

	private Map<String, String> schoolNames(District d) {
		Map<String, String> names = new LinkedHashMap<>();
		schools.inDistrict(d.code()).forEach(s -> names.put(s.code(), s.name()));
		return names;
	}

	/** Problems by form field; an import column's key is the form field's name here. */
	private Map<String, String> fieldErrors(List<ZoningProblem> problems, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ZoningProblem problem : problems) {
			String field = switch (String.valueOf(problem.field())) {
				case "seats_per_year" -> "seats";
				case "school_code" -> "schoolCode";
				case "lottery_school_codes" -> "lotterySchoolCodes";
				case "zone_name" -> "zoneName";
				case "standard_text" -> "standardText";
				case "district_code", "null" -> "form";
				default -> problem.field();
			};
			errors.merge(field,
					messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale),
					(a, b) -> a + " " + b);
		}
		return errors;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static Actor actor(SignedIn who) {
		return Actor.of(who.username(), who.role().name());
	}

	private static Integer integer(String text) {
		try {
			return (text == null) ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String text) {
		return (text == null) ? "" : text.strip();
	}

	private static List<String> list(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[;；,，、\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
