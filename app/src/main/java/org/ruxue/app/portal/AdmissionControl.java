package org.ruxue.app.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.web.util.HtmlUtils;

/**
 * Admission control in front of the write paths (issue 11): at most {@code concurrent}
 * requests that change something run at once; beyond that a request waits in a waiting
 * room of {@code waiting} places for at most {@code maxWait}. A request that finds the
 * room full or waits in vain is answered 503 with {@code Retry-After}, estimated from how
 * many wait and how many writes the node completed per second lately, before anything of
 * it was read or written: it was not acknowledged, so nothing of it is lost, and the
 * family submits the same form again (the form's idempotency key makes a repeat count
 * once). Reads are never held: the open lookup and the status pages stay fast. Nothing
 * here orders families: whoever is admitted first is a matter of chance, and the order of
 * submission decides nothing (R-G4).
 */
public class AdmissionControl extends OncePerRequestFilter {

	/** Seconds of completions kept for the throughput estimate. */
	private static final int WINDOW = 10;

	private final Semaphore running;

	private final int waitingPlaces;

	private final Duration maxWait;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final AtomicInteger waiting = new AtomicInteger();

	/** Completions per second of the last {@link #WINDOW} seconds, by epoch second. */
	private final AtomicLongArray completed = new AtomicLongArray(WINDOW);

	private final AtomicLongArray completedSecond = new AtomicLongArray(WINDOW);

	public AdmissionControl(int concurrent, int waitingPlaces, Duration maxWait, MessageSource messages,
			LocaleResolver locales) {
		this.running = new Semaphore(concurrent, true);
		this.waitingPlaces = waitingPlaces;
		this.maxWait = maxWait;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
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
		String title = messages.getMessage("admission.busy.title", null, locale);
		String detail = messages.getMessage("admission.busy.detail", new Object[] { retryAfter }, locale);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Integer.toString(retryAfter));
		response.setHeader("Cache-Control", "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String accept = String.valueOf(request.getHeader("Accept"));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !accept.contains("text/html")) {
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"status\":503,\"title\":\"" + json(title) + "\",\"detail\":\""
						+ json(detail) + "\",\"retryAfterSeconds\":" + retryAfter + "}");
			return;
		}
		response.setContentType("text/html");
		String lang = locale.getLanguage().equals("en") ? "en" : "zh-CN";
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
					+ HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
					+ "</h1><p id=\"busy\">" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
