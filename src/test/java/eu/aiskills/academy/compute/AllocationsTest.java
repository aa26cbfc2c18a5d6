package eu.aiskills.academy.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Allocations from request to grant, rejection and expiry, every hour in the ledger; learners' caps from their runs. */
@AcademyTest
class AllocationsTest {

    @Autowired
    Allocations allocations;
    @Autowired
    Quotas quotas;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Registration registration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void anOperatorGrantsFewerHoursAndTheLedgerShowsEveryMovement() {
        new TestCourses(content, context).course("gpu-course").create();
        CourseRun run = catalogue.publishedCourse("gpu-course").orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThat(allocations.accessModes()).extracting(AccessMode::code).containsExactly("playground", "fast-lane", "large-scale");

        assertThatThrownBy(() -> allocations.request(request("lumi", "gpu-lab", "playground", run, "500")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.field()).isEqualTo("hours");
                    assertThat(e.arguments()).containsExactly("Playground", "200");
                });
        assertThatThrownBy(() -> allocations.request(request("lumi", "no-such-partition", "fast-lane", run, "100")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("partition"));
        Allocation requested = allocations.request(request("lumi", "gpu-lab", "fast-lane", run, "120"));
        assertThat(requested.status()).isEqualTo(AllocationStatus.REQUESTED);
        assertThatThrownBy(() -> allocations.approve(requested.id(), BigDecimal.TEN, null)).isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, "operator@academy.test");
        assertThatThrownBy(() -> allocations.approve(requested.id(), new BigDecimal("150"), null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("hours"));
        Allocation granted = allocations.approve(requested.id(), new BigDecimal("80"), "Term one only");
        assertThat(granted.status()).isEqualTo(AllocationStatus.APPROVED);
        assertThat(granted.grantedHours()).isEqualByComparingTo("80");
        assertThatThrownBy(() -> allocations.approve(requested.id(), BigDecimal.ONE, null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("allocation.already-decided"));
        assertThat(allocations.ledger(requested.id(), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(QuotaEntryKind.GRANTED);
            assertThat(entry.hours()).isEqualByComparingTo("80");
            assertThat(entry.reason()).isEqualTo("Term one only");
        });

        // Another factory's request is not this operator's to decide.
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation elsewhere = allocations.request(request("jupiter", "gpu-lab", "fast-lane", run, "10"));
        KaribuSupport.signIn(context, "operator@academy.test");
        assertThatThrownBy(() -> allocations.approve(elsewhere.id(), BigDecimal.TEN, null)).isInstanceOf(AccessDeniedException.class);
        KaribuSupport.signIn(context, "admin@academy.test");
        assertThatThrownBy(() -> allocations.reject(elsewhere.id(), " "))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThat(allocations.reject(elsewhere.id(), "No lab partition free this term").status()).isEqualTo(AllocationStatus.REJECTED);

        // Validity over: the remaining hours expire, once.
        jdbc.update("UPDATE gpu_allocation SET valid_from = ?, valid_until = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now().minusDays(30)), java.sql.Date.valueOf(LocalDate.now().minusDays(1)),
                requested.id().value().toString());
        assertThat(SystemActor.call(allocations::expireDue)).isEqualTo(1);
        assertThat(SystemActor.call(allocations::expireDue)).isZero();
        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThat(allocations.mine()).filteredOn(a -> a.id().equals(requested.id())).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AllocationStatus.EXPIRED));
        assertThat(allocations.ledger(requested.id(), 10)).extracting(QuotaEntry::kind)
                .containsExactlyInAnyOrder(QuotaEntryKind.GRANTED, QuotaEntryKind.EXPIRED);
        assertThat(allocations.ledger(requested.id(), 10)).extracting(QuotaEntry::hours)
                .map(BigDecimal::doubleValue).containsExactlyInAnyOrder(80.0, -80.0);
    }

    @Test
    void playgroundHoursAreGrantedWithoutReviewAndLearnersGetTheirRunsCap() {
        new TestCourses(content, context).course("cap-course").create();
        CourseRun run = catalogue.publishedCourse("cap-course").orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation playground = allocations.request(request("lumi", "gpu-lab", "playground", run, "50"));
        assertThat(playground.status()).isEqualTo(AllocationStatus.APPROVED);
        assertThat(playground.grantedHours()).isEqualByComparingTo("50");

        People.create(registration, "capped@example.org", "Capped Learner", Role.STUDENT);
        KaribuSupport.signIn(context, "capped@example.org");
        enrolments.enrol(run.id());
        List<LearnerQuota> mine = await().atMost(Duration.ofSeconds(20)).pollInSameThread()
                .until(() -> quotas.mine(), list -> !list.isEmpty());
        assertThat(mine).singleElement().satisfies(quota -> {
            assertThat(quota.remaining()).isEqualByComparingTo("3");
            assertThat(quota.courseTitle()).isEqualTo("Course cap-course");
            assertThat(quota.entries()).extracting(QuotaEntry::kind).containsExactly(QuotaEntryKind.GRANTED);
        });
    }

    private static AllocationRequest request(String factory, String partition, String mode, CourseRun run, String hours) {
        return new AllocationRequest(factory, partition, mode, run.id().value(), new BigDecimal(hours),
                "Labs of the course's run", LocalDate.now(), LocalDate.now().plusDays(60));
    }
}
