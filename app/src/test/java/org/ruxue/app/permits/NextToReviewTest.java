package org.ruxue.app.permits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review page's "next" (issue 12) against the real database: the district's next
 * application awaiting review in its queue's order, round to the first after the last,
 * none when the one open is the only one. Each test has a district of its own, which no
 * other permit test applies in, so that other tests' applications cannot enter its queue.
 */
@IntegrationTest
class NextToReviewTest {

	private static final String MENTOUGOU = "110109";

	private static final String FANGSHAN = "110111";

	private static final String HUAIROU = "110116";

	@Autowired
	PermitFixtures fixtures;

	@Autowired
	PermitApplications applications;

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void nextIsTheFollowingWaitingApplicationOfTheDistrict_neverADecidedWithdrawnAskedOrOtherDistrictsOne() {
		SignedIn officer = PermitFixtures.officer(MENTOUGOU);
		List<PermitApplication> waiting = new ArrayList<>();
		waiting.add(submitted("下条甲", MENTOUGOU));
		PermitApplication rejected = submitted("下条乙", MENTOUGOU);
		submitted("下条丙", PermitFixtures.DONGCHENG); // waiting, in the queue's order here,
													// of another district
		waiting.add(submitted("下条丁", MENTOUGOU));
		PermitFixtures.Family withdrawing = fixtures.family("下条戊");
		PermitApplication withdrawn = submitted(withdrawing, MENTOUGOU);
		PermitApplication asked = submitted("下条己", MENTOUGOU);
		waiting.add(submitted("下条庚", MENTOUGOU));
		applications.reject(rejected.id(), rejected.version(), "材料不符", officer);
		applications.withdraw(withdrawn.id(), withdrawn.version(), withdrawing.signedIn());
		applications.requestMore(asked.id(), asked.version(), "请补充材料", "2017-05-14", officer);

		assertThat(applications.queue(MENTOUGOU, 2017, ApplicationStatus.SUBMITTED, officer))
			.as("the queue's order, which next follows")
			.extracting(PermitApplications.QueueLine::id)
			.containsExactlyElementsOf(waiting.stream().map(PermitApplication::id).toList());
		assertThat(next(waiting.get(0), officer)).contains(waiting.get(1).id());
		assertThat(next(waiting.get(1), officer)).contains(waiting.get(2).id());
		assertThat(next(waiting.get(2), officer)).contains(waiting.get(0).id());
		assertThat(next(reread(rejected), officer)).as("from one decided meanwhile, the waiting one after it")
			.contains(waiting.get(1).id());
		assertThat(next(reread(withdrawn), officer)).contains(waiting.get(2).id());
		assertThat(next(reread(asked), officer)).contains(waiting.get(2).id());
	}

	@Test
	void afterTheLastWaitingApplicationNextIsTheFirst() {
		SignedIn officer = PermitFixtures.officer(FANGSHAN);
		PermitApplication first = submitted("回绕甲", FANGSHAN);
		PermitApplication second = submitted("回绕乙", FANGSHAN);
		PermitApplication last = submitted("回绕丙", FANGSHAN);

		assertThat(next(last, officer)).contains(first.id());
		assertThat(next(first, officer)).contains(second.id());
	}

	@Test
	void theOnlyWaitingApplicationHasNoNext() {
		SignedIn officer = PermitFixtures.officer(HUAIROU);
		PermitApplication only = submitted("唯一甲", HUAIROU);
		PermitApplication decided = submitted("唯一乙", HUAIROU);
		applications.reject(decided.id(), decided.version(), "材料不符", officer);

		assertThat(next(only, officer)).isEmpty();
		assertThat(next(reread(decided), officer)).as("from the decided one, the one still waiting")
			.contains(only.id());
	}

	private Optional<PermitApplicationId> next(PermitApplication current, SignedIn officer) {
		return applications.nextToReview(current, officer);
	}

	private PermitApplication reread(PermitApplication a) {
		return applications.open(a.id(), "test", PermitFixtures.officer(a.districtCode()));
	}

	private PermitApplication submitted(String childName, String district) {
		return submitted(fixtures.family(childName), district);
	}

	private PermitApplication submitted(PermitFixtures.Family family, String district) {
		PermitApplication a = applications.start(district, family.child().value(), family.childName(),
				family.signedIn());
		a = applications.saveDetails(a.id(), a.version(), PermitFixtures.details(a), family.signedIn());
		for (PermitApplication.Document d : a.documents()) {
			applications.addScan(a.id(), d.position(), d.code().toLowerCase() + ".pdf", PermitFixtures.pdf(),
					family.signedIn());
		}
		a = applications.openForFamily(a.id(), family.signedIn());
		return applications.submit(a.id(), a.version(), family.signedIn());
	}

}
