package org.ruxue.app.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Resubmission;
import org.ruxue.app.Resubmissions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Works on a slow connection (issue 12): every form a family or a deciding officer sends
 * is sent twice in a row with the very same body, CSRF token and hidden fields, as after
 * a first answer lost when the connection dropped. The second answer is the first one
 * (the same page or redirect, no error) and nothing is recorded twice. The forms come
 * from each module's {@link Resubmissions}; a form post the handler mapping knows that is
 * neither covered there nor excluded here with a reason fails this test.
 */
@IntegrationTest
class ResubmissionTest {

	/** Form posts not sent twice here, and why. */
	static final Map<String, String> NOT_COVERED = Map.ofEntries(
			Map.entry("POST /login", "signing in writes no record; a second sign-in is a sign-in"),
			Map.entry("POST /login/family", "signing in writes no record; a second sign-in is a sign-in"),
			Map.entry("POST /login/new-password",
					"the first password of a staff account; sent again, the old one no longer matches and the page "
							+ "says so, the new one signs in"),
			Map.entry("POST /account/password",
					"a change of password ends every session of the account (R-G5): a form sent again after a lost "
							+ "answer arrives without a session and leads to sign-in, where the new password works"),
			Map.entry("POST /error", "the error page"), Map.entry("POST /error/problem", "the error page"),
			Map.entry("POST /zones/gated", "a lookup: reads, writes only its own count limited per ID number (R-Z2)"),
			Map.entry("POST /inbox/read", "marks messages read: the same again changes nothing"),
			Map.entry("POST /inbox/{id}/read", "marks a message read: the same again changes nothing"),
			Map.entry("POST /staff/accounts", "account administration by the district or city, not a family form"),
			Map.entry("POST /staff/families/{id}/password-reset",
					"account administration: each reset sends a new temporary password by design"),
			Map.entry("POST /staff/families/{id}/mobile", "account administration: setting the same number again"),
			Map.entry("POST /admin/calendar/{year}", "the city's calendar; optimistic locking by version"),
			Map.entry("POST /admin/audit/verification", "verifies the audit chain: reads only"),
			Map.entry("POST /admin/notifications/failures/{id}/retry", "the city's operations page"),
			Map.entry("POST /district/permits/settings",
					"the district's settings, replaced whole (an upsert): the same again stores the same, with a "
							+ "second entry on the record"),
			Map.entry("POST /district/zoning/settings",
					"zoning maintenance (issue 5): saving unchanged data writes "
							+ "nothing (ServiceZones), not a family or decision form"),
			Map.entry("POST /district/zoning/schools",
					"zoning maintenance (issue 5): saving unchanged data writes nothing"),
			Map.entry("POST /district/zoning/schools/{code}/delete", "zoning maintenance (issue 5)"),
			Map.entry("POST /district/zoning/zones",
					"zoning maintenance (issue 5): saving unchanged data writes nothing"),
			Map.entry("POST /district/zoning/zones/{id}/delete", "zoning maintenance (issue 5)"),
			Map.entry("POST /district/zoning/addresses",
					"zoning maintenance (issue 5): saving unchanged data writes nothing"),
			Map.entry("POST /district/zoning/addresses/{id}/delete", "zoning maintenance (issue 5)"),
			Map.entry("POST /district/zoning/import", "an upload to a preview that is confirmed once"),
			Map.entry("POST /district/zoning/import/{id}/confirm", "an import is written once (ZoningImports)"),
			Map.entry("POST /district/zoning/import/{id}/cancel", "an import's preview, dropped"),
			Map.entry("POST /admin/high-school-opportunities/eligibility",
					"the city's texts: the ones stored already write nothing (HighSchoolOpportunities)"),
			Map.entry("POST /admin/high-school-opportunities/import", "an upload to a preview that is confirmed once"),
			Map.entry("POST /admin/high-school-opportunities/import/{id}/confirm",
					"an import is written once (OpportunityImports)"),
			Map.entry("POST /admin/high-school-opportunities/import/{id}/cancel", "an import's preview, dropped"),
			Map.entry("POST /admin/registry/import", "an upload to a preview that is confirmed once"),
			Map.entry("POST /admin/registry/fetch", "a fetch to a preview that is confirmed once"),
			Map.entry("POST /admin/registry/import/{id}/confirm", "an import is written once (GraduateImports)"),
			Map.entry("POST /admin/registry/import/{id}/cancel", "an import's preview, dropped"),
			Map.entry("POST /admin/registry/handoff/send",
					"idempotent by year, level and key, with the registry's idempotency keys (EnrollmentHandoffs)"),
			Map.entry("POST /admin/junior/batches/{district}", "the city's batches; optimistic locking by version"),
			Map.entry("POST /admin/placement/estimates/run", "a district busy with an estimate is not queued again"),
			Map.entry("POST /admin/draws", "the city's draws, each a deliberate, confirmed step"),
			Map.entry("POST /admin/draws/{id}/draw", "a draw runs once (Draws refuses a drawn one)"),
			Map.entry("POST /admin/draws/{id}/publish", "a draw is published once (Draws refuses a published one)"),
			Map.entry("POST /admin/results/{id}",
					"a correction sent twice is recorded once (Admissions); the draw it needs is PlacementJourneyTest's"),
			Map.entry("POST /district/admission/overflow",
					"an allocation sent twice is recorded once (Admissions); the draw it needs is PlacementJourneyTest's"));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	List<Resubmissions> modules;

