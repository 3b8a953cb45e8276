package org.ruxue.app.primary;

import java.time.Instant;
import java.util.List;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.ZoneDefinition;

import org.springframework.stereotype.Component;

/**
 * Primary-entry fixtures for tests of other modules that draw (R-Z4, R-P5): a district's
 * primary schools with their seats, a multi-school zone whose compound maps to a lottery
 * set and a single-school zone, and children registered there by their families, verified
 * against the population register and approved by the district, so that they are in the
 * district's draw. A front to {@link PrimaryFixtures}.
 */
@Component
public class PrimaryDrawFixtures {

	private final PrimaryFixtures fixtures;

	private final PrimaryRegistrations registrations;

	private final IdentityChecks checks;

	PrimaryDrawFixtures(PrimaryFixtures fixtures, PrimaryRegistrations registrations, IdentityChecks checks) {
		this.fixtures = fixtures;
		this.registrations = registrations;
		this.checks = checks;
	}

	/** The 2017 calendar of the source: the collection window is open on the test day. */
	public void calendar2017() {
		Calendars.sourceYear2017(fixtures.calendar);
	}

	/** A primary school of the district with its seats of the year. */
	public void school(String code, String name, String district, int seats) {
		fixtures.jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values (?, ?, ?, 'PRIMARY', true, '测试地址', ?)
				on conflict (code) do update set seats_per_year = excluded.seats_per_year
				""").params(code, name, district, seats).update();
	}

	/**
	 * A zone of the district: its school, and the lottery set its compound address maps
	 * to whatever the certificate's date (empty: a single-school zone).
	 */
	public void zone(String district, String zone, String address, String school, List<String> lotterySet) {
		fixtures.zones.saveZone(new ZoneDefinition(district, 2017, EntryLevel.PRIMARY, zone, school, lotterySet),
				Actor.SYSTEM);
		fixtures.zones.saveAddress(new AddressMapping(district, 2017, EntryLevel.PRIMARY, zone, address, null,
				List.of(), !lotterySet.isEmpty()), Actor.SYSTEM);
	}

	/**
	 * A child registered at the address with its hukou there, verified and approved: the
	 * district's first category when the parents own the home, a later one when they
	 * rent.
	 */
	public void approvedChild(String district, String address, String name, boolean owned) {
		PrimaryFixtures.Family family = fixtures.family(name);
		RegistrationForm form = family.form(address);
		form.setHukouDistrict(district);
		form.setHukouAddress(address + "1号楼1单元101");
		if (!owned) {
			form.setHomeTenure("RENTED");
			form.setCertificateNumber(null);
			form.setCertificateDate(null);
			form.setOwner(null);
		}
		Registration submitted = registrations.submit(district, form, family.signedIn());
		while (checks.checkDue(Instant.now().plusSeconds(3600L * 24 * 365 * 20)) > 0) {
			// until nothing is due
		}
		Registration verified = registrations.byId(submitted.id()).orElseThrow();
		registrations.approve(verified.id(), verified.version(), PrimaryFixtures.officer(district));
	}

}
