package org.ruxue.app.placement;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruxue.app.calendar.CityClock;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public verification pages: every draw's commitment (the snapshot's hash, the day,
 * the rule for the entropy) from the moment it is frozen; the entropy and seed from the
 * draw; the result from its publication. Anyone downloads the files and re-runs them with
 * the lottery jar; a family types its lottery id and sees its own line.
 */
@Controller
class VerificationController {

	static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final Draws draws;

	private final ScopeNames names;

	private final CityClock cityClock;

	VerificationController(Draws draws, ScopeNames names, CityClock cityClock) {
		this.draws = draws;
		this.names = names;
		this.cityClock = cityClock;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return cityClock.zone();
	}

	@GetMapping("/lottery")
	String list(Model model, Locale locale) {
		List<LotteryDraw> all = draws.all();
		model.addAttribute("draws", all);
		model.addAttribute("scopeNames", names.all(all, locale));
		return "placement/public-draws";
	}

	@GetMapping("/lottery/{id}")
	String draw(@PathVariable String id, @RequestParam(required = false) String lotteryId, Model model, Locale locale) {
		LotteryDraw draw = find(id);
		model.addAttribute("draw", draw);
		model.addAttribute("scopeName", names.of(draw.scope(), locale));
		if (lotteryId != null) {
			String wanted = lotteryId.strip();
			model.addAttribute("lotteryId", wanted);
			if (!wanted.matches("[A-Za-z0-9_-]{1,64}")) {
				model.addAttribute("lineProblem", "placement.verify.id-invalid");
			}
			else {
				Optional<String> entered = line(draws.snapshotBytes(draw.id()), "student", wanted);
				model.addAttribute("snapshotLine", entered.orElse(null));
				if (entered.isEmpty()) {
					model.addAttribute("lineProblem", "placement.verify.id-unknown");
				}
				else if (draw.published()) {
					model.addAttribute("resultLine",
							draws.resultBytes(draw.id()).flatMap(r -> line(r, null, wanted)).orElse(null));
				}
			}
		}
		return "placement/public-draw";
	}

	@GetMapping("/lottery/{id}/snapshot.txt")
	ResponseEntity<byte[]> snapshot(@PathVariable String id) {
		LotteryDraw draw = find(id);
		return file(draw.fileStem() + "-snapshot.txt", draws.snapshotBytes(draw.id()));
	}

	@GetMapping("/lottery/{id}/entropy.txt")
	ResponseEntity<byte[]> entropy(@PathVariable String id) {
		LotteryDraw draw = find(id);
		if (!draw.drawn()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		// LOTTERY.md: a file's first line, without its LF, is the entropy
		return file(draw.fileStem() + "-entropy.txt", (draw.entropy() + "\n").getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/lottery/{id}/result.txt")
	ResponseEntity<byte[]> result(@PathVariable String id) {
		LotteryDraw draw = find(id);
		if (!draw.published()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return file(draw.fileStem() + "-result.txt", draws.resultBytes(draw.id()).orElseThrow());
	}

	private static ResponseEntity<byte[]> file(String name, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(TEXT)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(bytes);
	}

	/**
	 * The line of a snapshot ("student ID …") or result ("placed ID …", "unplaced ID …")
	 * for the id, without its LF.
	 */
	static Optional<String> line(byte[] file, String kind, String id) {
		String text = new String(file, StandardCharsets.UTF_8);
		for (String prefix : (kind != null) ? new String[] { kind + " " } : new String[] { "placed ", "unplaced " }) {
			String wanted = "\n" + prefix + id;
			int at = text.indexOf(wanted + " ");
			if (at < 0 && text.contains(wanted + "\n")) {
				at = text.indexOf(wanted + "\n");
			}
			if (at >= 0) {
				int end = text.indexOf('\n', at + 1);
				return Optional.of(text.substring(at + 1, end));
			}
		}
		return Optional.empty();
	}

	private LotteryDraw find(String id) {
		try {
			return draws.byId(DrawId.parse(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
