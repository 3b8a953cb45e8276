package org.ruxue.app.calendar;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface EnrollmentYears extends ListCrudRepository<EnrollmentYear, Integer> {

	List<EnrollmentYear> findAllByOrderByYearAsc();

}
