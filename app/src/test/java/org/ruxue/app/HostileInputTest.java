package org.ruxue.app;

import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile input against every endpoint (issue 11): oversized fields, control characters,
 * mixed scripts, SQL and HTML injection, malformed dates, ID numbers and numbers, sent by
 * an anonymous visitor to every endpoint and by a signed-in family to its forms, with a
 * valid, a forged and no CSRF token. Each answer is a client error or a page, never a
 * server error, a stack trace or an unescaped echo; a refused post stores nothing. The
 * endpoints and their parameters come from the handler mapping, so a new form is fuzzed
 * without anyone listing it.
 */
@IntegrationTest
class HostileInputTest {

	/** The tables whose rows a refused request must not change. */
	private static final String COUNTS = """
			select concat_ws(',', (select count(*) from primary_registration), (select count(*) from primary_guardian),
			  (select count(*) from permit_application), (select count(*) from permit_scan),
			  (select count(*) from family_account), (select count(*) from account),
			  (select count(*) from zone_address), (select count(*) from service_zone),
			  (select count(*) from school), (select count(*) from enrollment_year))
			""";

	/** What a stack trace or an exception's own text looks like in a body. */
	private static final List<String> TRACES = List.of("Exception", "at org.", "java.", "\tat ");

	/** Markup that must never come back as markup. */
	private static final List<String> MARKUP = List.of("<script>", "<img src=x onerror", "<svg/onload", "<iframe",
			"\"><b>");

	/**
	 * Tries per property; each try attacks every endpoint (and each post three times), so
	 * that both properties run in about a minute and a half on two cores.
	 */
	static final int ANONYMOUS_TRIES = 15;

	static final int FAMILY_TRIES = 30;

	private static final AtomicInteger nextAddress = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegisterEntries register;

	@Autowired
	FamilyAccounts families;

	@Autowired
	EnrollmentCalendar calendar;

	@Autowired
	UserDetailsService accounts;

	private UserDetails family;

	private Map<String, String> plausible;

	/**
	 * jqwik runs outside JUnit Jupiter's Spring extension: the one test context is
	 * attached by hand, from the same cache.
	 */
	@BeforeProperty
	void theApplicationAndAFamilyWithAChildInDongcheng() throws Exception {
		new TestContextManager(getClass()).prepareTestInstance(this);
		Calendars.sourceYear2017(calendar);
		String name = "敌意测试";
		IdCardNumber child = register.newChildInDongcheng(name);
		IdCardNumber guardian = register.newAdultInDongcheng("敌意家长");
		String mobile = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
		AccountId id = families.provision(child, name, null, new MobileNumber(mobile));
		family = accounts.loadUserByUsername(
				jdbc.sql("select username from account where id = ?").param(id.value()).query(String.class).single());
		plausible = plausibleValues(child, name, guardian, mobile);
	}

	@Property(tries = ANONYMOUS_TRIES, shrinking = ShrinkingMode.BOUNDED)
	void anAnonymousVisitorsHostileInputIsRefusedCleanly(@ForAll("hostile") String hostile, @ForAll int mask)
			throws Exception {
		List<String> problems = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			problems.addAll(attack(endpoint, hostile, mask, null));
		}

