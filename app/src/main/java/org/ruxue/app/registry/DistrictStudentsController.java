package org.ruxue.app.registry;

import java.util.NoSuchElementException;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
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

/**
 * A district officer's students of junior-high entry (R-J1): their district's list,
 * paged, ID numbers masked, and one student with its enrollment path (R-G9). Every list
 * page and every student opened is on the record. The city picks the district.
 */
@Controller
class DistrictStudentsController {

	private static final int PAGE_SIZE = 50;

	private final Students students;

	private final Districts districts;

	private final java.time.ZoneId zone;

	DistrictStudentsController(Students students, Districts districts,
			@org.springframework.beans.factory.annotation.Value("${ruxue.time-zone}") String zone) {
		this.students = students;
		this.districts = districts;
		this.zone = java.time.ZoneId.of(zone);
	}

	@GetMapping("/district/students")
	String list(@RequestParam(required = false) String district, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedIn who, Model model) {
		String code = (who.role() == Role.CITY_ADMIN)
				? ((district != null && districts.byCode(district).isPresent()) ? district : "110101")
				: who.districtCode();
		StudentListing listing = students.inDistrict(code, q, page, PAGE_SIZE, who);
		model.addAttribute("listing", listing);
		model.addAttribute("district", districts.byCode(code).map(District::name).orElse(code));
		model.addAttribute("districtCode", code);
		model.addAttribute("districts", (who.role() == Role.CITY_ADMIN) ? districts.all() : java.util.List.of());
		model.addAttribute("q", q);
		return "registry/students";
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
