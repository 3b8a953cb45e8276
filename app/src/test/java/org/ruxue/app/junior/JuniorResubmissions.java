package org.ruxue.app.junior;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.ruxue.app.Resubmission;
import org.ruxue.app.Resubmissions;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.registry.Student;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Junior entry's forms for the resubmission test: the family's confirmation, error report
 * and choices, the answers to reports, newly arrived students, routes outside the draw
 * and the transfer chain (R-J2 to R-J7).
 */
@Component
class JuniorResubmissions implements Resubmissions {

	private static final String DISTRICT = "110105";

	private static final AtomicInteger next = new AtomicInteger();

	private final JuniorFixtures juniors;

	private final PreferenceFixtures preferences;

	private final TransferFixtures transferWorld;

	private final Confirmations confirmations;

	private final NewlyArrived newlyArrived;

	private final Transfers transfers;

	private final FamilyAccounts families;

	private final JdbcClient jdbc;

	JuniorResubmissions(JuniorFixtures juniors, PreferenceFixtures preferences, TransferFixtures transferWorld,
			Confirmations confirmations, NewlyArrived newlyArrived, Transfers transfers, FamilyAccounts families,
			JdbcClient jdbc) {
		this.juniors = juniors;
		this.preferences = preferences;
		this.transferWorld = transferWorld;
		this.confirmations = confirmations;
		this.newlyArrived = newlyArrived;
		this.transfers = transfers;
		this.families = families;
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Supplier<Resubmission>> forms() {
		Map<String, Supplier<Resubmission>> forms = new LinkedHashMap<>();
		forms.put("POST /junior/confirm", () -> {
			JuniorFixtures.Graduate g = graduate("重交确认");
			return Resubmission.post("/junior/confirm", g.family(), () -> steps(g.educationId(), "junior.confirmed"),
					"version", Integer.toString(g.student().version()));
		});
		forms.put("POST /junior/report", () -> {
			JuniorFixtures.Graduate g = graduate("重交报错");
			return Resubmission.post("/junior/report", g.family(), () -> count("junior_error_report", g.educationId()),
					"version", Integer.toString(g.student().version()), "text", "出生日期有误");
		});
		forms.put("POST /junior/preferences", () -> {
			preferences.preferencesOpen();
			preferences.district(DISTRICT, PreferenceFixtures.twoBatches());
			PreferenceFixtures.Family family = preferences.family(DISTRICT, "重交志愿");
			return Resubmission.post("/junior/preferences", family.signedIn(),
					() -> jdbc.sql("select coalesce(max(version), 0) from junior_preference where education_id = ?")
						.param(family.educationId())
						.query(Integer.class)
						.single(),
					"version", "0", "b1c1", PreferenceFixtures.junior(DISTRICT, 1), "b2c1",
					PreferenceFixtures.junior(DISTRICT, 2), "b2c2", PreferenceFixtures.junior(DISTRICT, 3));
		});
		forms.put("POST /district/junior/routes", () -> {
			preferences.preferencesOpen();
			preferences.district(DISTRICT, PreferenceFixtures.twoBatches());
			PreferenceFixtures.Family family = preferences.family(DISTRICT, "重交途径");
			return Resubmission.post("/district/junior/routes", preferences.officer(DISTRICT),
					() -> steps(family.educationId(), "junior.route.specialty"), "educationId", family.educationId(),
					"route", "SPECIALTY", "school", PreferenceFixtures.junior(DISTRICT, 2));
		});
		forms.put("POST /school/junior/corrections/{id}/correct", () -> {
			JuniorFixtures.Graduate g = graduate("重交更正");
			UUID report = report(g.family(), g.student());
			return Resubmission.post("/school/junior/corrections/" + report + "/correct",
					JuniorFixtures.teacher(JuniorFixtures.SCHOOL), () -> studentVersion(g.educationId()),
					correction(g.student()));
		});
		forms.put("POST /school/junior/corrections/{id}/uphold", () -> {
			JuniorFixtures.Graduate g = graduate("重交维持");
			UUID report = report(g.family(), g.student());
			return Resubmission.post("/school/junior/corrections/" + report + "/uphold",
					JuniorFixtures.teacher(JuniorFixtures.SCHOOL), () -> steps(g.educationId(), "junior.data-upheld"),
					"reason", "与学籍档案一致");
		});
		forms.put("POST /district/junior/corrections/{id}/correct", () -> {
			Arrived a = arrived("重交迁更");
			UUID report = report(a.family(), a.student());
			return Resubmission.post("/district/junior/corrections/" + report + "/correct",
					JuniorFixtures.officer("110102"), () -> studentVersion(a.student().educationId()),
					correction(a.student()));
		});
		forms.put("POST /district/junior/corrections/{id}/uphold", () -> {
			Arrived a = arrived("重交迁维");
			UUID report = report(a.family(), a.student());
			return Resubmission.post("/district/junior/corrections/" + report + "/uphold",
					JuniorFixtures.officer("110102"), () -> steps(a.student().educationId(), "junior.data-upheld"),
					"reason", "与户籍证明一致");
		});
		forms.put("POST /district/junior/newly-arrived", () -> {
			juniors.world();
			IdCardNumber child = child("重交迁入");
			String reference = "HK-RS-" + next.incrementAndGet();
			return Resubmission.post("/district/junior/newly-arrived", JuniorFixtures.officer("110102"),
					() -> jdbc.sql("select count(*) from junior_newly_arrived where proof_reference = ?")
						.param(reference)
						.query(Long.class)
						.single(),
					"proofKind", "HUKOU", "proofReference", reference, "childIdNumber", child.value(), "name", "重交迁入",
					"guardianName", "重交迁入家长", "mobile", JuniorFixtures.freshMobile());
		});
		forms.put("POST /school/junior/transfers", () -> {
			TransferFixtures.Graduate g = transferGraduate("重交转区");
			StartTransferForm form = TransferFixtures.toXicheng(g);
			return Resubmission.post("/school/junior/transfers", TransferFixtures.teacher(),
					() -> count("junior_transfer", g.educationId()), "educationId", form.educationId(), "kind",
					form.kind(), "toDistrict", form.toDistrict(), "address", form.address(), "note", form.note());
		});
		forms.put("POST /school/junior/transfers/{id}/{action} signed", () -> {
			Transfer t = printed(transferGraduate("重交签字"));
			return transferForm("/school/junior/transfers/", t, "signed", TransferFixtures.teacher(), "familySigned",
					"true", "schoolSigned", "true");
		});
		forms.put("POST /school/junior/transfers/{id}/{action} submit", () -> {
			Transfer t = signed(transferGraduate("重交转提"));
			return transferForm("/school/junior/transfers/", t, "submit", TransferFixtures.teacher());
		});
		forms.put("POST /school/junior/transfers/{id}/{action} withdraw", () -> {
			Transfer t = started(transferGraduate("重交转撤"));
			return transferForm("/school/junior/transfers/", t, "withdraw", TransferFixtures.teacher());
		});
		forms.put("POST /school/junior/transfers/{id}/{action} approve", () -> {
			Transfer t = submitted(transferGraduate("重交校批"));
			return transferForm("/school/junior/transfers/", t, "approve", TransferFixtures.teacher());
		});
		forms.put("POST /school/junior/transfers/{id}/{action} reject", () -> {
			Transfer t = submitted(transferGraduate("重交校拒"));
			return transferForm("/school/junior/transfers/", t, "reject", TransferFixtures.teacher(), "reason", "材料不全");
		});
		forms.put("POST /district/junior/transfers/{id}/{decision} approve", () -> {
			Transfer t = schoolApproved(transferGraduate("重交区批"));
			return transferForm("/district/junior/transfers/", t, "approve",
					TransferFixtures.officer(TransferFixtures.DONGCHENG));
		});
		forms.put("POST /district/junior/transfers/{id}/{decision} reject", () -> {
			Transfer t = schoolApproved(transferGraduate("重交区拒"));
			return transferForm("/district/junior/transfers/", t, "reject",
					TransferFixtures.officer(TransferFixtures.DONGCHENG), "reason", "户籍未迁");
		});
		return forms;
	}

	private JuniorFixtures.Graduate graduate(String name) {
		juniors.world();
		return juniors.graduate(name);
	}

	/**
	 * A newly arrived student of Xicheng, whose reports the district answers, with its
	 * family.
	 */
	private record Arrived(Student student, SignedIn family) {

	}

	private Arrived arrived(String name) {
		juniors.world();
		IdCardNumber child = child(name);
		Student student = newlyArrived.register(new NewlyArrivedForm("HUKOU", "HK-RS-" + next.incrementAndGet(),
				child.value(), name, name + "家长", JuniorFixtures.freshMobile()), JuniorFixtures.officer("110102"));
		AccountId account = families.ofChild(child).orElseThrow();
		String username = families.contact(account).orElseThrow().username();
		return new Arrived(student, new SignedIn(account, username, name, Role.PARENT, "110102", null));
	}

	private IdCardNumber child(String name) {
		return juniors.register.newPerson(name, "110102", LocalDate.of(2005, 3, 1).plusDays(next.incrementAndGet()),
				"110102", false);
	}

	private UUID report(SignedIn family, Student student) {
		return confirmations.reportError(family, student.version(), "姓名有误").id();
	}

	private static Map<String, String> correction(Student s) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("version", Integer.toString(s.version()));
		fields.put("name", s.name() + "改");
		fields.put("sex", s.sex());
		fields.put("birthDate", s.birthDate().toString());
		fields.put("className", (s.className() != null) ? s.className() : "");
		fields.put("hukouDistrictCode", (s.hukouDistrictCode() != null) ? s.hukouDistrictCode() : "");
		fields.put("guardianName", s.guardianName());
		return fields;
	}

