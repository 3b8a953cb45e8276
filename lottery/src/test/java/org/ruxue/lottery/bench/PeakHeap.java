package org.ruxue.lottery.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ruxue.lottery.Draw;
import org.ruxue.lottery.SnapshotParser;

/**
 * Reads, draws and writes one snapshot file once, then prints the peak heap: the sum of
 * every heap pool's peak, an upper bound since the pools peak at different moments.
 */
public final class PeakHeap {

	private PeakHeap() {
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		byte[] result = Draw.run(SnapshotParser.parse(Files.readAllBytes(Path.of(args[0]))), args[1]).write();
		long elapsed = System.nanoTime() - started;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("%s: %d result bytes, %.0f ms cold, peak heap %.0f MiB%n", args[0], result.length,
				elapsed / 1e6, peak / 1048576.0);
	}

}
