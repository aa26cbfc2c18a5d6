package eu.aiskills.academy.compute.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.BookingRequest;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.compute.ComputeProperties;
import eu.aiskills.academy.compute.FactoryEdit;
import eu.aiskills.academy.compute.FactoryEdit.PartitionEdit;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.SchedulerEndpoint;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** Operators keep their factory's data: description, partitions and the Slurm endpoint, within what bookings allow. */
@AcademyTest
class FactoryEditTest {

    @Autowired
    FactoryRegistry registry;
    @Autowired
    Factories factories;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Allocations allocations;
    @Autowired
    Bookings bookings;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;
    @TempDir
    Path courses;

    @Test
    void anOperatorEditsTheirFactoryAndNoOther() {
        KaribuSupport.signIn(context, "operator@academy.test");
        FactorySummary lumi = registry.bySlug("lumi").orElseThrow();
        assertThat(registry.mayEdit(lumi)).isTrue();
        FactoryEdit edit = FactoryEdit.of(lumi);

        FactorySummary edited = registry.edit(lumi.id(), new FactoryEdit("Open AI ecosystem on LUMI-AI.", "In service 2026",
                List.of("Health", "Climate"), edit.partitions(),
                new SchedulerEndpoint("https://slurm-rest.lumi.example:6820", "v0.0.41", "academy", "/scratch/academy")));

        assertThat(edited.description()).isEqualTo("Open AI ecosystem on LUMI-AI.");
        assertThat(edited.keySectors()).containsExactly("Health", "Climate");
        assertThat(edited.scheduler()).isEqualTo(new SchedulerEndpoint("https://slurm-rest.lumi.example:6820", "v0.0.41", "academy",
                "/scratch/academy"));
        assertThat(edited.editedAt()).isNotNull();
        assertThat(edited.partitions()).as("what operators state is no longer an assumption").noneMatch(p -> p.assumed());

        FactorySummary jupiter = registry.bySlug("jupiter").orElseThrow();
        assertThat(registry.mayEdit(jupiter)).isFalse();
        assertThatThrownBy(() -> registry.edit(jupiter.id(), FactoryEdit.of(jupiter))).isInstanceOf(AccessDeniedException.class);
        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThatThrownBy(() -> registry.edit(lumi.id(), FactoryEdit.of(lumi))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesBadEditsFieldByFieldAndChangesNothing() {
        KaribuSupport.signIn(context, "admin@academy.test");
        FactorySummary before = registry.bySlug("mimer").orElseThrow();
        FactoryEdit edit = FactoryEdit.of(before);
        record Case(String field, FactoryEdit edit) {
        }
        PartitionEdit first = edit.partitions().getFirst();
        List<Case> cases = List.of(
                new Case("description", new FactoryEdit(" ", null, List.of(), edit.partitions(), null)),
                new Case("description", new FactoryEdit("Bell\u0007", null, List.of(), edit.partitions(), null)),
                new Case("partitions", new FactoryEdit("Fine", null, List.of(), List.of(), null)),
                new Case("partitions", new FactoryEdit("Fine", null, List.of(), List.of(first, first), null)),
                new Case("partitions", new FactoryEdit("Fine", null, List.of(), List.of(new PartitionEdit("../x", "G", 4, 1, 80)), null)),
                new Case("partitions", new FactoryEdit("Fine", null, List.of(), List.of(new PartitionEdit("gpu", "G", 0, 1, 80)), null)),
                new Case("schedulerUrl", new FactoryEdit("Fine", null, List.of(), edit.partitions(),
                        new SchedulerEndpoint("ftp://slurm.example", "v0.0.38", "academy", "/tmp"))),
                new Case("schedulerUrl", new FactoryEdit("Fine", null, List.of(), edit.partitions(),
                        new SchedulerEndpoint("https://user:pw@slurm.example", "v0.0.38", "academy", "/tmp"))),
                new Case("schedulerApiVersion", new FactoryEdit("Fine", null, List.of(), edit.partitions(),
                        new SchedulerEndpoint("https://slurm.example", "v0.0.99", "academy", "/tmp"))),
                new Case("schedulerUser", new FactoryEdit("Fine", null, List.of(), edit.partitions(),
                        new SchedulerEndpoint("https://slurm.example", "v0.0.38", "Root; rm", "/tmp"))),
                new Case("schedulerWorkDir", new FactoryEdit("Fine", null, List.of(), edit.partitions(),
                        new SchedulerEndpoint("https://slurm.example", "v0.0.38", "academy", "/scratch/../etc"))));
        for (Case c : cases) {
            assertThatThrownBy(() -> registry.edit(before.id(), c.edit())).as(c.field())
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo(c.field()));
        }
        assertThat(registry.bySlug("mimer").orElseThrow()).isEqualTo(before);
    }

    @Test
    void aPartitionInUseStaysAndNoneShrinksBelowItsBookings() throws IOException {
        Files.writeString(content.resolve("edit-test.yaml"), factoryFile("As imported."));
        importer().importAll();
        FactorySummary factory = registry.bySlug("edit-test").orElseThrow();
        new TestCourses(courses, context).course("edit-test-course").create();
        CourseRun run = catalogue.publishedCourse("edit-test-course").orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation allocation = allocations.request(new AllocationRequest("edit-test", "lab", "fast-lane", run.id().value(),
                new BigDecimal("500"), "Labs", LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        KaribuSupport.signIn(context, "admin@academy.test");
        allocations.approve(allocation.id(), new BigDecimal("500"), null);
        KaribuSupport.signIn(context, "instructor@academy.test");
        Instant tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
        bookings.book(new BookingRequest(allocation.id(), tomorrow, Duration.ofHours(2), 12, 1));
        KaribuSupport.signIn(context, "admin@academy.test");
        PartitionEdit train = new PartitionEdit("train", "H100", 4, 8, 80);

        assertThatThrownBy(() -> registry.edit(factory.id(), new FactoryEdit("Edited.", null, List.of(), List.of(train), null)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("factory.invalid.partition-in-use");
                    assertThat(e.arguments()).containsExactly("lab");
                });
        assertThatThrownBy(() -> registry.edit(factory.id(), new FactoryEdit("Edited.", null, List.of(),
                List.of(new PartitionEdit("lab", "H100", 4, 2, 80), train), null)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("factory.invalid.partition-booked");
                    assertThat(e.arguments()).containsExactly("lab", 12, tomorrow);
                });

        FactorySummary edited = registry.edit(factory.id(), new FactoryEdit("Edited.", null, List.of(),
                List.of(new PartitionEdit("lab", "H100", 4, 3, 80)), null));
        assertThat(edited.partitions()).extracting(p -> p.name() + ":" + p.totalGpus()).containsExactly("lab:12");

        Files.writeString(content.resolve("edit-test.yaml"), factoryFile("Changed in the registry file."));
        importer().importAll();
        assertThat(registry.bySlug("edit-test").orElseThrow().description()).as("the operators' edit wins").isEqualTo("Edited.");
    }

    private FactoryContentImport importer() {
        return new FactoryContentImport(new ComputeProperties(content.toUri().toString(), true,
                "classpath:/content/compute/access-modes.yaml", new ComputeProperties.Slurm(Duration.ofSeconds(5),
                Duration.ofSeconds(20), 3, Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMinutes(15), null, null)),
                factories, organisations, transactions, Clock.systemUTC());
    }

    private static String factoryFile(String description) {
        return """
                slug: edit-test
                name: Edit Test Factory
                hostingEntity: Edit Test Centre
                hostCountry: FI
                consortium: [FI]
                supercomputer: Testbed
                keySectors: [Health]
                description: %s
                partitions:
                  - {name: lab, gpuModel: H100, gpusPerNode: 4, nodes: 4, gpuMemoryGb: 80}
                  - {name: train, gpuModel: H100, gpusPerNode: 4, nodes: 8, gpuMemoryGb: 80}
                """.formatted(description);
    }
}