	private TransferFixtures.Graduate transferGraduate(String name) {
		transferWorld.world();
		return transferWorld.graduate(name);
	}

	private Transfer started(TransferFixtures.Graduate g) {
		return transfers.start(TransferFixtures.toXicheng(g), TransferFixtures.teacher());
	}

	private Transfer printed(TransferFixtures.Graduate g) {
		Transfer t = started(g);
		transfers.printForm(t.id(), TransferFixtures.teacher());
		return transfers.open(t.id(), "test", TransferFixtures.teacher());
	}

	private Transfer signed(TransferFixtures.Graduate g) {
		Transfer t = printed(g);
		return transfers.markSigned(t.id(), t.version(), true, true, TransferFixtures.teacher());
	}

	private Transfer submitted(TransferFixtures.Graduate g) {
		Transfer t = signed(g);
		return transfers.submit(t.id(), t.version(), TransferFixtures.teacher());
	}

	private Transfer schoolApproved(TransferFixtures.Graduate g) {
		Transfer t = submitted(g);
		return transfers.approve(t.id(), t.version(), TransferFixtures.teacher());
	}

	private Resubmission transferForm(String base, Transfer t, String action, SignedIn who, String... more) {
		String[] fields = new String[more.length + 2];
		fields[0] = "version";
		fields[1] = Integer.toString(t.version());
		System.arraycopy(more, 0, fields, 2, more.length);
		return Resubmission.post(base + t.id() + "/" + action, who,
				() -> jdbc.sql("select status || ' v' || version from junior_transfer where id = ?")
					.param(t.id().value())
					.query(String.class)
					.single(),
				fields);
	}

	private long steps(String educationId, String step) {
		return jdbc.sql("select count(*) from student_path_step where education_id = ? and step = ?")
			.params(educationId, step)
			.query(Long.class)
			.single();
	}

	private int studentVersion(String educationId) {
		return jdbc.sql("select version from student where education_id = ?")
			.param(educationId)
			.query(Integer.class)
			.single();
	}

	private long count(String table, String educationId) {
		return jdbc.sql("select count(*) from " + table + " where education_id = ?")
			.param(educationId)
			.query(Long.class)
			.single();
	}

}
