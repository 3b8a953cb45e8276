package org.ruxue.app.junior;

import java.util.List;
import java.util.Map;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.zoning.District;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district office's transfer pages (R-J4): the queue of students moving out and the
 * queue of students moving in that await its decision, the finished transfers on either
 * side, and one application with approve and reject. Every read is on the record.
 */
@Controller
class DistrictTransferController {

	private static final String BASE = "/district/junior/transfers";

	private final Transfers transfers;

	private final TransferPages pages;

	DistrictTransferController(Transfers transfers, TransferPages pages) {
		this.transfers = transfers;
		this.pages = pages;
	}

	@GetMapping(BASE)
	String queues(@RequestParam(required = false) String district, @AuthenticationPrincipal SignedIn officer,
			Model model) {
		District d = (officer.role() == Role.DISTRICT_OFFICER) ? pages.district(officer.districtCode())
				: pages.district((district != null) ? district : "110101");
		pages.names(model);
		model.addAttribute("district", d);
		model.addAttribute("districts", (officer.role() == Role.CITY_ADMIN) ? pages.allDistricts() : List.of(d));
		model.addAttribute("queues", transfers.ofDistrict(d.code(), officer));
		return "junior/district-transfers";
	}

	@GetMapping(BASE + "/{id}")
	String detail(@PathVariable String id, @AuthenticationPrincipal SignedIn officer, Model model) {
		Transfer t = TransferPages
			.found(() -> transfers.open(TransferPages.id(id), "district transfer review", officer));
		return pages.detail(t, officer, BASE, Map.of(), model);
	}

	@PostMapping(BASE + "/{id}/{decision}")
	String decide(@PathVariable String id, @PathVariable String decision,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal SignedIn officer, Model model, RedirectAttributes redirect) {
		TransferId transferId = TransferPages.id(id);
		TransferPages.found(() -> transfers.open(transferId, "district " + decision, officer));
		try {
			switch (decision) {
				case "approve" -> transfers.approve(transferId, version, officer);
				case "reject" -> transfers.reject(transferId, version, reason, officer);
				default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", "junior.transfer.done." + decision);
			return "redirect:" + BASE + "/" + id;
		}
		catch (TransferRefused refused) {
			model.addAttribute("reason", reason);
			Transfer t = transfers.open(transferId, "district " + decision, officer);
			return pages.detail(t, officer, BASE, pages.problems(refused), model);
		}
	}

}
