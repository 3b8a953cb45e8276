package org.ruxue.app.permits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.ruxue.app.zoning.District;
import org.ruxue.app.zoning.Districts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** What the family's and the district's permit pages share. */
@Component
class PermitPages {

	private final Districts districts;

	private final MessageSource messages;

	PermitPages(Districts districts, MessageSource messages) {
		this.districts = districts;
		this.messages = messages;
	}

	/** Field → message in the reader's language; "form" holds the page's problems. */
	Map<String, String> messages(List<PermitProblem> problems) {
		Map<String, String> resolved = new LinkedHashMap<>();
		for (PermitProblem problem : problems) {
			String text = messages.getMessage(problem.messageKey(), problem.arguments().toArray(), problem.messageKey(),
					LocaleContextHolder.getLocale());
			resolved.merge(problem.field(), text, (a, b) -> a + " " + b);
		}
		return resolved;
	}

	District district(String code) {
		return districts.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	String districtName(String code) {
		return districts.byCode(code).map(District::name).orElse(code);
	}

	List<District> allDistricts() {
		return districts.all();
	}

	static PermitApplicationId id(String text) {
		try {
			return PermitApplicationId.parse(text);
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * A scan as a download only: the type it was recognised as, never shown inline, never
	 * sniffed, sandboxed and not cached.
	 */
	static ResponseEntity<byte[]> download(PermitApplications.StoredScan scan) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(scan.type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(scan.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(scan.content());
	}

}
