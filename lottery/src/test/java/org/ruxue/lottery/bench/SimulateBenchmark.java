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

import org.ruxue.lottery.Mechanism;
import org.ruxue.lottery.Simulation;
import org.ruxue.lottery.Simulator;
import org.ruxue.lottery.Snapshot;
import org.ruxue.lottery.TieBreaking;
import org.ruxue.lottery.cli.SyntheticCity;

/**
 * Twenty full simulated runs of a Beijing-scale city on two threads; runs per second is
 * 20 divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgs = { "-Xmx512m" })
public class SimulateBenchmark {

	static final int RUNS = 20;

	@Param({ "DEFERRED_ACCEPTANCE", "IMMEDIATE_ACCEPTANCE" })
	public Mechanism mechanism;

	@Param({ "SINGLE", "MULTIPLE" })
	public TieBreaking tieBreaking;

	private Snapshot snapshot;

	@Setup
	public void generate() {
		this.snapshot = SyntheticCity.beijing(this.mechanism, this.tieBreaking).snapshot();
	}

	@Benchmark
	public Simulation twentyRunsOnTwoThreads() {
		return Simulator.simulate(this.snapshot, RUNS, 2, 2017);
	}

}
