package org.ruxue.app.junior;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transfer page's "next" (issue 12) against the real database (R-J4): the next transfer
 * awaiting the reader's own stage (the school, the district moved out of, the one moved
 * into) in the queue's order, round to the first after the last, none when the one open
 * is the only one. Each test has its own school and districts, which no other transfer
 * test uses, so that other tests' transfers cannot enter its queues.
 */
@IntegrationTest
class NextToDecideTest {

	@Autowired
	TransferFixtures fixtures;

	@Autowired
	Transfers transfers;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void nextIsTheFollowingTransferAwaitingTheSchool_neverOneOfAnotherSchoolOrPastItsStage() {
		Queue q = new Queue("NX-TEST-HR", "110116", "110119");
		SignedIn teacher = q.teacher();
		List<Transfer> waiting = new ArrayList<>();
		for (String name : List.of("下转甲", "下转乙", "下转丙", "下转丁")) {
			waiting.add(submitted(q.graduate(name)));
		}
		Transfer approved = waiting.remove(3);
		approved = transfers.approve(approved.id(), approved.version(), teacher);
		// a draft, not yet submitted
		transfers.start(new StartTransferForm(q.graduate("下转戊").educationId(), "HUKOU", q.hukouDistrict, "测试地址", null),
				teacher);
		Transfer otherSchool = fixtures.submitted(fixtures.graduate("下转己")); // waiting,
																				// at
																				// another
																				// school
		waiting.sort(QUEUE_ORDER);

		assertThat(cycleFrom(waiting.get(0), teacher)).as("round the queue, back to the first")
			.containsExactlyElementsOf(ids(waiting));
		assertThat(transfers.nextToDecide(approved, teacher)).as("from one it approved, one still waiting")
			.get()
			.isIn(ids(waiting));
		assertThat(transfers.nextToDecide(otherSchool, TransferFixtures.teacher()).stream().toList())
			.as("the other school's next is one of its own")
			.doesNotContainAnyElementsOf(ids(waiting));
	}

	@Test
	void eachDistrictGoesRoundTheTransfersAwaitingItsOwnStage() {
		Queue q = new Queue("NX-TEST-CP", "110114", "110113");
		SignedIn teacher = q.teacher();
		SignedIn out = TransferFixtures.officer(q.district);
		SignedIn in = TransferFixtures.officer(q.hukouDistrict);
		List<Transfer> awaitingOut = new ArrayList<>();
		List<Transfer> awaitingIn = new ArrayList<>();
		for (String name : List.of("区转甲", "区转乙", "区转丙", "区转丁", "区转戊", "区转己", "区转庚", "区转辛")) {
			Transfer t = submitted(q.graduate(name));
			awaitingOut.add(transfers.approve(t.id(), t.version(), teacher));
		}
		Transfer rejected = awaitingOut.remove(7);
		rejected = transfers.reject(rejected.id(), rejected.version(), "材料不全", out);
		Transfer done = awaitingOut.remove(6);
		done = transfers.approve(done.id(), done.version(), out);
		done = transfers.approve(done.id(), done.version(), in);
		for (int i = 0; i < 3; i++) {
			Transfer t = awaitingOut.remove(3);
			awaitingIn.add(transfers.approve(t.id(), t.version(), out));
		}
		awaitingOut.sort(QUEUE_ORDER);
		awaitingIn.sort(QUEUE_ORDER);

		assertThat(cycleFrom(awaitingOut.get(0), out)).containsExactlyElementsOf(ids(awaitingOut));
		assertThat(cycleFrom(awaitingIn.get(0), in)).containsExactlyElementsOf(ids(awaitingIn));
		assertThat(transfers.nextToDecide(rejected, out)).get().isIn(ids(awaitingOut));
		assertThat(transfers.nextToDecide(done, in)).get().isIn(ids(awaitingIn));
		assertThat(transfers.nextToDecide(awaitingOut.get(0), teacher)).as("nothing awaits the school").isEmpty();
	}

	@Test
	void theOnlyTransferAwaitingAStageHasNoNext() {
		Queue q = new Queue("NX-TEST-FS", "110111", "110112");
		Transfer only = submitted(q.graduate("独转甲"));
		Transfer withdrawn = transfers.start(
				new StartTransferForm(q.graduate("独转乙").educationId(), "HUKOU", q.hukouDistrict, "测试地址", null),
				q.teacher());
		transfers.withdraw(withdrawn.id(), withdrawn.version(), q.teacher());

		assertThat(transfers.nextToDecide(only, q.teacher())).isEmpty();
		only = transfers.approve(only.id(), only.version(), q.teacher());
		assertThat(transfers.nextToDecide(only, TransferFixtures.officer(q.district))).isEmpty();
		only = transfers.approve(only.id(), only.version(), TransferFixtures.officer(q.district));
		assertThat(transfers.nextToDecide(only, TransferFixtures.officer(q.hukouDistrict))).isEmpty();
	}

	private static final Comparator<Transfer> QUEUE_ORDER = Comparator.comparing(Transfer::submittedAt)
		.thenComparing(Transfer::number);

	/** The transfers "next" leads through from the first, until it comes back to it. */
	private List<TransferId> cycleFrom(Transfer first, SignedIn who) {
		List<TransferId> seen = new ArrayList<>(List.of(first.id()));
		Transfer at = first;
		for (int step = 0; step < 20; step++) {
			Optional<TransferId> next = transfers.nextToDecide(at, who);
			if (next.isEmpty() || next.get().equals(first.id())) {
				return seen;
			}
			seen.add(next.get());
			at = transfers.open(next.get(), "test", who);
		}
		return seen;
	}

	private static List<TransferId> ids(List<Transfer> transfers) {
		return transfers.stream().map(Transfer::id).toList();
	}

	private Transfer submitted(TransferFixtures.Graduate g) {
		SignedIn teacher = teacherOf(g.student().schoolCode(), g.student().districtCode());
		Transfer t = transfers.start(
				new StartTransferForm(g.educationId(), "HUKOU", g.student().hukouDistrictCode(), "测试地址", null),
				teacher);
		transfers.printForm(t.id(), teacher);
		t = transfers.markSigned(t.id(), t.version(), true, true, teacher);
		return transfers.submit(t.id(), t.version(), teacher);
	}

	private static SignedIn teacherOf(String school, String district) {
		return new SignedIn(AccountId.random(), "nx-teacher-" + school.toLowerCase(), "老师", Role.SCHOOL_STAFF, district,
				school);
	}

	/**
	 * A school of its own in a district of its own, whose graduates return to another.
	 */
	private final class Queue {

		final String school;

		final String district;

		final String hukouDistrict;

		Queue(String school, String district, String hukouDistrict) {
			this.school = school;
			this.district = district;
			this.hukouDistrict = hukouDistrict;
			fixtures.school(school, "下一条测试小学" + school, district);
		}

		TransferFixtures.Graduate graduate(String name) {
			return fixtures.graduate(name, school, district, hukouDistrict);
		}

		SignedIn teacher() {
			return teacherOf(school, district);
		}

	}

}