	@Test
	void everyFormPostIsSentTwiceHereOrExcludedWithAReason() {
		Set<String> covered = new TreeSet<>();
		forms().forEach((key, form) -> covered.add(endpoint(key)));
		Set<String> missing = new TreeSet<>(posts());
		missing.removeAll(covered);
		missing.removeAll(NOT_COVERED.keySet());

		assertThat(missing).as("form posts neither sent twice nor excluded with a reason").isEmpty();
		assertThat(covered).as("covered and excluded at once").doesNotContainAnyElementsOf(NOT_COVERED.keySet());
		assertThat(posts()).as("endpoints that no longer exist").containsAll(covered).containsAll(NOT_COVERED.keySet());
	}

	@TestFactory
	Stream<DynamicTest> aFormSentTwiceIsAnsweredAsTheFirstTimeAndRecordedOnce() {
		return forms().entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(form -> DynamicTest.dynamicTest(form.getKey(), () -> sendTwice(form.getKey(), form.getValue().get())));
	}

	private void sendTwice(String name, Resubmission form) throws Exception {
		Object before = form.state().get();
		Answer first = send(form);
		Object afterFirst = form.state().get();
		Answer second = send(form);
		Object afterSecond = form.state().get();

		answeredWell(name + ", first", first);
		answeredWell(name + ", again", second);
		assertThat(afterFirst).as(name + ": the first sending recorded it").isNotEqualTo(before);
		assertThat(afterSecond).as(name + ": the second recorded nothing more").isEqualTo(afterFirst);
		assertThat(second.page()).as(name + ": the second answer is the first").isEqualTo(first.page());
		assertThat(second.notice()).as(name + ": the second answer's notice is the first's").isEqualTo(first.notice());
	}

	/**
	 * What the sender sees: the status, the page (the view or where it was sent), the
	 * notice it carries and the body.
	 */
	private record Answer(int status, String page, Object notice, Object warning, String body) {

	}

	private Answer send(Resubmission form) throws Exception {
		if (form.browser() != null) {
			HttpResponse<String> response = form.browser().submit(form.path(), form.fields());
			return new Answer(response.statusCode(), response.uri().getPath() + "?" + response.uri().getQuery(), null,
					null, response.body());
		}
		AbstractMockHttpServletRequestBuilder<?> request = (form.file() != null)
				? multipart(form.path()).file(form.file()) : post(form.path());
		form.fields().forEach(request::param);
		request.with(csrf()).accept("text/html");
		if (form.who() != null) {
			request.with(user(form.who()));
		}
		MvcResult result = mvc.perform(request).andReturn();
		return new Answer(result.getResponse().getStatus(), view(result), result.getFlashMap().get("notice"),
				result.getFlashMap().get("warning"), result.getResponse().getContentAsString());
	}

	private static void answeredWell(String what, Answer answer) {
		assertThat(answer.status()).as(what + ": status").isBetween(200, 399);
		assertThat(answer.body()).as(what + ": shows no error")
			.doesNotContain("alert-danger")
			.doesNotContain("is-invalid");
		assertThat(answer.warning()).as(what + ": warns of nothing").isNull();
	}

	private static String view(MvcResult result) {
		return (result.getModelAndView() != null) ? result.getModelAndView().getViewName()
				: Objects.toString(result.getResponse().getRedirectedUrl());
	}

	private Map<String, Supplier<Resubmission>> forms() {
		Map<String, Supplier<Resubmission>> all = new java.util.HashMap<>();
		modules.forEach(module -> all.putAll(module.forms()));
		return all;
	}

	/**
	 * "POST /junior/report" of "POST /junior/report" and "POST /x/{id}/{decision}
	 * approve".
	 */
	private static String endpoint(String key) {
		String[] parts = key.split(" ");
		return parts[0] + " " + parts[1];
	}

	private Set<String> posts() {
		Set<String> found = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			boolean ours = method.getBeanType().getPackageName().startsWith("org.ruxue")
					&& !String.valueOf(method.getBeanType().getProtectionDomain().getCodeSource().getLocation())
						.contains("test-classes");
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (ours && (methods.isEmpty() || methods.contains(RequestMethod.POST))) {
				info.getPatternValues().forEach(pattern -> found.add("POST " + pattern));
			}
		});
		return found;
	}

}
