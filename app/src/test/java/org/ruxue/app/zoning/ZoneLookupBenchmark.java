package org.ruxue.app.zoning;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The in-process lookup benchmark (docs/benchmarks/zoning.md): normalisation, the Lucene
 * search with its checks, and R-Z4 on the hits, on one thread, over a synthetic
 * dictionary of 200,000 addresses. Not a test: run it with the command in the docs.
 */
public final class ZoneLookupBenchmark {

	private ZoneLookupBenchmark() {
	}

	public static void main(String[] args) {
		int size = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int measured = (args.length > 1) ? Integer.parseInt(args[1]) : 200_000;
		AdministrativeDivisions divisions = AdministrativeDivisions.beijing2023();
		SyntheticZoneDictionary dictionary = SyntheticZoneDictionary.generate(size, 42);
		long heapBefore = usedHeap();
		long start = System.nanoTime();
		AddressIndex index = AddressIndex.build(dictionary.entries(), divisions);
		long buildMillis = (System.nanoTime() - start) / 1_000_000;
		long heapAfter = usedHeap();
		System.out.printf(
				"dictionary: %,d addresses; index built in %,d ms; Lucene index %,d KiB; "
						+ "heap for index and entries ~%,d MiB%n",
				index.size(), buildMillis, index.indexBytes() / 1024, (heapAfter - heapBefore) / (1024 * 1024));

		List<String> queries = dictionary.messyQueries(50_000, 7);
		run(index, divisions, queries, 100_000);
		long[] nanos = new long[measured];
		int found = 0;
		long began = System.nanoTime();
		for (int i = 0; i < measured; i++) {
			long t = System.nanoTime();
			found += lookup(index, divisions, queries.get(i % queries.size()));
			nanos[i] = System.nanoTime() - t;
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		Arrays.sort(nanos);
		System.out.printf(
				"lookups: %,d in %.2f s = %,.0f/s on one thread; found %.1f%%; "
						+ "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
				measured, seconds, measured / seconds, 100.0 * found / measured, nanos[measured / 2] / 1e6,
				nanos[(int) (measured * 0.99)] / 1e6, nanos[(int) (measured * 0.999)] / 1e6, nanos[measured - 1] / 1e6);
	}

	private static void run(AddressIndex index, AdministrativeDivisions divisions, List<String> queries, int n) {
		for (int i = 0; i < n; i++) {
			lookup(index, divisions, queries.get(i % queries.size()));
		}
	}

	private static int lookup(AddressIndex index, AdministrativeDivisions divisions, String query) {
		TypedAddress typed = TypedAddress.parse(query, divisions);
		List<AddressIndex.IndexHit> hits = index.search(typed, typed.districtCode(), EntryLevel.PRIMARY, null, 2017, 5);
		for (AddressIndex.IndexHit hit : hits) {
			MultiSchoolZoningRule.apply(hit.entry(), LocalDate.of(2017, 6, 30), null);
		}
		return hits.isEmpty() ? 0 : 1;
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
