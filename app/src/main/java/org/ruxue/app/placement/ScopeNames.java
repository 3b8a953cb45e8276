package org.ruxue.app.placement;

import java.util.Locale;

import org.ruxue.app.zoning.Districts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A draw's scope as pages name it: the district's name, or "the whole city". */
@Component
class ScopeNames {

	private final Districts districts;

	private final MessageSource messages;

	ScopeNames(Districts districts, MessageSource messages) {
		this.districts = districts;
		this.messages = messages;
	}

	/** Every scope of the draws, by its code. */
	java.util.Map<String, String> all(java.util.List<LotteryDraw> draws, Locale locale) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		draws.forEach(d -> names.computeIfAbsent(d.scope(), scope -> of(scope, locale)));
		return names;
	}

	String of(String scope, Locale locale) {
		if (Snapshots.CITY.equals(scope)) {
			return messages.getMessage("placement.scope.city", null, locale);
		}
		return districts.byCode(scope).map(d -> d.name()).orElse(scope);
	}

}
