package org.ruxue.app.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.ruxue.app.Resubmission;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;
import org.ruxue.app.Resubmissions;
import org.ruxue.app.Visitor;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The family's account steps for the resubmission test: activation, reset and the change
 * of the registered mobile, each step sent twice in the same browser session (R-G2, R-G5,
 * R-G6).
 */
@Component
class IdentityResubmissions implements Resubmissions {

	private static final String PASSWORD = "a family passphrase 2017";

	private static final String NEW_PASSWORD = "another family passphrase";

	private final RegisterEntries register;

	private final FamilyAccounts families;

	private final SentCodes phone;

	private final Environment environment;

	private final JdbcClient jdbc;

	IdentityResubmissions(RegisterEntries register, FamilyAccounts families, SentCodes phone, Environment environment,
			JdbcClient jdbc) {
		this.register = register;
		this.families = families;
		this.phone = phone;
		this.environment = environment;
		this.jdbc = jdbc;
	}

	/** A family known to the register whose account is not activated yet. */
	private record Newcomer(IdCardNumber child, String name, String mobile) {

	}

	/** An activated family, signed in. */
	private record Family(String name, String mobile, IdCardNumber child) {

	}

	@Override
	public Map<String, Supplier<Resubmission>> forms() {
		Map<String, Supplier<Resubmission>> forms = new LinkedHashMap<>();
		forms.put("POST /family/activate", () -> {
			Newcomer n = newcomer("重交激活");
			Visitor browser = browser("/family/activate");
			return Resubmission
				.post("/family/activate", null, () -> codesTo(n.mobile()), "identifier", n.child().value(), "childName",
						n.name(), "mobile", n.mobile())
				.in(browser);
		});
		forms.put("POST /family/activate/confirm", () -> {
			Newcomer n = newcomer("重交设密");
			Visitor browser = browser("/family/activate");
			browser.submit("/family/activate",
					Map.of("identifier", n.child().value(), "childName", n.name(), "mobile", n.mobile()));
			return Resubmission
				.post("/family/activate/confirm", null, () -> passwordOf(n.child()), "code",
						phone.lastCodeTo(n.mobile()), "password", PASSWORD, "confirmation", PASSWORD)
				.in(browser);
		});
		forms.put("POST /family/reset", () -> {
			Family f = activated("重交找回");
			Visitor browser = browser("/family/reset");
			return Resubmission
				.post("/family/reset", null, () -> codesTo(f.mobile()), "identifier", f.child().value(), "childName",
						f.name())
				.in(browser);
		});
		forms.put("POST /family/reset/confirm", () -> {
			Family f = activated("重交重设");
			Visitor browser = browser("/family/reset");
			browser.submit("/family/reset", Map.of("identifier", f.child().value(), "childName", f.name()));
			return Resubmission
				.post("/family/reset/confirm", null, () -> passwordOf(f.child()), "code", phone.lastCodeTo(f.mobile()),
						"password", NEW_PASSWORD, "confirmation", NEW_PASSWORD)
				.in(browser);
		});
		forms.put("POST /account/mobile", () -> {
			Family f = activated("重交换号");
			Visitor browser = signedIn(f);
			return Resubmission.post("/account/mobile", null, () -> codesTo(f.mobile()), "mobile", Mobiles.fresh())
				.in(browser);
		});
		forms.put("POST /account/mobile/confirm old number", () -> {
			Family f = activated("重交旧号");
			String next = Mobiles.fresh();
			Visitor browser = signedIn(f);
			browser.submit("/account/mobile", Map.of("mobile", next));
			return Resubmission
				.post("/account/mobile/confirm", null, () -> codesTo(next), "code", phone.lastCodeTo(f.mobile()))
				.in(browser);
		});
		forms.put("POST /account/mobile/confirm new number", () -> {
			Family f = activated("重交新号");
			String next = Mobiles.fresh();
			Visitor browser = signedIn(f);
			browser.submit("/account/mobile", Map.of("mobile", next));
			browser.submit("/account/mobile/confirm", Map.of("code", phone.lastCodeTo(f.mobile())));
			return Resubmission
				.post("/account/mobile/confirm", null,
						() -> families.ofChild(f.child()).flatMap(families::contact).orElseThrow().mobile().value(),
						"code", phone.lastCodeTo(next))
				.in(browser);
		});
		return forms;
	}

	private Visitor browser(String page) {
		Visitor browser = new Visitor(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
		browser.page(page);
		return browser;
	}

	private Visitor signedIn(Family f) {
		Visitor browser = browser("/login");
		browser.submit("/login/family",
				Map.of("identifier", f.child().value(), "childName", f.name(), "password", PASSWORD));
		browser.page("/account/mobile");
		return browser;
	}

	private Newcomer newcomer(String name) {
		return new Newcomer(register.newChildInDongcheng(name), name, Mobiles.fresh());
	}

	private Family activated(String name) {
		Newcomer n = newcomer(name);
		FamilyAccounts.Started started = families.startActivation(n.child().value(), name, n.mobile(), "192.0.2.7");
		families.completeActivation(started.pending(), phone.lastCodeTo(n.mobile()), PASSWORD);
		// the clock stands still in tests: the activation's code goes back in time, so
		// that
		// the next code to the number is not too soon
		jdbc.sql("update sms_code set sent_at = sent_at - interval '61 seconds' where mobile = ?")
			.param(n.mobile())
			.update();
		return new Family(name, n.mobile(), n.child());
	}

	private long codesTo(String mobile) {
		return jdbc.sql("select count(*) from sms_code where mobile = ?").param(mobile).query(Long.class).single();
	}

	private String passwordOf(IdCardNumber child) {
		AccountId account = families.ofChild(child).orElseThrow();
		return String.valueOf(jdbc.sql("select password_hash from account where id = ?")
			.param(account.value())
			.query(String.class)
			.optional()
			.orElse(null));
	}

}
