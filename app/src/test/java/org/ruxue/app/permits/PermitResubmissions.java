package org.ruxue.app.permits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.ruxue.app.Resubmission;
import org.ruxue.app.Resubmissions;
import org.ruxue.app.identity.SignedIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;

/**
 * Study permits' forms for the resubmission test: the family's application, details,
 * scans and steps, the district's checks and decisions (R-P7, R-P15).
 */
@Component
class PermitResubmissions implements Resubmissions {

	private static final SignedIn OFFICER = PermitFixtures.officer(PermitFixtures.DONGCHENG);

	private final PermitFixtures fixtures;

	private final PermitApplications applications;

	private final JdbcClient jdbc;

	PermitResubmissions(PermitFixtures fixtures, PermitApplications applications, JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.applications = applications;
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Supplier<Resubmission>> forms() {
		Map<String, Supplier<Resubmission>> forms = new LinkedHashMap<>();
		forms.put("POST /permits/{district}/apply", () -> {
			PermitFixtures.Family family = family("重交五证");
			return Resubmission.post("/permits/110101/apply", family.signedIn(),
					() -> jdbc.sql("select count(*) from permit_application where family_account = ?")
						.param(family.signedIn().id().value())
						.query(Long.class)
						.single(),
					"childIdNumber", family.child().value(), "childName", family.childName());
		});
		forms.put("POST /permits/mine/{id}/details", () -> {
			PermitFixtures.Family family = family("重交详情");
			PermitApplication a = start(family);
			Map<String, String> fields = new LinkedHashMap<>(PermitFixtures.details(a));
			fields.put("version", Integer.toString(a.version()));
			return Resubmission.post("/permits/mine/" + a.id() + "/details", family.signedIn(), () -> state(a), fields);
		});
		forms.put("POST /permits/mine/{id}/scans", () -> {
			PermitFixtures.Family family = family("重交扫描");
			PermitApplication a = start(family);
			return Resubmission
				.post("/permits/mine/" + a.id() + "/scans", family.signedIn(), () -> scans(a), "document", "1")
				.with(new MockMultipartFile("file", "employment.pdf", "application/pdf", PermitFixtures.pdf()));
		});
		forms.put("POST /permits/mine/{id}/remove-scan", () -> {
			PermitFixtures.Family family = family("重交删扫");
			PermitApplication a = start(family);
			var scan = applications.addScan(a.id(), 1, "employment.pdf", PermitFixtures.pdf(), family.signedIn());
			return Resubmission.post("/permits/mine/" + a.id() + "/remove-scan", family.signedIn(), () -> scans(a),
					"scan", scan.id().toString());
		});
		forms.put("POST /permits/mine/{id}/{decision} submit", () -> {
			PermitFixtures.Family family = family("重交提交");
			PermitApplication a = readyToSubmit(family);
			return Resubmission.post("/permits/mine/" + a.id() + "/submit", family.signedIn(), () -> state(a),
					"version", Integer.toString(a.version()));
		});
		forms.put("POST /permits/mine/{id}/{decision} withdraw", () -> {
			PermitFixtures.Family family = family("重交撤回");
			PermitApplication a = submitted(family);
			return Resubmission.post("/permits/mine/" + a.id() + "/withdraw", family.signedIn(), () -> state(a),
					"version", Integer.toString(a.version()));
		});
		forms.put("POST /district/permits/{id}/check", () -> {
			PermitApplication a = submitted(family("重交核对"));
			return Resubmission.post("/district/permits/" + a.id() + "/check", OFFICER,
					() -> state(a) + " " + current(a).documents().get(0).check(), "version",
					Integer.toString(a.version()), "document", "1", "result", "INSUFFICIENT", "note", "缺少公章");
		});
		forms.put("POST /district/permits/{id}/{decision} more", () -> {
			PermitApplication a = submitted(family("重交补充"));
			return Resubmission.post("/district/permits/" + a.id() + "/more", OFFICER, () -> state(a), "version",
					Integer.toString(a.version()), "note", "请补交社保证明", "dueOn", "2017-05-20");
		});
		forms.put("POST /district/permits/{id}/{decision} approve", () -> {
			PermitApplication a = acceptAll(submitted(family("重交批准")));
			return Resubmission.post("/district/permits/" + a.id() + "/approve", OFFICER, () -> state(a), "version",
					Integer.toString(a.version()));
		});
		forms.put("POST /district/permits/{id}/{decision} reject", () -> {
			PermitApplication a = submitted(family("重交不批"));
			return Resubmission.post("/district/permits/" + a.id() + "/reject", OFFICER, () -> state(a), "version",
					Integer.toString(a.version()), "reason", "就业材料不实");
		});
		forms.put("POST /district/permits/{id}/{decision} revoke", () -> {
			PermitFixtures.Family family = family("重交撤销");
			// decided after the publication day: released at once, a permit to revoke
			applications.setPublicationDay(PermitFixtures.DONGCHENG, 2017, "2017-05-01", OFFICER);
			PermitApplication accepted = acceptAll(submitted(family));
			PermitApplication a = applications.approve(accepted.id(), accepted.version(), OFFICER);
			return Resubmission.post("/district/permits/" + a.id() + "/revoke", OFFICER, () -> state(a), "version",
					Integer.toString(a.version()), "reason", "就业材料不实");
		});
		return forms;
	}

	private PermitFixtures.Family family(String name) {
		fixtures.world();
		return fixtures.family(name);
	}

	private PermitApplication start(PermitFixtures.Family family) {
		return applications.start(PermitFixtures.DONGCHENG, family.child().value(), family.childName(),
				family.signedIn());
	}

	private PermitApplication readyToSubmit(PermitFixtures.Family family) {
		PermitApplication a = start(family);
		a = applications.saveDetails(a.id(), a.version(), PermitFixtures.details(a), family.signedIn());
		for (PermitApplication.Document d : a.documents()) {
			applications.addScan(a.id(), d.position(), d.code().toLowerCase() + ".pdf", PermitFixtures.pdf(),
					family.signedIn());
		}
		return applications.openForFamily(a.id(), family.signedIn());
	}

	private PermitApplication submitted(PermitFixtures.Family family) {
		PermitApplication a = readyToSubmit(family);
		return applications.submit(a.id(), a.version(), family.signedIn());
	}

	private PermitApplication acceptAll(PermitApplication a) {
		PermitApplication current = current(a);
		for (PermitApplication.Document d : current.documents()) {
			current = applications.checkDocument(a.id(), current.version(), d.position(), DocumentCheck.ACCEPTED, null,
					OFFICER);
		}
		return current;
	}

	private PermitApplication current(PermitApplication a) {
		return applications.byId(a.id()).orElseThrow();
	}

	private String state(PermitApplication a) {
		PermitApplication now = current(a);
		return now.status() + " v" + now.version();
	}

	private long scans(PermitApplication a) {
		return jdbc.sql("select count(*) from permit_scan where application_id = ?")
			.param(a.id().value())
			.query(Long.class)
			.single();
	}

}
