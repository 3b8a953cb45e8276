package org.ruxue.app.placement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.ruxue.app.identity.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs a draw or a publication in the background so that the administrator's page shows
 * its progress. The progress lives on the node that runs the work; another node's page
 * reads the draw's stored status instead. One piece of work at a time per node: a draw of
 * the whole city takes the machine's cores.
 */
@Component
class DrawWork {

	private static final Logger log = LoggerFactory.getLogger(DrawWork.class);

	enum Stage {

		DRAWING, PUBLISHING, DONE, FAILED

	}

	/**
	 * What a page shows of running work: the stage, lines stored of all, or why it
	 * failed.
	 */
	record Progress(Stage stage, int done, int total, String problemKey, Object[] problemArgs) {

		public boolean running() {
			return stage == Stage.DRAWING || stage == Stage.PUBLISHING;
		}

		public int percent() {
			return (total == 0) ? 0 : Math.min(100, 100 * done / total);
		}

	}

	private final Draws draws;

	private final Map<DrawId, Progress> progress = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("placement-draw").daemon(true).factory());

	DrawWork(Draws draws) {
		this.draws = draws;
	}

	Progress progress(DrawId id) {
		return progress.get(id);
	}

	/** Checks what can be checked at once, then draws in the background. */
	void startDraw(LotteryDraw draw, String entropy, SignedIn admin) {
		if (entropy == null || !entropy.matches(Draws.ENTROPY)) {
			throw new PlacementRefused("placement.error.entropy");
		}
		begin(draw, Stage.DRAWING);
		worker.execute(() -> run(draw.id(), () -> draws.draw(draw.id(), entropy, admin, n -> {
			progress.put(draw.id(), new Progress(Stage.DRAWING, n, draw.students(), null, null));
		})));
	}

	void startPublish(LotteryDraw draw, SignedIn admin) {
		begin(draw, Stage.PUBLISHING);
		worker.execute(() -> run(draw.id(), () -> draws.publish(draw.id(), admin)));
	}

	private void begin(LotteryDraw draw, Stage stage) {
		Progress now = progress.get(draw.id());
		if (now != null && now.running()) {
			throw new PlacementRefused("placement.error.running");
		}
		progress.put(draw.id(), new Progress(stage, 0, draw.students(), null, null));
	}

	private void run(DrawId id, Runnable work) {
		try {
			work.run();
			progress.put(id, new Progress(Stage.DONE, 0, 0, null, null));
		}
		catch (PlacementRefused refused) {
			progress.put(id, new Progress(Stage.FAILED, 0, 0, refused.messageKey(), refused.args()));
		}
		catch (RuntimeException ex) {
			log.error("Draw work failed for {}", id, ex);
			progress.put(id, new Progress(Stage.FAILED, 0, 0, "placement.error.failed", new Object[0]));
		}
	}

}
