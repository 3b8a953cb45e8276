package org.ruxue.app.primary;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family's browser, reduced to the requests it sends: sign in, open the registration
 * form, submit it, and when the answer is a 503 wait as Retry-After says and submit the
 * same form again (its idempotency key unchanged), as the page tells them to. Redirects
 * are not followed, so that the answer to the submission itself is what counts: a
 * redirect to the registration is the acknowledgement.
 */
final class FamilyOverHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern REGISTRATION = Pattern.compile("/primary/mine/([0-9a-f-]{36})$");

	/** What the family saw: the statuses of every answer, by kind. */
	record Outcome(String registrationId, int unavailable, int serverErrors, String lastUnexpected) {

	}

	private String base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private int unavailable;

	private int serverErrors;

	private String lastUnexpected;

	FamilyOverHttp(String base) {
		this.base = base;
	}

	/** Goes on at another node: the session cookie goes along (same host). */
	void moveTo(String otherBase) {
		this.base = otherBase;
	}

	/**
	 * A page as the family's browser gets it (with its session), redirects not followed.
	 */
	HttpResponse<String> page(String path) throws IOException, InterruptedException {
		return get(path);
	}

	/** Signs in once; true when the platform let the family in. */
	boolean signIn(PrimaryFixtures.Family family, String password) throws IOException, InterruptedException {
		HttpResponse<String> login = get("/login");
		if (login.statusCode() != 200) {
			return false;
		}
		HttpResponse<String> answer = post("/login/family", Map.of("identifier", family.child().value(), "childName",
				family.childName(), "password", password, "_csrf", csrf(login.body())));
		return isRedirect(answer) && !location(answer).contains("error");
	}

	/**
	 * Opens the form and submits the given fields once; the answer as it came.
	 * @throws IOException when the node went away before it answered
	 */
	HttpResponse<String> submitOnce(Map<String, String> fields) throws IOException, InterruptedException {
		String district = PrimaryFixtures.DONGCHENG;
		String form = get("/primary/" + district + "/register").body();
		Map<String, String> submission = new LinkedHashMap<>(fields);
		submission.put("_csrf", csrf(form));
		return post("/primary/" + district + "/register", submission);
	}

	/** The registration a redirect acknowledges, or null. */
	static String acknowledged(HttpResponse<String> answer) {
		Matcher registered = REGISTRATION.matcher(isRedirect(answer) ? location(answer) : "");
		return registered.find() ? registered.group(1) : null;
	}

	/**
	 * Signs in and registers, retrying after every 503 until {@code deadline} (nanoTime).
	 */
	Outcome register(PrimaryFixtures.Family family, String password, long deadline) throws InterruptedException {
		String district = PrimaryFixtures.DONGCHENG;
		Map<String, String> fields = fields(family.form(PrimaryFixtures.DC_ADDRESS));
		boolean signedIn = false;
		while (System.nanoTime() < deadline) {
			try {
				if (!signedIn) {
					String login = expectPage(get("/login"));
					if (login == null) {
						continue;
					}
					HttpResponse<String> answer = post("/login/family", Map.of("identifier", family.child().value(),
							"childName", family.childName(), "password", password, "_csrf", csrf(login)));
					if (!isRedirect(answer) || location(answer).contains("error")) {
						note(answer);
						continue;
					}
					signedIn = true;
				}
				String form = expectPage(get("/primary/" + district + "/register"));
				if (form == null) {
					continue;
				}
				Map<String, String> submission = new LinkedHashMap<>(fields);
				submission.put("_csrf", csrf(form));
				HttpResponse<String> answer = post("/primary/" + district + "/register", submission);
				Matcher registered = REGISTRATION.matcher(isRedirect(answer) ? location(answer) : "");
				if (registered.find()) {
					return new Outcome(registered.group(1), unavailable, serverErrors, lastUnexpected);
				}
				note(answer);
			}
			catch (IOException ex) {
				lastUnexpected = ex.toString();
				Thread.sleep(200);
			}
		}
		return new Outcome(null, unavailable, serverErrors, lastUnexpected);
	}

	/** The page's body on a 200; on a 503 waits and returns null; else notes it. */
	private String expectPage(HttpResponse<String> answer) throws InterruptedException {
		if (answer.statusCode() == 200) {
			return answer.body();
		}
		note(answer);
		return null;
	}

	private void note(HttpResponse<String> answer) throws InterruptedException {
		int status = answer.statusCode();
		if (status == 503) {
			unavailable++;
			long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
			// the test waits less than it is told, to keep going through the outage
			Thread.sleep(Math.min(seconds, 1) * 500);
			return;
		}
		if (status >= 500) {
			serverErrors++;
		}
		lastUnexpected = status + " " + answer.uri() + " " + answer.headers().firstValue("Location").orElse("") + " "
				+ answer.body().substring(0, Math.min(300, answer.body().length()));
		Thread.sleep(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "zh-CN")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		StringBuilder body = new StringBuilder();
		form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Accept-Language", "zh-CN")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static boolean isRedirect(HttpResponse<String> answer) {
		return answer.statusCode() == 302 || answer.statusCode() == 303;
	}

	private static String location(HttpResponse<String> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return m.group(1);
	}

	/** The form's fields as the page posts them, by property name. */
	static Map<String, String> fields(RegistrationForm form) {
		Map<String, String> fields = new LinkedHashMap<>();
		try {
			for (PropertyDescriptor p : Introspector.getBeanInfo(RegistrationForm.class, Object.class)
				.getPropertyDescriptors()) {
				Object value = p.getReadMethod().invoke(form);
				if (value instanceof String text) {
					fields.put(p.getName(), text);
				}
			}
		}
		catch (IntrospectionException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
		return fields;
	}

}
