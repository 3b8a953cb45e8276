package org.ruxue.app.primary;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;
import org.ruxue.app.identity.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review page's "next" (issue 12) through the facade, against the real database
 * (R-P6): the district's next registration awaiting review in its queue's order, round to
 * the first after the last. Registrations need the test zones of Dongcheng, whose queue
 * every primary test shares: "next" is compared with the queue as read at the same
 * moment, and "no next for the only one waiting" is left to the permits', transfers' and
 * reports' tests, which have queues of their own.
 */
@IntegrationTest
class NextToReviewTest {

	private static final RegistrationStatus SUBMITTED = RegistrationStatus.SUBMITTED;

	@Autowired
	PrimaryFixtures fixtures;

	@Autowired
	PrimaryRegistrations registrations;

	private final SignedIn officer = PrimaryFixtures.officer(PrimaryFixtures.DONGCHENG);

	@BeforeEach
	void world() {
		fixtures.world();
	}

	@Test
	void nextIsTheFollowingWaitingRegistrationOfTheDistrict_neverADecidedCancelledOrOtherDistrictsOne() {
		Registration first = submitted("下审甲", PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_ADDRESS);
		Registration rejected = submitted("下审乙", PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_ADDRESS);
		Registration otherDistrict = submitted("下审丙", PrimaryFixtures.XICHENG, PrimaryFixtures.XC_ADDRESS);
		PrimaryFixtures.Family cancelling = fixtures.family("下审丁");
		Registration cancelled = registrations.submit(PrimaryFixtures.DONGCHENG,
				cancelling.form(PrimaryFixtures.DC_ADDRESS), cancelling.signedIn());
		Registration following = submitted("下审戊", PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_ADDRESS);
		rejected = registrations.reject(rejected.id(), rejected.version(), "材料不符", officer);
		cancelled = registrations.cancel(cancelled.id(), cancelled.version(), "改报他区", cancelling.signedIn());

		List<RegistrationId> queue = queue();
		assertThat(otherDistrict.status()).isEqualTo(SUBMITTED);
		assertThat(queue).contains(first.id(), following.id())
			.doesNotContain(rejected.id(), cancelled.id(), otherDistrict.id());
		assertThat(registrations.nextToReview(first, officer)).contains(following.id());
		assertThat(registrations.nextToReview(rejected, officer)).as("from one decided meanwhile, the one after it")
			.contains(following.id());
		assertThat(registrations.nextToReview(cancelled, officer)).contains(following.id());
		assertThat(registrations.nextToReview(following, officer)).as("the queue's next after it, or its first")
			.contains(queue.get((queue.indexOf(following.id()) + 1) % queue.size()));
	}

	@Test
	void afterTheLastWaitingRegistrationNextIsTheFirst() {
		submitted("回审甲", PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_ADDRESS);
		submitted("回审乙", PrimaryFixtures.DONGCHENG, PrimaryFixtures.DC_ADDRESS);
		List<RegistrationId> queue = queue();
		Registration last = registrations.open(queue.get(queue.size() - 1), "test", officer);

		assertThat(registrations.nextToReview(last, officer)).contains(queue.get(0));
	}

	/** The district's queue of registrations awaiting review, in its order. */
	private List<RegistrationId> queue() {
		return registrations
			.queue(PrimaryFixtures.DONGCHENG, 2017,
					new PrimaryRegistrations.QueueFilter(SUBMITTED, null, null, null, null), 20_000, officer)
			.stream()
			.map(PrimaryRegistrations.QueueLine::id)
			.toList();
	}

	private Registration submitted(String childName, String district, String address) {
		PrimaryFixtures.Family family = fixtures.family(childName);
		return registrations.submit(district, family.form(address), family.signedIn());
	}

}
