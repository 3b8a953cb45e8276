package org.ruxue.app.junior;

import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A student's enrollment path for staff within their scope (R-G9): the district's, the
 * graduating school's and the city's; each read is on the record.
 */
@Controller
class StudentPathController {

	private final Students students;

	private final JuniorPages pages;

	StudentPathController(Students students, JuniorPages pages) {
		this.students = students;
		this.pages = pages;
	}

	@GetMapping({ "/staff/students/{id}/path", "/school/junior/students/{id}/path" })
	String path(@PathVariable String id, @AuthenticationPrincipal SignedIn staff, Model model) {
		Student student = JuniorPages.found(() -> students.open(id, "enrollment path", staff));
		pages.path(student, students.path(student.educationId()), model);
		model.addAttribute("family", false);
		return "junior/path";
	}

}
