package org.ruxue.app.identity;

import java.util.ArrayList;
import java.util.List;

import java.time.LocalDate;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.population.RegisteredChildren;
import org.ruxue.app.population.RegisteredChildren.RegisteredChild;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.Schools;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts for every staff role, printed at start-up so a visitor can sign in. They
 * exist only in the demo profile, and their one shared password is public: nothing real
 * may ever run with this profile.
 */
@Component
@Profile("demo")
@Order(40)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "ruxue-demo-2017";

	private final StaffAccounts accounts;

	private final Districts districts;

	private final Schools schools;

	private final int port;

	private final FamilyAccounts families;

	private final RegisteredChildren children;

	DemoAccounts(StaffAccounts accounts, Districts districts, Schools schools, FamilyAccounts families,
			RegisteredChildren children,
			@org.springframework.beans.factory.annotation.Value("${server.port:8080}") int port) {
		this.port = port;
		this.families = families;
		this.children = children;
		this.accounts = accounts;
		this.districts = districts;
		this.schools = schools;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<NewAccount> demo = new ArrayList<>();
		demo.add(new NewAccount("city-admin", "市教委管理员", Role.CITY_ADMIN, null, null));
		for (District district : districts.all()) {
			demo.add(new NewAccount("district-" + district.code(), district.name() + "教委", Role.DISTRICT_OFFICER,
					district.code(), null));
			schools.inDistrict(district.code())
				.stream()
				.findFirst()
				.ifPresent(school -> demo.add(new NewAccount("school-" + school.code().toLowerCase(), school.name(),
						Role.SCHOOL_STAFF, district.code(), school.code())));
		}
		for (NewAccount account : demo) {
			if (!accounts.exists(account.username())) {
				accounts.create(account, PASSWORD, false, Actor.SYSTEM);
			}
		}
		print(demo);
		demoFamilies();
	}

	/**
	 * Two children of primary-entry age from the demo register: the first family has an
	 * active account (education ID and password), the second none yet, to try activation.
	 */
	private void demoFamilies() {
		List<RegisteredChild> found = children.bornBetween(LocalDate.of(2010, 9, 1), LocalDate.of(2011, 8, 31), 2);
		if (found.size() < 2) {
			return;
		}
		RegisteredChild active = found.get(0);
		if (families.find(active.idNumber().value()).isEmpty()) {
			AccountId id = families.provision(active.idNumber(), active.name(), "G" + active.idNumber().value(),
					new MobileNumber("13800000001"));
			families.activateWithoutCode(id, new MobileNumber("13800000001"), PASSWORD);
		}
		RegisteredChild inactive = found.get(1);
		StringBuilder text = new StringBuilder(
				"=== ruxue demo families (codes are printed by the SMS log gateway) ===\n");
		text.append("  active:     education ID G" + active.idNumber().value() + ", child " + active.name()
				+ ", password " + PASSWORD + ", mobile 13800000001\n");
		text.append("  to activate (primary entry): ID number " + inactive.idNumber().value() + ", child "
				+ inactive.name() + ", any mobile\n");
		System.out.println(text);
	}

	private void print(List<NewAccount> demo) {
		StringBuilder text = new StringBuilder("\n=== ruxue demo accounts (password for all: " + PASSWORD + ") ===\n");
		for (NewAccount account : demo) {
			text.append(String.format("  %-18s %-24s %s%n", account.role(), account.username(), account.displayName()));
		}
		text.append("  Sign in at http://localhost:" + port + "/login\n");
		System.out.println(text);
	}

}
