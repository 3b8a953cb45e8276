package org.ruxue.app.primary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district officer's review (R-P3, R-P6, R-P8, R-P11): the queue with its filters, a
 * registration with masked personal data, approve, return for correction, reject, cancel
 * after the window, register an over-age child for a family, the export. Every read is on
 * the record.
 */
@Controller
class DistrictReviewController {

	/** Far above a district's registrations in a year: the table pages them all. */
	private static final int QUEUE_LIMIT = 20_000;

	/**
	 * The queue's columns (issue 12): sorted, filtered and downloaded by the staff table.
	 */
	static final List<Column<PrimaryRegistrations.QueueLine>> COLUMNS = List.of(
			Column.text("number", "primary.field.number", PrimaryRegistrations.QueueLine::number),
			Column.text("name", "primary.field.childName", PrimaryRegistrations.QueueLine::maskedName),
			Column.text("zone", "primary.field.zone", PrimaryRegistrations.QueueLine::zone),
			Column.number("category", "primary.field.category", PrimaryRegistrations.QueueLine::category),
			Column.message("status", "primary.field.status", line -> line.status().messageKey()),
			Column.message("check", "primary.field.check", line -> line.check().messageKey()),
			Column.time("submitted", "primary.field.submittedAt", PrimaryRegistrations.QueueLine::submittedAt));

	private final PrimaryRegistrations registrations;

	private final Districts districts;

	private final RegistrationPages pages;

	private final Tables tables;

	DistrictReviewController(PrimaryRegistrations registrations, Districts districts, RegistrationPages pages,
			Tables tables) {
		this.registrations = registrations;
		this.districts = districts;
		this.pages = pages;
		this.tables = tables;
	}

	@GetMapping("/district/primary")
	ModelAndView queue(@RequestParam(required = false) String district, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer category, @RequestParam(required = false) String check,
			@RequestParam(required = false) String zone, @RequestParam(required = false) Boolean problem,
			TableQuery table, @AuthenticationPrincipal SignedIn officer, Model model) {
		District d = districtOf(officer, district);
		int year = registrations.currentYear().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var filter = new PrimaryRegistrations.QueueFilter(parse(RegistrationStatus.class, status), category,
				parse(IdentityCheck.class, check), zone, problem);
		model.addAttribute("district", d);
		model.addAttribute("districts", (officer.role() == Role.CITY_ADMIN) ? districts.all() : List.of(d));
		model.addAttribute("year", year);
		model.addAttribute("filter", filter);
		model.addAttribute("limit", QUEUE_LIMIT);
		model.addAttribute("zones", registrations.zonesOf(d.code(), year));
		model.addAttribute("statuses", RegistrationStatus.values());
		model.addAttribute("checks", IdentityCheck.values());
		return tables.show("primary/queue", "primary-queue-" + d.code() + "-" + year,
				registrations.queue(d.code(), year, filter, QUEUE_LIMIT, officer), COLUMNS, table, model);
	}

	@GetMapping("/district/primary/{id}")
	String detail(@PathVariable String id, @AuthenticationPrincipal SignedIn officer, Model model) {
		Registration registration = pages.open(id, officer, "district review");
		model.addAttribute("r", registration);
		pages.describe(registration, model);
		model.addAttribute("windowOpen", registrations.windowOpen(registration.year()));
		model.addAttribute("next", registrations.nextToReview(registration, officer).orElse(null));
		return "primary/review";
	}

