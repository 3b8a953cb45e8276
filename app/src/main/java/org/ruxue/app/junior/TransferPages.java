package org.ruxue.app.junior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;
import org.ruxue.app.zoning.School;
import org.ruxue.app.zoning.Schools;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the school's and the district's transfer pages share (R-J4). */
@Component
class TransferPages {

	private final Districts districts;

	private final Schools schools;

	private final MessageSource messages;

	private final Transfers transfers;

	TransferPages(Districts districts, Schools schools, MessageSource messages, Transfers transfers) {
		this.districts = districts;
		this.schools = schools;
		this.messages = messages;
		this.transfers = transfers;
	}

	/** The refusal as field → message in the reader's language. */
	Map<String, String> problems(TransferRefused refused) {
		Map<String, String> problems = new LinkedHashMap<>();
		problems.put(refused.field(),
				messages.getMessage(refused.messageKey(), null, refused.messageKey(), LocaleContextHolder.getLocale()));
		return problems;
	}

	/**
	 * The names the pages show for codes: every district, and the school of a transfer.
	 */
	void names(Model model) {
		model.addAttribute("districtNames", districtNames());
	}

	/** Every district's name by its code. */
	Map<String, String> districtNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (District d : districts.all()) {
			names.put(d.code(), d.name());
		}
		return names;
	}

	List<District> allDistricts() {
		return districts.all();
	}

	District district(String code) {
		return districts.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	String schoolName(String code) {
		return schools.byCode(code).map(School::name).orElse(code);
	}

	/** A transfer's page: its data, its decisions and what the reader may do now. */
	String detail(Transfer t, SignedIn who, String base, Map<String, String> problems, Model model) {
		names(model);
		model.addAttribute("t", t);
		model.addAttribute("base", base);
		model.addAttribute("schoolName", schoolName(t.schoolCode()));
		model.addAttribute("decidable", decidable(t, who));
		model.addAttribute("next", transfers.nextToDecide(t, who).orElse(null));
		model.addAttribute("problems", problems);
		return "junior/transfer";
	}

	static boolean decidable(Transfer t, SignedIn who) {
		try {
			t.stageDecidedBy(who);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static TransferId id(String text) {
		return TransferId.parse(text).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static <T> T found(Supplier<T> lookup) {
		try {
			return lookup.get();
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
