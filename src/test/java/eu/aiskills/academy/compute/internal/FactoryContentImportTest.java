package eu.aiskills.academy.compute.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import eu.aiskills.academy.compute.ComputeProperties;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.AcademyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry holds the 13 AI Factories of Annex I, each operated by an organisation. */
@AcademyTest
class FactoryContentImportTest {

    @Autowired
    FactoryRegistry registry;
    @Autowired
    Factories factories;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path content;

    @Test
    void theThirteenFactoriesOfAnnexOneAreLoaded() {
        // Other tests in the same context add or edit factories: the 13 are there, whatever else is.
        assertThat(registry.all()).extracting(FactorySummary::name).contains(
                "LUMI AI Factory", "IT4LIA", "BSC AI Factory", "Luxembourg AI Factory", "MIMER", "HammerHAI", "Pharos",
                "JUPITER AI Factory", "AI Factory France", "Slovenian AI Factory", "PIAST AIF", "AI Factory Austria",
                "Bulgarian Robotics & AI Nexus");
        FactorySummary lumi = registry.bySlug("lumi").orElseThrow();
        assertThat(lumi.consortium()).containsExactly("FI", "CZ", "DK", "EE", "NO", "PL");
        assertThat(lumi.hostingEntity()).isEqualTo("CSC - IT Center for Science");
        assertThat(registry.all()).filteredOn(f -> f.editedAt() == null).flatMap(FactorySummary::partitions)
                .isNotEmpty().allMatch(p -> p.assumed());
        assertThat(registry.all()).allMatch(f -> f.operator() != null && !f.partitions().isEmpty());
        var operator = organisations.find(lumi.operator()).orElseThrow();
        assertThat(operator.kind()).isEqualTo(OrganisationKind.AI_FACTORY);
        assertThat(operator.name()).isEqualTo("CSC - IT Center for Science");
    }

    @Test
    void theDemoOperatorManagesLumi() {
        FactorySummary lumi = registry.bySlug("lumi").orElseThrow();
        assertThat(SystemActor.call(() -> organisations.members(lumi.operator())))
                .extracting(m -> m.accountEmail()).contains("operator@academy.test");
    }

    @Test
    void refusesInvalidRegistryFiles() throws IOException {
        Files.writeString(content.resolve("bad.yaml"), """
                slug: bad
                name: Bad Factory
                hostingEntity: Somewhere
                hostCountry: Finland
                consortium: [FI, xx]
                supercomputer: X
                keySectors: [Health]
                partitions:
                  - {name: gpu, gpuModel: G, gpusPerNode: 0, nodes: 1, gpuMemoryGb: 80}
                """);
        FactoryContentImport importer = new FactoryContentImport(new ComputeProperties(content.toUri().toString(), true, "classpath:/content/compute/access-modes.yaml",
                new ComputeProperties.Slurm(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(20), 3,
                        java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(15), java.time.Duration.ofMinutes(15), null, null)),
                factories, organisations, transactions, Clock.systemUTC());
        assertThatThrownBy(importer::importAll)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("hostCountry must be a two-letter country code")
                .hasMessageContaining("consortium must list two-letter country codes")
                .hasMessageContaining("gpusPerNode (1-64)");
    }
}