	@PostMapping("/district/primary/{id}/{decision}")
	String decide(@PathVariable String id, @PathVariable String decision, @RequestParam int version,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal SignedIn officer, Model model,
			RedirectAttributes redirect) {
		Registration registration = pages.open(id, officer, "district review");
		try {
			switch (decision) {
				case "approve" -> registrations.approve(registration.id(), version, officer);
				case "return" -> registrations.returnForCorrection(registration.id(), version, reason, officer);
				case "reject" -> registrations.reject(registration.id(), version, reason, officer);
				case "cancel" -> registrations.cancel(registration.id(), version, reason, officer);
				default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", "primary.decided." + decision);
			return "redirect:/district/primary/" + registration.id();
		}
		catch (RegistrationRefused refused) {
			model.addAttribute("r", registration);
			pages.describe(registration, model);
			model.addAttribute("windowOpen", registrations.windowOpen(registration.year()));
			model.addAttribute("next", registrations.nextToReview(registration, officer).orElse(null));
			model.addAttribute("reason", reason);
			model.addAttribute("problems", pages.messages(refused.problems()));
			return "primary/review";
		}
	}

	/** R-P3: an over-age child, registered by the district for its family. */
	@GetMapping("/district/primary/new")
	String newForm(@RequestParam(required = false) String district, @AuthenticationPrincipal SignedIn officer,
			Model model) {
		District d = districtOf(officer, district);
		RegistrationForm form = new RegistrationForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		form.setHukouDistrict(d.code());
		model.addAttribute("byDistrict", true);
		return pages.form(d, form, List.of(), List.of(), model, "/district/primary/new?district=" + d.code());
	}

	@PostMapping("/district/primary/new")
	String register(@RequestParam(required = false) String district, @ModelAttribute RegistrationForm form,
			@AuthenticationPrincipal SignedIn officer, Model model) {
		District d = districtOf(officer, district);
		try {
			Registration registration = registrations.registerForFamily(d.code(), form, officer);
			return "redirect:/district/primary/" + registration.id();
		}
		catch (RegistrationRefused refused) {
			model.addAttribute("byDistrict", true);
			return pages.form(d, form, refused.problems(), refused.candidates(), model,
					"/district/primary/new?district=" + d.code());
		}
	}

	/**
	 * The district's registrations as a spreadsheet: ID numbers and mobiles masked, the
	 * read on the record.
	 */
	@GetMapping("/district/primary/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String district,
			@AuthenticationPrincipal SignedIn officer) throws IOException {
		District d = districtOf(officer, district);
		int year = registrations.currentYear().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<Registration> all = registrations.export(d.code(), year, officer);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(year + "-" + d.code());
			String[] header = { "登记号", "儿童姓名", "身份证号", "性别", "出生日期", "户籍类型", "户籍区", "户籍地址", "住房", "房产证日期", "产权人",
					"登记地址", "学区", "对口学校", "划片规则", "类别", "状态", "身份核验", "在京就读证明", "登记方式", "提交时间", "监护人1", "监护人1手机",
					"学校反映的问题" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			int n = 1;
			for (Registration r : all) {
				Row row = sheet.createRow(n++);
				Registration.Guardian first = r.guardians().isEmpty() ? null : r.guardians().get(0);
				Object[] values = { r.number(), r.childName(), r.childIdNumber().masked(), r.sex(), r.birthDate(),
						r.hukou(), (r.hukouDistrictCode() != null) ? pages.districtName(r.hukouDistrictCode()) : "",
						r.hukouAddress(), r.tenure(), r.certificateDate(), r.owner(), r.address(), r.zoneName(),
						String.join("、", pages.schoolNames(r)), r.zoningRule(),
						r.categoryPosition() + " " + r.categoryLabel(), r.status(), r.check(), r.studyPermitNumber(),
						r.registeredBy(), time.format(r.submittedAt()), (first != null) ? first.name() : "",
						(first != null) ? first.maskedMobile() : "", r.problemReport() };
				for (int i = 0; i < values.length; i++) {
					row.createCell(i).setCellValue((values[i] != null) ? values[i].toString() : "");
				}
			}
			workbook.write(out);
			workbook.dispose();
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("primary-" + year + "-" + d.code() + ".xlsx")
							.build()
							.toString())
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(out.toByteArray());
		}
	}

	/** An officer works in their own district; the city chooses one. */
	private District districtOf(SignedIn officer, String requested) {
		String code = (officer.role() == Role.CITY_ADMIN) ? ((requested != null) ? requested : "110101")
				: officer.districtCode();
		if (officer.role() != Role.CITY_ADMIN && requested != null && !requested.equals(code)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return districts.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
