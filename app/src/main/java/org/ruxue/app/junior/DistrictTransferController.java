package org.ruxue.app.junior;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.tables.Column;
import org.ruxue.app.tables.TableQuery;
import org.ruxue.app.tables.Tables;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district office's transfer pages (R-J4): the queue of students moving out and the
 * queue of students moving in that await its decision, the finished transfers on either
 * side, and one application with approve and reject. Every read is on the record. The
 * three queues are one staff table (issue 12) whose first column names the queue, so that
 * one filter, sort and download covers them all; unsorted, they come queue by queue.
 */
@Controller
class DistrictTransferController {

	private static final String BASE = "/district/junior/transfers";

	private final Transfers transfers;

	private final TransferPages pages;

	private final Tables tables;

	DistrictTransferController(Transfers transfers, TransferPages pages, Tables tables) {
		this.transfers = transfers;
		this.pages = pages;
		this.tables = tables;
	}

	/**
	 * A transfer in the district's table: the queue it is in ({@code outgoing},
	 * {@code incoming} or {@code finished}) and its districts' names.
	 */
	record Line(String queue, Transfer transfer, String fromDistrict, String toDistrict) {

	}

	/**
	 * The queues' columns (issue 12): sorted, filtered and downloaded by the staff table.
	 */
	static final List<Column<Line>> COLUMNS = List.of(
			Column.message("queue", "junior.transfer.field.queue", line -> "junior.transfer.district." + line.queue()),
			Column.text("number", "junior.transfer.field.number", line -> line.transfer().number()),
			Column.text("student", "junior.transfer.field.student", line -> line.transfer().studentName()),
			Column.text("from", "junior.transfer.field.fromDistrict", Line::fromDistrict),
			Column.text("to", "junior.transfer.field.toDistrict", Line::toDistrict),
			Column.message("status", "junior.transfer.field.status", line -> line.transfer().status().messageKey()));

	@GetMapping(BASE)
	ModelAndView queues(@RequestParam(required = false) String district, TableQuery table,
			@AuthenticationPrincipal SignedIn officer, Model model) {
		District d = (officer.role() == Role.DISTRICT_OFFICER) ? pages.district(officer.districtCode())
				: pages.district((district != null) ? district : "110101");
		model.addAttribute("district", d);
		model.addAttribute("districts", (officer.role() == Role.CITY_ADMIN) ? pages.allDistricts() : List.of(d));
		return tables.show("junior/district-transfers", "transfers-" + d.code(),
				lines(transfers.ofDistrict(d.code(), officer)), COLUMNS, table, model);
	}

	private List<Line> lines(Transfers.DistrictTransfers queues) {
		Map<String, String> names = pages.districtNames();
		List<Line> lines = new ArrayList<>();
		for (Transfer t : queues.outgoing()) {
			lines.add(line("outgoing", t, names));
		}
		for (Transfer t : queues.incoming()) {
			lines.add(line("incoming", t, names));
		}
		for (Transfer t : queues.finished()) {
			lines.add(line("finished", t, names));
		}
		return lines;
	}

	private static Line line(String queue, Transfer t, Map<String, String> names) {
		return new Line(queue, t, names.getOrDefault(t.fromDistrict(), t.fromDistrict()),
				names.getOrDefault(t.toDistrict(), t.toDistrict()));
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
