package org.ruxue.app.junior;

import java.util.List;

import org.ruxue.app.audit.Actor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's batches for 2017 in two districts, after the Dongcheng pattern of the shared
 * data's notes (several batches in one pass): the batch names and sizes are assumptions,
 * the schools offered come from the demo's schools and zones. Set once; the administrator
 * edits them.
 */
@Component
@Profile("demo")
@Order(30)
class DemoBatches implements ApplicationRunner {

	static final int YEAR = 2017;

	private final Batches batches;

	DemoBatches(Batches batches) {
		this.batches = batches;
	}

	@Override
	public void run(ApplicationArguments args) {
		set("110101",
				List.of(new Batch(1, "全区志愿派位", 8, BatchScope.DISTRICT), new Batch(2, "本片派位", 3, BatchScope.OWN_AREA)));
		set("110102", List.of(new Batch(1, "全区志愿派位", 6, BatchScope.DISTRICT)));
	}

	private void set(String district, List<Batch> wanted) {
		if (batches.plan(district, YEAR).batches().isEmpty()) {
			try {
				batches.replace(district, YEAR, 0, wanted, Actor.SYSTEM);
			}
			catch (PreferenceRefused racedByAnotherNode) {
				// another node set them first
			}
		}
	}

}
