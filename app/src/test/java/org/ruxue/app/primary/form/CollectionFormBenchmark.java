package org.ruxue.app.primary.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The forms-per-second benchmark (docs/benchmarks/primary.md): {@code threads} threads
 * render {@code forms} different information-collection forms (R-P6, R-P14) as PDF, each
 * with its own name, registration number, short code and QR code, the CJK font subset and
 * embedded, as {@link CollectionFormPdf#render} does for every print. A warm-up of a
 * fifth of the forms comes first. Not a test: run it with the command in the docs.
 */
public final class CollectionFormBenchmark {

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗欧阳";

	private static final String GIVEN = "子涵梓萱一诺欣怡浩然宇轩思远雨桐俊杰嘉怡";

	private CollectionFormBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int forms = (args.length > 0) ? Integer.parseInt(args[0]) : 2_000;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		CollectionFormPdf pdf = new CollectionFormPdf();
		run(pdf, forms / 5, threads, "warm-up");
		run(pdf, forms, threads, "measured");
	}

	private static void run(CollectionFormPdf pdf, int forms, int threads, String label) throws Exception {
		long[] nanos = new long[forms];
		AtomicInteger next = new AtomicInteger();
		AtomicLong bytes = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long began = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < forms; i = next.getAndIncrement()) {
					CollectionForm form = CollectionForms.haidianChild(name(i), String.format("2017-110108-%06d", i),
							String.format("K%03X-9MXD", i % 4096));
					long start = System.nanoTime();
					bytes.addAndGet(pdf.render(form).length);
					nanos[i] = System.nanoTime() - start;
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		pool.shutdown();
		Arrays.sort(nanos);
		System.out.printf(
				"%s: %,d forms by %d threads in %.1f s = %,.1f/s; p50 %.1f ms, p99 %.1f ms; "
						+ "%,d bytes a form on average%n",
				label, forms, threads, seconds, forms / seconds, nanos[forms / 2] / 1e6,
				nanos[(int) (forms * 0.99)] / 1e6, bytes.get() / forms);
	}

	/** Different characters per form, so each embeds a different subset of the font. */
	private static String name(int i) {
		return SURNAMES.charAt(i % SURNAMES.length()) + "" + GIVEN.charAt(i / 7 % GIVEN.length())
				+ GIVEN.charAt(i / 3 % GIVEN.length());
	}

}
