package org.ruxue.app;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map of DESIGN.md holds, and its diagram in docs/ is regenerated from the
 * code.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(RuxueApplication.class);

	@Test
	void modulesOnlyUseEachOthersApi() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramIntoDocs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