		assertThat(problems).isEmpty();
	}

	@Property(tries = FAMILY_TRIES, shrinking = ShrinkingMode.BOUNDED)
	void aFamilysHostileInputToItsFormsIsRefusedCleanly(@ForAll("hostile") String hostile, @ForAll int mask)
			throws Exception {
		List<String> problems = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			if (endpoint.isFamilys()) {
				problems.addAll(attack(endpoint, hostile, mask, family));
			}
		}

		assertThat(problems).isEmpty();
	}

	/**
	 * Through the real container, a refused request is the bad-request page in the
	 * visitor's language, or a problem detail for the API, with the security headers.
	 */
	@Example
	void aRefusedRequestIsExplainedInTheVisitorsLanguage() {
		Visitor visitor = new Visitor(port);

		HttpResponse<String> chinese = visitor.page("/zones?q=%E6%99%AF%00%E5%B1%B1");
		HttpResponse<String> english = visitor.page("/zones?lang=en&q=%E6%99%AF%00%E5%B1%B1");
		HttpResponse<String> api = visitor.get("/api/v1/zones/lookup?q=%00", "application/json");

		assertThat(chinese.statusCode()).isEqualTo(400);
		assertThat(chinese.body()).contains("请求有误", "提交的内容有误").doesNotContain("Exception", "at org.");
		assertThat(chinese.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(english.body()).contains("Bad request");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("\"status\":400", "\"title\":\"").doesNotContain("Exception");
	}

	private List<String> attack(Endpoint endpoint, String hostile, int mask, UserDetails as) throws Exception {
		Map<String, String> values = endpoint.values(hostile, mask, plausible);
		List<String> problems = new ArrayList<>();
		if (endpoint.method() == HttpMethod.POST) {
			for (Csrf token : Csrf.values()) {
				problems.addAll(postAndCount(endpoint, values, token, as));
			}
		}
		else {
			problems.addAll(check(endpoint, values, perform(endpoint, values, Csrf.VALID, as), Csrf.VALID));
		}
		return problems;
	}

	private List<String> postAndCount(Endpoint endpoint, Map<String, String> values, Csrf token, UserDetails as)
			throws Exception {
		String before = counts();
		Result result = perform(endpoint, values, token, as);
		List<String> problems = new ArrayList<>(check(endpoint, values, result, token));
		boolean refused = result.status() >= 400 || result.status() == 200;
		String after = counts();
		if (refused && !before.equals(after)) {
			problems.add(describe(endpoint, values, token) + ": refused with " + result.status() + " but rows changed "
					+ before + " -> " + after);
		}
		return problems;
	}

	private List<String> check(Endpoint endpoint, Map<String, String> values, Result result, Csrf token) {
		List<String> problems = new ArrayList<>();
		Supplier<String> where = () -> describe(endpoint, values, token);
		if (result.thrown() != null) {
			problems.add(where.get() + ": threw " + result.thrown());
			return problems;
		}
		MockHttpServletResponse response = result.response();
		int status = response.getStatus();
		if (status >= 500) {
			problems.add(where.get() + ": answered " + status);
		}
		// 403 from the CSRF filter, or 400 from the firewall that refuses the path before
		// it
		if (token != Csrf.VALID && status != 403 && status != 400) {
			problems.add(where.get() + ": a request without a valid CSRF token answered " + status);
		}
		String body = body(response);
		for (String trace : TRACES) {
			if (body.contains(trace) && values.values().stream().noneMatch(v -> v.contains(trace))) {
				problems.add(where.get() + ": body shows " + trace.strip());
			}
		}
		if (String.valueOf(response.getContentType()).startsWith("text/html")) {
			for (String markup : MARKUP) {
				if (body.contains(markup) && values.values().stream().anyMatch(v -> v.contains(markup))) {
					problems.add(where.get() + ": echoes " + markup + " unescaped");
				}
			}
		}
		String location = response.getHeader("Location");
		if (location != null && location.chars().anyMatch(c -> c < 0x20 || c == '<' || c == '"')) {
			problems.add(where.get() + ": redirects to an unescaped " + abbreviate(location));
		}
		return problems;
	}

	private Result perform(Endpoint endpoint, Map<String, String> values, Csrf token, UserDetails as) {
		Object[] pathValues = endpoint.pathVariables().stream().map(values::get).toArray();
		MockHttpServletRequestBuilder request = request(endpoint.method(), endpoint.path(), pathValues)
			.accept(endpoint.path().startsWith("/api/") ? "application/json" : "text/html");
		values.forEach((name, value) -> {
			if (!endpoint.pathVariables().contains(name)) {
				request.param(name, value);
			}
		});
		String address = "198.18." + (nextAddress.get() / 250 % 250) + "." + (nextAddress.incrementAndGet() % 250);
		request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		switch (token) {
			case VALID -> request.with(csrf());
			case FORGED -> request.with(csrf().useInvalidToken());
			case MISSING -> {
			}
		}
		if (as != null) {
			request.with(user(as));
		}
		try {
			return new Result(mvc.perform(request).andReturn().getResponse(), null);
		}
		catch (Exception ex) {
			// MockMvc rethrows what no handler answered: in the container, a 500
			return new Result(null, ex);
		}
	}

	private String counts() {
		return jdbc.sql(COUNTS).query(String.class).single();
	}

	private static String body(MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static String describe(Endpoint endpoint, Map<String, String> values, Csrf token) {
		Map<String, String> shown = new TreeMap<>();
		values.forEach((name, value) -> shown.put(name, abbreviate(value)));
		return endpoint + " (" + token + " CSRF) " + shown;
	}

	private static String abbreviate(String value) {
		StringBuilder shown = new StringBuilder();
		value.codePoints().limit(60).forEach(c -> {
			boolean invisible = c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x2000 && c <= 0x206f) || c == 0xfeff;
			shown.append(invisible ? String.format("\\u%04x", c) : Character.toString(c));
		});
		return (value.length() > 60) ? shown + "…(" + value.length() + " chars)" : shown.toString();
	}

	private static Map<String, String> plausibleValues(IdCardNumber child, String name, IdCardNumber guardian,
			String mobile) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("childidnumber", child.value());
		values.put("identifier", child.value());
		values.put("childid", child.value());
		values.put("childname", name);
		values.put("guardian1idnumber", guardian.value());
		values.put("guardianid", guardian.value());
		values.put("guardian1name", "敌意家长");
		values.put("guardianname", "敌意家长");
		values.put("relation", "FATHER");
		values.put("mobile", mobile);
		values.put("district", "110101");
		values.put("year", "2017");
		values.put("version", "0");
		values.put("date", "2016-06-01");
		values.put("level", "primary");
		values.put("address", "北京市东城区景山街道2号院");
		values.put("q", "景山街道2号院");
		values.put("code", "123456");
		values.put("password", "a long enough passphrase 7");
		values.put("confirmation", "a long enough passphrase 7");
		values.put("current", "a long enough passphrase 7");
		values.put("hukoutype", "BEIJING");
		values.put("hometenure", "OWNED");
		values.put("idempotencykey", UUID.randomUUID().toString());
		values.put("decision", "submit");
		values.put("id", UUID.randomUUID().toString());
		values.put("lang", "en");
		return values;
	}

	enum Csrf {

		VALID, FORGED, MISSING

	}

	record Result(MockHttpServletResponse response, Exception thrown) {

		int status() {
			return (response != null) ? response.getStatus() : 500;
		}

	}

	/**
	 * A mapped method and path with the parameters its handler reads: request parameters,
	 * path variables and the fields of its form.
	 */
	record Endpoint(HttpMethod method, String path, List<String> pathVariables, List<String> parameters) {

		boolean isFamilys() {
			return path.startsWith("/primary") || path.startsWith("/permits") || path.startsWith("/junior")
					|| path.startsWith("/account") || path.startsWith("/inbox");
		}

		/**
		 * The hostile value in the parameters the mask picks (all of them when it picks
		 * none), plausible values in the others, so that the hostile one gets past the
		 * checks of its neighbours.
		 */
		Map<String, String> values(String hostile, int mask, Map<String, String> plausible) {
			List<String> names = new ArrayList<>(pathVariables);
			names.addAll(parameters);
			names.add("lang");
			boolean none = true;
			for (int i = 0; i < names.size(); i++) {
				none &= (mask & (1 << (i % 31))) == 0;
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i);
				boolean attacked = none || (mask & (1 << (i % 31))) != 0;
				values.put(name, attacked ? hostile : plausible(name, plausible));
			}
			return values;
		}

		private static String plausible(String name, Map<String, String> plausible) {
			String key = name.toLowerCase(Locale.ROOT);
			if (plausible.containsKey(key)) {
				return plausible.get(key);
			}
			return plausible.entrySet()
				.stream()
				.filter(e -> key.endsWith(e.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("x");
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	private List<Endpoint> endpoints() {
		Set<String> seen = new LinkedHashSet<>();
		List<Endpoint> found = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.ruxue")
					|| String.valueOf(handler.getBeanType().getProtectionDomain().getCodeSource().getLocation())
						.contains("test-classes")) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
					if (seen.add(m + " " + pattern)) {
						found.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern, pathVariables(pattern),
								parameters(handler)));
					}
				}
			}
		});
		found.sort(java.util.Comparator.comparing(Endpoint::toString));
		return found;
	}

	private static List<String> pathVariables(String pattern) {
		List<String> names = new ArrayList<>();
		java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{([^}:]+)").matcher(pattern);
		while (variable.find()) {
			names.add(variable.group(1));
		}
		return names;
	}

	private static List<String> parameters(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			Class<?> type = parameter.getParameterType();
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && !Map.class.isAssignableFrom(type) && !type.getName().contains("MultipartFile")) {
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				names.add(name);
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)
					|| (param == null && !parameter.hasParameterAnnotation(PathVariable.class)
							&& type.getPackageName().startsWith("org.ruxue") && !type.isInterface()
							&& !type.getSimpleName().equals("SignedIn"))) {
				names.addAll(formFields(type));
			}
		}
		return names;
	}

	private static List<String> formFields(Class<?> type) {
		List<String> names = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				names.add(component.getName());
			}
			return names;
		}
		for (var property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null) {
				names.add(property.getName());
			}
		}
		return names;
	}

	// the generators

	@Provide
	Arbitrary<String> hostile() {
		Arbitrary<String> single = Arbitraries.oneOf(payloads(), oversized(), controlCharacters(), mixedScripts(),
				idNumbers(), dates(), numbers());
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, single),
				net.jqwik.api.Tuple.of(1, net.jqwik.api.Combinators.combine(single, single).as(String::concat)));
	}

	private static Arbitrary<String> payloads() {
		return Arbitraries.of(
				// SQL
				"' OR '1'='1", "'; DROP TABLE school; --", "1; select pg_sleep(5)", "\\'; delete from account; --",
				"%' union select username, password_hash from account --", "' AND 1=CAST((SELECT version()) AS int)--",
				"$$; truncate primary_registration; $$",
				// HTML and script
				"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
				"'\"><iframe src=//evil.example>", "javascript:alert(1)", "\"><b>bold</b>",
				"\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
				// templates, expressions, formats
				"${7*7}", "__${7*7}__::.x", "[[${7*7}]]", "#{7*7}", "*{7*7}", "{0}{1}%s%n%x", "%00", "%",
				// paths and headers
				"../../../../etc/passwd", "..;/admin", "/\\evil.example", "//evil.example/%2e%2e",
				"x\r\nSet-Cookie: SESSION=forged", "x\r\n\r\n<html>",
				// blanks
				"", " ", "\u3000", "\t\n");
	}

	private static Arbitrary<String> oversized() {
		return Arbitraries.integers()
			.between(1_000, 100_000)
			.flatMap(n -> Arbitraries.of("字", "a", "9", "<", "'", "😀").map(s -> s.repeat(n)));
	}

	private static Arbitrary<String> controlCharacters() {
		Arbitrary<String> controls = Arbitraries.strings()
			.withCharRange('\u0000', '\u001f')
			.withChars('\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a',
					'\u202d', '\u202e', '\u2066', '\ufeff', '\ufffd')
			.ofMinLength(1)
			.ofMaxLength(20);
		return Arbitraries.oneOf(controls, controls.map(c -> "张" + c + "三"), controls.map(c -> "110101" + c));
	}

	private static Arbitrary<String> mixedScripts() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('\u0400', '\u044f')
			.withCharRange('\u0391', '\u03c9')
			.withCharRange('\u0600', '\u064a')
			.withCharRange('\u4e00', '\u4e50')
			.withCharRange('\uac00', '\uac20')
			.withCharRange('\u3040', '\u309f')
			.withChars('·', '•', 'Ⅸ', '①', 'ｶ')
			.ofMinLength(1)
			.ofMaxLength(40)
			.flatMap(s -> Arbitraries.of(s, s + "𠀀𝕏😀", "\u202e" + s, s + "\u0301\u0301\u0301"));
	}

	private static Arbitrary<String> idNumbers() {
		Arbitrary<String> first17 = Arbitraries.strings().numeric().ofLength(11).map(s -> "110101" + s);
		Arbitrary<String> wrongCheck = first17.map(f -> f + ((checkDigit(f) == '0') ? '1' : '0'));
		Arbitrary<String> fullWidth = first17.map(f -> (f + checkDigit(f)).chars()
			.mapToObj(c -> Character.toString(c == 'X' ? 'Ｘ' : (char) (c - '0' + '０')))
			.reduce("", String::concat));
		Arbitrary<String> wrongLength = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40);
		// and by hand: month 13, 30 February, the old 15-digit form, letters only, a NUL,
		// a sign and blanks inside
		return Arbitraries.oneOf(wrongCheck, fullWidth, wrongLength,
				Arbitraries.of("11010519491331002X", "110105194902300027", "110105491231002", "XXXXXXXXXXXXXXXXXX",
						"11010519491231002x\u0000", "-11010519491231002X", "110105 19491231 002X"));
	}

	/** GB 11643-1999's MOD 11-2, also for digits that are no birth date. */
	private static char checkDigit(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	private static Arbitrary<String> dates() {
		Arbitrary<String> impossible = net.jqwik.api.Combinators
			.combine(Arbitraries.integers().between(-1, 99_999), Arbitraries.integers().between(0, 99),
					Arbitraries.integers().between(0, 99))
			.as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
		return Arbitraries.oneOf(impossible,
				Arbitraries.of("2017-02-30", "2017-13-01", "2017-00-10", "2016-02-30", "２０１７-０５-１０", "2017/05/10",
						"10.05.2017", "2017-5-1", "0000-00-00", "+1000000000-01-01", "2017-05-10T25:61",
						LocalDate.MAX.toString(), LocalDate.MIN.toString()));
	}

	private static Arbitrary<String> numbers() {
		return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(400),
				Arbitraries.of("-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e400", "NaN",
						"Infinity", "0x7fffffff", "١٢٣", "１２３", "1_000", "007", "+0", "-0"));
	}

}
