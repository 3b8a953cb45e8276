package org.ruxue.app.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.audit.Actor;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;
import org.ruxue.app.registry.NewStudent;
import org.ruxue.app.registry.Student;
import org.ruxue.app.registry.Students;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every mapped endpoint, called by every role against another family's, school's and
 * district's records: refused (401, 403, 404 or the way to sign-in) or answered without
 * any of their data. The endpoints come from the handler mapping, so a new endpoint
 * without an entry in {@link #MATRIX} fails this test until someone decides who may call
 * it.
 */
@IntegrationTest
class AccessMatrixTest {

	/** Who may call an endpoint at all; which records they then see is AccessPolicy's. */
	enum Access {

		/** Anyone, signed in or not: public information, or the way to sign in. */
		PUBLIC,
		/** Any signed-in account, about itself only. */
		SIGNED_IN,
		/** District officers (their district's records) and the city. */
		DISTRICT_OR_CITY,
		/** The city administrator only. */
		CITY,
		/** Families only, about their own child. */
		FAMILY,
		/** School staff only, about their district's forms. */
		SCHOOL

	}

	/**
	 * Access and, where the endpoint takes one, a query aimed at the victim's records.
	 */
	record Entry(Access access, String query) {

		static Entry of(Access access) {
			return new Entry(access, "");
		}

	}

	static final Map<String, Entry> MATRIX = Map.ofEntries(Map.entry("GET /", Entry.of(Access.PUBLIC)),
			Map.entry("GET /help", Entry.of(Access.PUBLIC)), Map.entry("GET /login", Entry.of(Access.PUBLIC)),
			Map.entry("POST /login", Entry.of(Access.PUBLIC)), Map.entry("POST /login/family", Entry.of(Access.PUBLIC)),
			Map.entry("GET /login/new-password", Entry.of(Access.PUBLIC)),
			Map.entry("POST /login/new-password", Entry.of(Access.PUBLIC)),
			Map.entry("GET /family/activate", Entry.of(Access.PUBLIC)),
			Map.entry("POST /family/activate", new Entry(Access.PUBLIC, "identifier={victimId}&childName=x&mobile=")),
			Map.entry("POST /family/activate/confirm", Entry.of(Access.PUBLIC)),
			Map.entry("GET /family/reset", Entry.of(Access.PUBLIC)),
			Map.entry("POST /family/reset", new Entry(Access.PUBLIC, "identifier={victimId}&childName=x")),
			Map.entry("POST /family/reset/confirm", Entry.of(Access.PUBLIC)),
			Map.entry("GET /error", Entry.of(Access.PUBLIC)), Map.entry("POST /error", Entry.of(Access.PUBLIC)),
			Map.entry("GET /error/problem", Entry.of(Access.PUBLIC)),
			Map.entry("POST /error/problem", Entry.of(Access.PUBLIC)), Map.entry("GET /zones", Entry.of(Access.PUBLIC)),
			Map.entry("GET /zones/lookup", Entry.of(Access.PUBLIC)),
			// R-Z2: the identity-gated lookup is public; the ID number it asks for is its
			// gate
			Map.entry("GET /zones/gated", Entry.of(Access.PUBLIC)),
			Map.entry("POST /zones/gated", Entry.of(Access.PUBLIC)),
			Map.entry("GET /api/v1/zones/lookup", Entry.of(Access.PUBLIC)),
			Map.entry("GET /api/v1/calendar", Entry.of(Access.PUBLIC)),
			Map.entry("GET /api/v1/calendar/{year}", Entry.of(Access.PUBLIC)),
			Map.entry("GET /dev/sms", Entry.of(Access.PUBLIC)), Map.entry("GET /account", Entry.of(Access.SIGNED_IN)),
			Map.entry("GET /account/password", Entry.of(Access.SIGNED_IN)),
			Map.entry("POST /account/password", Entry.of(Access.SIGNED_IN)),
			Map.entry("GET /account/mobile", Entry.of(Access.SIGNED_IN)),
			Map.entry("POST /account/mobile", Entry.of(Access.SIGNED_IN)),
			Map.entry("POST /account/mobile/confirm", Entry.of(Access.SIGNED_IN)),
			Map.entry("GET /inbox", Entry.of(Access.SIGNED_IN)),
			Map.entry("POST /inbox/read", Entry.of(Access.SIGNED_IN)),
			Map.entry("POST /inbox/{id}/read", Entry.of(Access.SIGNED_IN)),
			Map.entry("GET /staff/accounts", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /staff/accounts",
					new Entry(Access.DISTRICT_OR_CITY,
							"username=mx-intruder&displayName=x&scope=" + TestSchools.DONGCHENG
									+ "&initialPassword=an+intruders+password")),
			Map.entry("GET /staff/families", new Entry(Access.DISTRICT_OR_CITY, "q={victimId}")),
			Map.entry("GET /staff/families/{id}", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /staff/families/{id}/password-reset", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /staff/families/{id}/mobile", new Entry(Access.DISTRICT_OR_CITY, "mobile=13912345678")),
			Map.entry("GET /admin/calendar", Entry.of(Access.CITY)),
			Map.entry("GET /admin/calendar/{year}", Entry.of(Access.CITY)),
			Map.entry("POST /admin/calendar/{year}", Entry.of(Access.CITY)),
			Map.entry("GET /admin/audit", Entry.of(Access.CITY)),
			Map.entry("POST /admin/audit/verification", Entry.of(Access.CITY)),
			Map.entry("GET /api/v1/admin/audit/verification", Entry.of(Access.CITY)),
			Map.entry("GET /admin/notifications/failures", Entry.of(Access.CITY)),
			Map.entry("POST /admin/notifications/failures/{id}/retry", Entry.of(Access.CITY)),
			Map.entry("GET /primary", Entry.of(Access.PUBLIC)),
			Map.entry("GET /primary/{district}/register", Entry.of(Access.FAMILY)),
			Map.entry("POST /primary/{district}/register", Entry.of(Access.FAMILY)),
			Map.entry("GET /primary/mine", Entry.of(Access.FAMILY)),
			Map.entry("GET /primary/mine/{id}", Entry.of(Access.FAMILY)),
			Map.entry("GET /primary/mine/{id}/cancel", Entry.of(Access.FAMILY)),
			Map.entry("GET /primary/mine/{id}/form.pdf", Entry.of(Access.FAMILY)),
			Map.entry("POST /primary/mine/{id}/cancel", new Entry(Access.FAMILY, "version=0&reason=x&confirmed=yes")),
			Map.entry("GET /district/primary", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("GET /district/primary/{id}", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/primary/{id}/{decision}",
					new Entry(Access.DISTRICT_OR_CITY, "version=0&reason=x")),
			Map.entry("GET /district/primary/new", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/primary/new", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("GET /district/primary/export.xlsx", Entry.of(Access.DISTRICT_OR_CITY)),
			// study permits (R-P7, R-P15)
			Map.entry("GET /permits", Entry.of(Access.PUBLIC)),
			Map.entry("GET /permits/{district}/apply", Entry.of(Access.FAMILY)),
			Map.entry("POST /permits/{district}/apply",
					new Entry(Access.FAMILY, "childIdNumber={victimId}&childName=x")),
			Map.entry("GET /permits/mine/{id}", Entry.of(Access.FAMILY)),
			Map.entry("POST /permits/mine/{id}/details", Entry.of(Access.FAMILY)),
			Map.entry("POST /permits/mine/{id}/scans", Entry.of(Access.FAMILY)),
			Map.entry("POST /permits/mine/{id}/remove-scan", Entry.of(Access.FAMILY)),
			Map.entry("POST /permits/mine/{id}/{decision}", new Entry(Access.FAMILY, "version=0")),
			Map.entry("GET /permits/mine/scans/{id}", Entry.of(Access.FAMILY)),
			Map.entry("GET /district/permits", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("GET /district/permits/{id}", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/permits/{id}/check",
					new Entry(Access.DISTRICT_OR_CITY, "version=0&document=1&result=ACCEPTED")),
			Map.entry("POST /district/permits/{id}/{decision}",
					new Entry(Access.DISTRICT_OR_CITY, "version=0&reason=x")),
			Map.entry("GET /district/permits/scans/{id}", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("GET /district/permits/settings", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/permits/settings",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&publishesOn=2017-05-10")),
			// zoning maintenance and import (issue 5), aimed at the victim's district
			Map.entry("GET /district/zoning", new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/addresses",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/addresses/new",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/addresses/{id}/delete",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/addresses/{id}/edit",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/import", new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/import/template/{kind}.{format}",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/import/{id}",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/import/{id}/progress",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/schools", new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/schools/new",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/schools/{code}/delete",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/schools/{code}/edit",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/zones", new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/zones/new",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/zones/{id}/delete",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("GET /district/zoning/zones/{id}/edit",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/addresses",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/addresses/{id}/delete",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/import", new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/import/{id}/cancel",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/import/{id}/confirm",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/schools", new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/schools/{code}/delete",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/settings",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/zones", new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			Map.entry("POST /district/zoning/zones/{id}/delete",
					new Entry(Access.DISTRICT_OR_CITY, "district=110101&year=2017")),
			// the high-school opportunity query (issue 10, R-G1): open; its figures and
			// eligibility text are the city's
			Map.entry("GET /high-school-opportunities", Entry.of(Access.PUBLIC)),
			Map.entry("GET /high-school-opportunities/compare", new Entry(Access.PUBLIC, "school={code}")),
			Map.entry("GET /high-school-opportunities/{code}", Entry.of(Access.PUBLIC)),
			Map.entry("GET /api/v1/high-school-opportunities", Entry.of(Access.PUBLIC)),
			Map.entry("GET /api/v1/high-school-opportunities/{code}", Entry.of(Access.PUBLIC)),
			Map.entry("GET /admin/high-school-opportunities", Entry.of(Access.CITY)),
			Map.entry("GET /admin/high-school-opportunities/template.{format}", Entry.of(Access.CITY)),
			Map.entry("POST /admin/high-school-opportunities/eligibility",
					new Entry(Access.CITY, "textZh=intruder&textEn=&version=0")),
			Map.entry("POST /admin/high-school-opportunities/import", Entry.of(Access.CITY)),
			Map.entry("GET /admin/high-school-opportunities/import/{id}", Entry.of(Access.CITY)),
			Map.entry("GET /admin/high-school-opportunities/import/{id}/progress", Entry.of(Access.CITY)),
			Map.entry("POST /admin/high-school-opportunities/import/{id}/confirm", Entry.of(Access.CITY)),
			Map.entry("POST /admin/high-school-opportunities/import/{id}/cancel", Entry.of(Access.CITY)),
			// junior entry: confirmation, corrections, newly arrived students, the path
			// (R-J2, R-J3, R-J5, R-G9)
			Map.entry("GET /junior", Entry.of(Access.FAMILY)), Map.entry("GET /junior/path", Entry.of(Access.FAMILY)),
			Map.entry("POST /junior/confirm", new Entry(Access.FAMILY, "version=0")),
			Map.entry("POST /junior/report", new Entry(Access.FAMILY, "version=0&text=x")),
			Map.entry("GET /school/junior/corrections", Entry.of(Access.SCHOOL)),
			Map.entry("GET /school/junior/corrections/{id}", Entry.of(Access.SCHOOL)),
			Map.entry("POST /school/junior/corrections/{id}/correct",
					new Entry(Access.SCHOOL, "version=0&name=x&sex=MALE&birthDate=2005-01-01")),
			Map.entry("POST /school/junior/corrections/{id}/uphold", new Entry(Access.SCHOOL, "reason=x")),
			Map.entry("GET /school/junior/students/{id}/path", Entry.of(Access.SCHOOL)),
			Map.entry("GET /district/junior/corrections", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("GET /district/junior/corrections/{id}", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/junior/corrections/{id}/correct",
					new Entry(Access.DISTRICT_OR_CITY, "version=0&name=x&sex=MALE&birthDate=2005-01-01")),
			Map.entry("POST /district/junior/corrections/{id}/uphold", new Entry(Access.DISTRICT_OR_CITY, "reason=x")),
			Map.entry("GET /district/junior/newly-arrived", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/junior/newly-arrived", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("GET /staff/students/{id}/path", Entry.of(Access.DISTRICT_OR_CITY)),
			// junior entry: batches (the city), preferences (the family), routes outside
			// the draw (the district) (R-J7)
			Map.entry("GET /admin/junior/batches", Entry.of(Access.CITY)),
			Map.entry("GET /admin/junior/batches/{district}", Entry.of(Access.CITY)),
			Map.entry("POST /admin/junior/batches/{district}",
					new Entry(Access.CITY,
							"year=2017&version=0&name1=intruder&choices1=1&scope1=DISTRICT&confirmed=yes")),
			Map.entry("GET /junior/preferences", Entry.of(Access.FAMILY)),
			Map.entry("POST /junior/preferences", new Entry(Access.FAMILY, "version=0&b1c1=" + TestSchools.DONGCHENG)),
			Map.entry("GET /junior/preferences/receipt", Entry.of(Access.FAMILY)),
			// chance estimates (issue 9): the family's own chances, the city's runs, the
			// districts' applicants per seat in the open
			Map.entry("GET /junior/chances", Entry.of(Access.FAMILY)),
			Map.entry("GET /admin/placement/estimates", Entry.of(Access.CITY)),
			Map.entry("GET /admin/placement/estimates/progress", Entry.of(Access.CITY)),
			Map.entry("POST /admin/placement/estimates/run", new Entry(Access.CITY, "year=2017&district=110101")),
			Map.entry("GET /api/v1/placement/estimates/{year}", Entry.of(Access.PUBLIC)),
			Map.entry("GET /district/junior/routes", new Entry(Access.DISTRICT_OR_CITY, "district=110101")),
			Map.entry("POST /district/junior/routes",
					new Entry(Access.DISTRICT_OR_CITY,
							"district=110101&educationId=X1234&route=RECOMMENDED&school=" + TestSchools.DONGCHENG)),
			// issue 8, R-J1: the city imports the registry's graduates; districts read
			// their own students, each read on the record
			// issue 9: the city's draws (R-J7), their public record (R-G8), the families'
			// results and the decisions after them
			Map.entry("GET /admin/draws", Entry.of(Access.CITY)),
			Map.entry("POST /admin/draws",
					new Entry(Access.CITY,
							"level=JUNIOR&year=2017&scope=110101&mechanism=DEFERRED_ACCEPTANCE"
									+ "&tieBreaking=SINGLE&drawOn=2099-07-05&entropyRule=x")),
			Map.entry("GET /admin/draws/{id}", Entry.of(Access.CITY)),
			Map.entry("GET /admin/draws/{id}/progress", Entry.of(Access.CITY)),
			Map.entry("POST /admin/draws/{id}/draw", new Entry(Access.CITY, "entropy=x&entropyAgain=x")),
			Map.entry("POST /admin/draws/{id}/publish", Entry.of(Access.CITY)),
			Map.entry("GET /lottery", Entry.of(Access.PUBLIC)), Map.entry("GET /lottery/{id}", Entry.of(Access.PUBLIC)),
			Map.entry("GET /lottery/{id}/snapshot.txt", Entry.of(Access.PUBLIC)),
			Map.entry("GET /lottery/{id}/entropy.txt", Entry.of(Access.PUBLIC)),
			Map.entry("GET /lottery/{id}/result.txt", Entry.of(Access.PUBLIC)),
			Map.entry("GET /junior/result", Entry.of(Access.FAMILY)),
			Map.entry("GET /primary/result", Entry.of(Access.FAMILY)),
			Map.entry("GET /admin/results/{id}", Entry.of(Access.CITY)),
			Map.entry("POST /admin/results/{id}", new Entry(Access.CITY, "lotteryId=X&reason=xx")),
			Map.entry("GET /district/admission/overflow", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/admission/overflow",
					new Entry(Access.DISTRICT_OR_CITY, "drawId=00000000-0000-0000-0000-000000000000&lotteryId=X")),
			Map.entry("GET /admin/registry", Entry.of(Access.CITY)),
			Map.entry("POST /admin/registry/import", new Entry(Access.CITY, "year=2017")),
			Map.entry("POST /admin/registry/fetch", new Entry(Access.CITY, "year=2017")),
			Map.entry("GET /admin/registry/import/{id}", Entry.of(Access.CITY)),
			Map.entry("GET /admin/registry/import/{id}/progress", Entry.of(Access.CITY)),
			Map.entry("POST /admin/registry/import/{id}/confirm", Entry.of(Access.CITY)),
			Map.entry("POST /admin/registry/import/{id}/cancel", Entry.of(Access.CITY)),
			// R-G3: the city hands new enrollments over to the student registry
			Map.entry("GET /admin/registry/handoff", new Entry(Access.CITY, "year=2017")),
			Map.entry("GET /admin/registry/handoff/export",
					new Entry(Access.CITY, "year=2017&level=JUNIOR&format=csv")),
			Map.entry("POST /admin/registry/handoff/send",
					new Entry(Access.CITY, "year=2017&level=JUNIOR&confirmed=yes")),
			Map.entry("GET /admin/registry/handoff/reconciliation", new Entry(Access.CITY, "year=2017&level=JUNIOR")),
			Map.entry("GET /admin/registry/handoff/reconciliation.csv",
					new Entry(Access.CITY, "year=2017&level=JUNIOR")),
			Map.entry("GET /district/students", new Entry(Access.DISTRICT_OR_CITY, "district=110101&q=")),
			Map.entry("GET /district/students/{id}", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("GET /school/forms", Entry.of(Access.SCHOOL)),
			// junior transfers (R-J4): the school's pages and the district's queues
			Map.entry("GET /school/junior/transfers", Entry.of(Access.SCHOOL)),
			Map.entry("POST /school/junior/transfers",
					new Entry(Access.SCHOOL, "educationId=JUNIORVICTIM1&kind=HUKOU&toDistrict=110102&address=x")),
			Map.entry("GET /school/junior/transfers/{id}", Entry.of(Access.SCHOOL)),
			Map.entry("GET /school/junior/transfers/{id}/form.pdf", Entry.of(Access.SCHOOL)),
			Map.entry("POST /school/junior/transfers/{id}/{action}",
					new Entry(Access.SCHOOL, "version=0&reason=x&familySigned=true&schoolSigned=true")),
			Map.entry("GET /district/junior/transfers", new Entry(Access.DISTRICT_OR_CITY, "district=110101")),
			Map.entry("GET /district/junior/transfers/{id}", Entry.of(Access.DISTRICT_OR_CITY)),
			Map.entry("POST /district/junior/transfers/{id}/{decision}",
					new Entry(Access.DISTRICT_OR_CITY, "version=0&reason=x")),
			Map.entry("POST /school/forms/{id}/{action}", new Entry(Access.SCHOOL, "version=0&problem=x")),
			// issue 9: the open statistics of the published draws are anyone's; a draw
			// not published answers 404 like an unknown one
			Map.entry("GET /lottery/statistics", Entry.of(Access.PUBLIC)),
			Map.entry("GET /lottery/{drawId}/statistics", Entry.of(Access.PUBLIC)),
			Map.entry("GET /lottery/{drawId}/statistics/{schoolCode}", Entry.of(Access.PUBLIC)),
			Map.entry("GET /lottery/{drawId}/statistics.csv", Entry.of(Access.PUBLIC)),
			Map.entry("GET /lottery/{drawId}/statistics.xlsx", Entry.of(Access.PUBLIC)));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	RegisterEntries register;

	@Autowired
	FamilyAccounts families;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceZones zones;

	@Autowired
	Students students;

	private IdCardNumber victimChild;

	private long victimZone;

	private String victimStudent;

	private long victimAddress;

	private AccountId victim;

	private final String victimMobile = Mobiles.fresh();

	@BeforeEach
	void aDongchengFamilyAndSchoolAsVictims() {
		TestSchools.ensure(jdbc);
		victimZone = zones.saveZone(
				new ZoneDefinition("110101", 2017, EntryLevel.PRIMARY, "矩阵东城片", TestSchools.DONGCHENG, List.of()),
				Actor.SYSTEM);
		victimAddress = zones.saveAddress(
				new AddressMapping("110101", 2017, EntryLevel.PRIMARY, "矩阵东城片", "矩阵东城小区", null, List.of(), false),
				Actor.SYSTEM);
		victimChild = register.newChildInDongcheng("矩阵受害");
		victim = families.provision(victimChild, "矩阵受害", null, new MobileNumber(victimMobile));
		victimStudent = "MX" + Math.abs(System.nanoTime() % 1_000_000_000_000L);
		students.register(new NewStudent(victimStudent, victimChild, "矩阵受害", victimChild.isMale() ? "MALE" : "FEMALE",
				victimChild.birthDate(), 2017, TestSchools.DONGCHENG, "六(1)班", "110101", "110101", "矩阵家长",
				new MobileNumber(victimMobile), Student.Origin.REGISTRY), Actor.SYSTEM);
		if (!staff.exists("mx-dongcheng-teacher")) {
			staff.create(new NewAccount("mx-dongcheng-teacher", "东城受害老师", Role.SCHOOL_STAFF, "110101",
					TestSchools.DONGCHENG), "victim teacher password", false, Actor.SYSTEM);
		}
	}

	@Test
	void everyEndpointHasAnEntry() {
		Set<String> missing = new TreeSet<>(endpoints());
		missing.removeAll(MATRIX.keySet());

		assertThat(missing).as("endpoints without an entry in the access matrix").isEmpty();
	}

	@Test
	void noRoleReachesAnotherFamilysSchoolsOrDistrictsRecords() throws Exception {
		IdCardNumber otherChild = register.newChildInDongcheng("矩阵家长");
		AccountId otherFamily = families.provision(otherChild, "矩阵家长", null, new MobileNumber(Mobiles.fresh()));
		Map<String, SignedIn> attackers = Map.of("parent of another family",
				new SignedIn(otherFamily, "family-other", "矩阵家长", Role.PARENT, "110101", null),
				"school staff of another district",
				new SignedIn(AccountId.random(), "mx-xicheng-teacher", "西城老师", Role.SCHOOL_STAFF, "110102",
						TestSchools.XICHENG),
				"officer of another district",
				new SignedIn(AccountId.random(), "mx-xicheng-officer", "西城区教委", Role.DISTRICT_OFFICER, "110102", null));
		List<String> leaks = new ArrayList<>();
		for (String endpoint : endpoints()) {
			Entry entry = MATRIX.get(endpoint);
			if (entry == null) {
				continue; // everyEndpointHasAnEntry fails for it
			}
			leaks.addAll(check(endpoint, entry, "anonymous", null));
			for (var attacker : attackers.entrySet()) {
				leaks.addAll(check(endpoint, entry, attacker.getKey(), attacker.getValue()));
			}
		}

		assertThat(leaks).isEmpty();
		assertThat(staff.exists("mx-intruder")).isFalse();
		assertThat(families.find(victimChild.value()).orElseThrow().mobile().value()).isEqualTo(victimMobile);
	}

	private List<String> check(String endpoint, Entry entry, String who, SignedIn as) throws Exception {
		MockHttpServletResponse response = call(endpoint, entry, as);
		int status = response.getStatus();
		String body = response.getContentAsString();
		List<String> problems = new ArrayList<>();
		boolean permitted = switch (entry.access()) {
			case PUBLIC -> true;
			case SIGNED_IN -> as != null;
			// a district officer reaches a console, but never a record of another
			// district
			case DISTRICT_OR_CITY -> as != null && as.role() == Role.DISTRICT_OFFICER && !endpoint.contains("{id}");
			case CITY -> false;
			case FAMILY -> as != null && as.role() == Role.PARENT && !endpoint.contains("{id}");
			case SCHOOL -> as != null && as.role() == Role.SCHOOL_STAFF && !endpoint.contains("{id}");
		};
		boolean refused = status == 401 || status == 403 || status == 404
				|| (status == 302 && String.valueOf(response.getRedirectedUrl()).contains("/login"));
		if (!permitted && !refused) {
			problems.add(endpoint + " as " + who + ": answered " + status);
		}
		// the error pages themselves answer 500 when called without an error
		if (status >= 500 && !endpoint.contains(" /error")) {
			problems.add(endpoint + " as " + who + ": failed with " + status);
		}
		for (String data : List.of("矩阵受害", victimChild.masked(), victimChild.value(), victim.value().toString(),
				new MobileNumber(victimMobile).masked(), "东城受害老师")) {
			boolean echoed = data.equals(victimChild.value()) && entry.query().contains("{victimId}");
			if (body.contains(data) && !echoed) {
				problems.add(endpoint + " as " + who + ": shows " + data);
			}
		}
		return problems;
	}

	private MockHttpServletResponse call(String endpoint, Entry entry, SignedIn as) throws Exception {
		String[] parts = endpoint.split(" ", 2);
		String id = parts[1].contains("/district/students/") ? victimStudent : parts[1].contains("/zoning/zones/")
				? Long.toString(victimZone)
				: parts[1].contains("/zoning/addresses/") ? Long.toString(victimAddress) : victim.value().toString();
		String path = parts[1].replace("{id}", id)
			.replace("{year}", "2017")
			.replace("{district}", "110101")
			.replace("{decision}", "approve")
			.replace("{action}", "accept")
			.replace("{code}", TestSchools.DONGCHENG)
			.replace("{kind}", "schools")
			.replace("{format}", "csv")
			.replace("{drawId}", victim.value().toString())
			.replace("{schoolCode}", TestSchools.DONGCHENG);
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path).with(csrf());
		for (String pair : entry.query().replace("{victimId}", victimChild.value()).split("&")) {
			if (!pair.isEmpty()) {
				String[] kv = pair.split("=", 2);
				request.param(kv[0], kv[1].replace('+', ' '));
			}
		}
		if (as != null) {
			request.with(user(as));
		}
		return mvc.perform(request.accept("text/html")).andReturn().getResponse();
	}

	private Set<String> endpoints() {
		Set<String> found = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("org.ruxue")
					&& !fromTestSources(method.getBeanType())) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
							: methods) {
						found.add(m.name() + " " + pattern);
					}
				}
			}
		});
		return found;
	}

	/**
	 * Controllers of the test sources (deliberate failures) are not the application's.
	 */
	private static boolean fromTestSources(Class<?> type) {
		return String.valueOf(type.getProtectionDomain().getCodeSource().getLocation()).contains("test-classes");
	}

}
