package org.ruxue.app.registry;

import java.util.List;
import java.util.NoSuchElementException;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A district officer's students of junior-high entry (R-J1): their district's list,
 * paged, ID numbers masked, and one student with its enrollment path (R-G9). Every list
 * page and every student opened is on the record. The city picks the district.
 */
@Controller
class DistrictStudentsController {

	private final Students students;

	private final Districts districts;

	private final Tables tables;

	private final java.time.ZoneId zone;

	DistrictStudentsController(Students students, Districts districts, Tables tables,
			@org.springframework.beans.factory.annotation.Value("${ruxue.time-zone}") String zone) {
		this.students = students;
		this.districts = districts;
		this.tables = tables;
		this.zone = java.time.ZoneId.of(zone);
	}

	/**
	 * The list's columns (issue 12). The list is too long to arrange in memory (a
	 * district has tens of thousands of students), so the facade sorts and pages it in
	 * the database by the columns it has an order for ({@link Students#LIST_ORDERS}) and
	 * streams the download; the filter is the exact education ID or name.
	 */
	static final List<Column<Student>> COLUMNS = List.of(
			Column.text("education-id", "registry.import.column.education_id", Student::educationId),
			Column.text("name", "registry.import.column.name", Student::name),
			Column.text("id-number", "registry.import.column.id_number", Student::maskedIdNumber).unsorted(),
			Column.text("school", "registry.import.column.school_code", Student::schoolCode),
			Column.text("class", "registry.import.column.class_name", Student::className),
			Column.number("year", "registry.students.year", Student::entryYear));

	@GetMapping("/district/students")
	ModelAndView list(@RequestParam(required = false) String district, @RequestParam(required = false) String q,
			TableQuery table, @AuthenticationPrincipal SignedIn who, Model model) {
		String code = (who.role() == Role.CITY_ADMIN)
				? ((district != null && districts.byCode(district).isPresent()) ? district : "110101")
				: who.districtCode();
		// ?q= is the list's older name for the filter, kept for bookmarks
		String filter = (table.filter() != null) ? table.filter() : q;
		TableQuery query = new TableQuery(table.sort(), table.dir(), filter, table.page(), table.size(),
				table.format());
		if (query.download() != null) {
			return tables.download("students-" + code, query.download(), COLUMNS, each -> students
				.forEachInDistrict(code, query.filter(), query.sort(), query.descending(), who, each::accept));
		}
		StudentListing listing = students.inDistrict(code, query.filter(), query.sort(), query.descending(),
				query.pageNumber() - 1, query.pageSize(), who);
		model.addAttribute("district", districts.byCode(code).map(District::name).orElse(code));
		model.addAttribute("districtCode", code);
		model.addAttribute("districts", (who.role() == Role.CITY_ADMIN) ? districts.all() : List.of());
		TableQuery shown = new TableQuery(query.sort(), query.dir(), filter, String.valueOf(listing.page() + 1),
				query.size(), null);
		return tables.showPage("registry/students", COLUMNS, shown, listing.students(), listing.total(),
				(filter == null || filter.isBlank()) ? listing.total() : students.countInDistrict(code, who),
				"registry.students.query", model);
	}

	@GetMapping("/district/students/{id}")
	String open(@PathVariable String id, @AuthenticationPrincipal SignedIn who, Model model) {
		Student student = students.open(id, "district-students", who);
		model.addAttribute("student", student);
		model.addAttribute("path", students.path(student.educationId()));
		model.addAttribute("zone", zone);
		model.addAttribute("district", districts.byCode(student.districtCode()).map(District::name).orElse(""));
		return "registry/student";
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<String> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
	}

}
