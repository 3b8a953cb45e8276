package org.ruxue.app.primary;

import java.beans.PropertyDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.ruxue.app.Resubmission;
import org.ruxue.app.Resubmissions;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Primary entry's forms for the resubmission test: the family's registration and
 * cancellation, the district's review, the school's confirmation.
 */
@Component
class PrimaryResubmissions implements Resubmissions {

	private static final SignedIn OFFICER = PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG);

	private static final SignedIn TEACHER = PrimaryFixtures.teacher(PrimaryFixtures.DONGCHENG,
			PrimaryFixtures.DC_SCHOOL);

	private final PrimaryFixtures fixtures;

	private final PrimaryRegistrations registrations;

	private final IdentityChecks checks;

	private final JdbcClient jdbc;

	PrimaryResubmissions(PrimaryFixtures fixtures, PrimaryRegistrations registrations, IdentityChecks checks,
			JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.registrations = registrations;
		this.checks = checks;
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Supplier<Resubmission>> forms() {
		Map<String, Supplier<Resubmission>> forms = new LinkedHashMap<>();
		forms.put("POST /primary/{district}/register", () -> {
			PrimaryFixtures.Family family = family("重交报名");
			return Resubmission.post("/primary/110101/register", family.signedIn(),
					() -> count("family_account = ?", family.signedIn().id().value()),
					fields(family.form(PrimaryFixtures.DC_ADDRESS)));
		});
		forms.put("POST /district/primary/new", () -> {
			PrimaryFixtures.Family family = family("重交代报");
			return Resubmission.post("/district/primary/new?district=110101", OFFICER,
					() -> count("child_name = ?", family.childName()), fields(family.form(PrimaryFixtures.DC_ADDRESS)));
		});
		forms.put("POST /primary/mine/{id}/cancel", () -> {
			PrimaryFixtures.Family family = family("重交撤销");
			Registration r = submitted(family);
			return Resubmission.post("/primary/mine/" + r.id() + "/cancel", family.signedIn(), () -> state(r),
					"version", Integer.toString(r.version()), "reason", "搬家了", "confirmed", "yes");
		});
		for (String decision : new String[] { "approve", "return", "reject", "cancel" }) {
			forms.put("POST /district/primary/{id}/{decision} " + decision, () -> {
				Registration r = verified(family("重交审核"));
				return Resubmission.post("/district/primary/" + r.id() + "/" + decision, OFFICER, () -> state(r),
						"version", Integer.toString(r.version()), "reason", "材料与户籍不符");
			});
		}
		forms.put("POST /school/forms/{id}/{action} accept", () -> {
			Registration r = approved(family("重交确认"));
			return Resubmission.post("/school/forms/" + r.id() + "/accept", TEACHER, () -> state(r), "version",
					Integer.toString(r.version()));
		});
		forms.put("POST /school/forms/{id}/{action} problem", () -> {
			Registration r = approved(family("重交问题"));
			return Resubmission.post("/school/forms/" + r.id() + "/problem", TEACHER,
					() -> state(r) + " " + registrations.byId(r.id()).orElseThrow().problemReport(), "version",
					Integer.toString(r.version()), "problem", "家长未到校");
		});
		return forms;
	}

	private PrimaryFixtures.Family family(String name) {
		fixtures.world();
		return fixtures.family(name);
	}

	private Registration submitted(PrimaryFixtures.Family family) {
		return registrations.submit(PrimaryFixtures.DONGCHENG, family.form(PrimaryFixtures.DC_ADDRESS),
				family.signedIn());
	}

	private Registration verified(PrimaryFixtures.Family family) {
		Registration r = submitted(family);
		while (checks.checkDue(Instant.now().plusSeconds(3600L * 24 * 365 * 20)) > 0) {
			// until nothing is due
		}
		return registrations.byId(r.id()).orElseThrow();
	}

	private Registration approved(PrimaryFixtures.Family family) {
		Registration r = verified(family);
		return registrations.approve(r.id(), r.version(), OFFICER);
	}

	private String state(Registration r) {
		Registration now = registrations.byId(r.id()).orElseThrow();
		return now.status() + " v" + now.version();
	}

	private long count(String where, Object value) {
		return jdbc.sql("select count(*) from primary_registration where " + where)
			.param(value)
			.query(Long.class)
			.single();
	}

	/** The form's fields as the page sends them, its idempotency key included. */
	private static Map<String, String> fields(RegistrationForm form) {
		Map<String, String> fields = new LinkedHashMap<>();
		BeanWrapperImpl bean = new BeanWrapperImpl(form);
		for (PropertyDescriptor p : bean.getPropertyDescriptors()) {
			Object value = bean.isReadableProperty(p.getName()) ? bean.getPropertyValue(p.getName()) : null;
			if (value instanceof String text && !p.getName().equals("class")) {
				fields.put(p.getName(), text);
			}
		}
		return fields;
	}

}
