package org.ruxue.app.portal;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting room in front of the write paths (issue 11), with one place to run and one
 * to wait: beyond them a clear 503 with Retry-After, in the visitor's language, before
 * the request reaches anything that writes; reads are not held by it, they have an
 * instance of their own.
 */
class AdmissionControlTest {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final AdmissionControl admission;

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch entered = new CountDownLatch(1);

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	AdmissionControlTest() {
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		admission = new AdmissionControl(AdmissionControl.Traffic.WRITES, 1, 1, Duration.ofMillis(300), messages,
				new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void beyondTheRunningPlacesAndTheWaitingRoomAWriteIsTurnedAwayWithRetryAfterAndReadsPass() throws Exception {
		CompletableFuture<MockHttpServletResponse> slow = CompletableFuture.supplyAsync(() -> post("/primary/x", true),
				threads);
		assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

		// one waits its 300 ms in the room; meanwhile the room is full for the next
		CompletableFuture<MockHttpServletResponse> waiter = CompletableFuture
			.supplyAsync(() -> post("/api/v1/x", false));
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (admission.waiting() == 0 && System.nanoTime() < until) {
			Thread.onSpinWait();
		}
		MockHttpServletResponse roomFull = post("/primary/y", false);
		MockHttpServletResponse read = get("/zones");

		assertThat(roomFull.getStatus()).isEqualTo(503);
		assertThat(Integer.parseInt(roomFull.getHeader("Retry-After"))).isBetween(1, 60);
		assertThat(read.getStatus()).as("reads are never held").isEqualTo(200);
		MockHttpServletResponse waited = waiter.get(5, TimeUnit.SECONDS);
		assertThat(waited.getStatus()).isEqualTo(503);
		assertThat(waited.getContentType()).startsWith("application/problem+json");
		assertThat(waited.getContentAsString()).contains("\"status\":503", "retryAfterSeconds", "没有保存");

		release.countDown();
		assertThat(slow.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(post("/primary/z", false).getStatus()).as("a place is free again").isEqualTo(200);
		threads.shutdown();
	}

	@Test
	void aPageVisitorGetsAPageInTheirLanguage() throws Exception {
		AdmissionControl english = new AdmissionControl(AdmissionControl.Traffic.WRITES, 0, 0, Duration.ZERO, messages,
				new FixedLocaleResolver(Locale.ENGLISH));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/primary/110101/register");
		request.addHeader("Accept", "text/html,application/xhtml+xml");
		MockHttpServletResponse response = new MockHttpServletResponse();

		english.doFilter(request, response, (req, res) -> {
			throw new AssertionError("turned away before anything runs");
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("lang=\"en\"", "submit it again", "counts once");
	}

	@Test
	void readsHaveTheirOwnLimitAndStaticFilesPassFreely() throws Exception {
		AdmissionControl reads = new AdmissionControl(AdmissionControl.Traffic.READS, 0, 0, Duration.ZERO, messages,
				new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE));
		MockHttpServletResponse page = new MockHttpServletResponse();
		reads.doFilter(new MockHttpServletRequest("GET", "/zones"), page, (req, res) -> {
			throw new AssertionError("turned away before anything runs");
		});
		MockHttpServletResponse script = new MockHttpServletResponse();
		reads.doFilter(new MockHttpServletRequest("GET", "/webjars/htmx.org/dist/htmx.min.js"), script,
				(req, res) -> ((MockHttpServletResponse) res).setStatus(200));
		MockHttpServletResponse write = new MockHttpServletResponse();
		reads.doFilter(new MockHttpServletRequest("POST", "/primary/x"), write,
				(req, res) -> ((MockHttpServletResponse) res).setStatus(200));

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getHeader("Retry-After")).isNotBlank();
		assertThat(page.getContentAsString()).contains("刷新页面").doesNotContain("没有保存");
		assertThat(script.getStatus()).isEqualTo(200);
		assertThat(write.getStatus()).as("writes are the other instance's").isEqualTo(200);
	}

	private MockHttpServletResponse post(String path, boolean hold) {
		return call("POST", path, hold);
	}

	private MockHttpServletResponse get(String path) {
		return call("GET", path, false);
	}

	private MockHttpServletResponse call(String method, String path, boolean hold) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", "application/json");
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			admission.doFilter(request, response, (req, res) -> {
				if (hold) {
					entered.countDown();
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				((MockHttpServletResponse) res).setStatus(200);
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

}
