package org.ruxue.app.identity;

import java.util.ArrayList;
import java.util.List;

import org.ruxue.app.audit.Actor;
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
@Order(30)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "ruxue-demo-2017";

	private final StaffAccounts accounts;

	private final Districts districts;

	private final Schools schools;

	private final int port;

	DemoAccounts(StaffAccounts accounts, Districts districts, Schools schools,
			@org.springframework.beans.factory.annotation.Value("${server.port:8080}") int port) {
		this.port = port;
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
