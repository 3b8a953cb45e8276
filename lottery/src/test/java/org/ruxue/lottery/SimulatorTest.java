package org.ruxue.lottery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatorTest {

	@Test
	void givesEqualChancesToEqualStudents() {
		// two tier-0 students, one seat: each wins about half the runs
		Snapshot snapshot = Snapshot.builder(Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.SINGLE)
			.school("A", 1)
			.student("a", Choice.of("A", 0))
			.student("b", Choice.of("A", 0))
			.build();
		Simulation simulation = Simulator.simulate(snapshot, 4000, 2, 42);
		assertThat(simulation.share("a", "A")).isCloseTo(0.5, within(0.04));
		assertThat(simulation.share("a", "A") + simulation.share("b", "A")).isEqualTo(1.0);
		assertThat(simulation.unplacedShare("a")).isCloseTo(1 - simulation.share("a", "A"), within(1e-12));
	}

	@Test
	void tiersDecideBeforeLuck() {
		Snapshot snapshot = Snapshot.builder(Mechanism.IMMEDIATE_ACCEPTANCE, TieBreaking.MULTIPLE)
			.school("A", 1)
			.school("B", 1)
			.student("a", Choice.of("A", 0), Choice.of("B", 1))
			.student("b", Choice.of("A", 1), Choice.of("B", 0))
			.build();
		Simulation simulation = Simulator.simulate(snapshot, 50, 1, 7);
		assertThat(simulation.share("a", "A")).isEqualTo(1.0);
		assertThat(simulation.share("b", "A")).isZero();
		assertThat(simulation.share("b", "B")).isEqualTo(1.0);
	}

	@Test
	void givesTheSameEstimateWhateverTheNumberOfThreads() throws IOException {
		Snapshot snapshot = Cities.random(99, Mechanism.DEFERRED_ACCEPTANCE, TieBreaking.MULTIPLE);
		assertThat(csv(Simulator.simulate(snapshot, 200, 1, 5)))
			.isEqualTo(csv(Simulator.simulate(snapshot, 200, 3, 5)));
	}

	@Test
	void writesOneRowPerListedSchoolAndOneForUnplaced() throws IOException {
		Simulation simulation = Simulator.simulate(Cities.example(), 3, 1, 1);
		assertThat(csv(simulation)).isEqualTo("""
				id,school,share
				7f3a9c01,S004,1.000000
				7f3a9c01,S002,0.000000
				7f3a9c01,S001,0.000000
				7f3a9c01,S009,0.000000
				7f3a9c01,-,0.000000
				9b20aa17,S001,1.000000
				9b20aa17,-,0.000000
				c0ffee00,S002,1.000000
				c0ffee00,-,0.000000
				""");
	}

	private static String csv(Simulation simulation) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		simulation.writeCsv(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
