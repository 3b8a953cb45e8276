package org.ruxue.app.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Admission control (issue 11), one instance for the writes and one for the reads: at
 * most {@code concurrent} requests of its kind run at once; beyond that a request waits
 * in a waiting room of {@code waiting} places for at most {@code maxWait}. A request that
 * finds the room full or waits in vain is answered 503 with {@code Retry-After},
 * estimated from how many wait and how many requests of its kind the node completed per
 * second lately, before anything of it was read or written. A write turned away was not
 * acknowledged, so nothing of it is lost, and the family submits the same form again (the
 * form's idempotency key makes a repeat count once). Reads have a limit of their own, far
 * higher, so that a flood of page views cannot take every database connection and hold
 * the writes behind it; static files pass freely. Nothing here orders families: whoever
 * is admitted first is a matter of chance, and the order of submission decides nothing
 * (R-G4).
 */
public class AdmissionControl extends OncePerRequestFilter {

	/** Seconds of completions kept for the throughput estimate. */
	private static final int WINDOW = 10;

	/** Which requests an instance holds, and the messages it turns them away with. */
	public enum Traffic {

		/** Requests that may change something: every method but GET, HEAD and OPTIONS. */
		WRITES("admission.busy"),

		/** Page views and API reads, but not static files nor the health probes. */
		READS("admission.busy-reads");

		private final String messagePrefix;

		Traffic(String messagePrefix) {
			this.messagePrefix = messagePrefix;
		}

		boolean holds(HttpServletRequest request) {
			String method = request.getMethod();
			boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
			if (this == WRITES) {
				return !read;
			}
			if (!read) {
				return false;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			for (String free : FREE) {
				if (path.startsWith(free)) {
					return false;
				}
			}
			return true;
		}

	}

	/** Static files and the probes: no database behind them, never held. */
	private static final List<String> FREE = List.of("/webjars/", "/css/", "/js/", "/img/", "/favicon", "/actuator/");

	private final Traffic traffic;

	private final Semaphore running;

	private final int waitingPlaces;

	private final Duration maxWait;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final AtomicInteger waiting = new AtomicInteger();

	/** Completions per second of the last {@link #WINDOW} seconds, by epoch second. */
	private final AtomicLongArray completed = new AtomicLongArray(WINDOW);

	private final AtomicLongArray completedSecond = new AtomicLongArray(WINDOW);

	public AdmissionControl(Traffic traffic, int concurrent, int waitingPlaces, Duration maxWait,
			MessageSource messages, LocaleResolver locales) {
		this.traffic = traffic;
		this.running = new Semaphore(concurrent, true);
		this.waitingPlaces = waitingPlaces;
		this.maxWait = maxWait;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !traffic.holds(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!admit()) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			running.release();
			countCompletion();
		}
	}

	private boolean admit() throws ServletException {
		if (running.tryAcquire()) {
			return true;
		}
		if (waiting.incrementAndGet() > waitingPlaces) {
			waiting.decrementAndGet();
			return false;
		}
		try {
			return running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException("Interrupted in the waiting room", ex);
		}
		finally {
			waiting.decrementAndGet();
		}
	}

	/**
	 * Seconds until a place is likely free: everyone waiting, plus this request, at the
	 * rate writes completed over the last seconds; between 1 and 60.
	 */
	int retryAfterSeconds() {
		long now = System.currentTimeMillis() / 1000;
		long done = 0;
		for (int i = 0; i < WINDOW; i++) {
			if (now - completedSecond.get(i) < WINDOW) {
				done += completed.get(i);
			}
		}
		double perSecond = Math.max(1.0, done / (double) WINDOW);
		long seconds = (long) Math.ceil((waiting.get() + 1) / perSecond);
		return (int) Math.clamp(seconds, 1, 60);
	}

	int waiting() {
		return waiting.get();
	}

	private void countCompletion() {
		long second = System.currentTimeMillis() / 1000;
		int slot = (int) (second % WINDOW);
		if (completedSecond.get(slot) != second) {
			completedSecond.set(slot, second);
			completed.set(slot, 0);
		}
		completed.incrementAndGet(slot);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int retryAfter = retryAfterSeconds();
		Locale locale = locales.resolveLocale(request);
		BusyAnswer.write(request, response, messages.getMessage(traffic.messagePrefix + ".title", null, locale),
				messages.getMessage(traffic.messagePrefix + ".detail", new Object[] { retryAfter }, locale), retryAfter,
				locale);
	}

}
