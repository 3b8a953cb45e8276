package org.ruxue.lottery.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.ruxue.lottery.Draw;
import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Result;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.SnapshotParser;
import org.ruxue.lottery.SnapshotWriter;
import org.ruxue.lottery.TieBreaking;
import org.ruxue.lottery.cli.SyntheticCity;

/**
 * A warm draw at city scale: parse the snapshot's bytes, draw, write the result. Run as
 * docs/benchmarks/lottery.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = { "-Xmx512m" })
public class DrawBenchmark {

	@Param({ "beijing" })
	public String city;

	@Param({ "DEFERRED_ACCEPTANCE", "IMMEDIATE_ACCEPTANCE" })
	public Mechanism mechanism;

	@Param({ "SINGLE", "MULTIPLE" })
	public TieBreaking tieBreaking;

	private byte[] bytes;

	private Snapshot snapshot;

	@Setup
	public void generate() {
		SyntheticCity generator = "chile".equals(this.city) ? SyntheticCity.chile(this.mechanism, this.tieBreaking)
				: SyntheticCity.beijing(this.mechanism, this.tieBreaking);
		this.snapshot = generator.snapshot();
		this.bytes = SnapshotWriter.write(this.snapshot);
	}

	@Benchmark
	public byte[] parseDrawWrite() {
		return Draw.run(SnapshotParser.parse(this.bytes), "benchmark 01 02 03").write();
	}

	@Benchmark
	public Result draw() {
		return Draw.run(this.snapshot, "benchmark 01 02 03");
	}

}
