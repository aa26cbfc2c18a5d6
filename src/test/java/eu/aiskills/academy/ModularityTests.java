package eu.aiskills.academy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold (no cycles, no reaching into another module's internals) and are documented. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(AcademyApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleOfTheArchitectureExists() {
        Set<String> names = MODULES.stream().map(ApplicationModule::getIdentifier)
                .map(Object::toString).collect(Collectors.toSet());
        assertThat(names).contains("identity", "catalogue", "enrolment", "talent", "fellowships", "compute", "labs",
                "search", "documents", "shell", "shared");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
