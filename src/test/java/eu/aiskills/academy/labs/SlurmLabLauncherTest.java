package eu.aiskills.academy.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.BookingRequest;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.compute.FactoryEdit;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.LearnerQuota;
import eu.aiskills.academy.compute.Quotas;
import eu.aiskills.academy.compute.SchedulerEndpoint;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.labs.internal.LabTestContent;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.LocalSlurm;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A GPU lab on an AI Factory's Slurm (the local single-node cluster, a CPU job standing in for the
 * GPU node): the session's job starts a notebook server, the platform connects when the job runs,
 * code sees its GPU, stopping cancels the job, its GPU-hours are charged to the allocation and to
 * the learner's cap; pre-emption ends the session with its reason.
 */
@AcademyTest
class SlurmLabLauncherTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    LabSessions sessions;
    @Autowired
    Allocations allocations;
    @Autowired
    FactoryRegistry registry;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Quotas quotas;
    @Autowired
    eu.aiskills.academy.compute.Bookings bookings;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    LabTestContent content;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path courses;
    @TempDir
    Path labFolders;

    private LocalSlurm slurm;
    private String lab;
    private CourseDetail course;

    @BeforeEach
    void aGpuLabOnLumiBackedByTheLocalSlurm() throws IOException {
        slurm = LocalSlurm.get();
        Files.createDirectories(Path.of("target/test-slurm-tokens"));
        Files.writeString(Path.of("target/test-slurm-tokens/lumi.token"), slurm.token());
        KaribuSupport.signIn(context, "operator@academy.test");
        var lumi = registry.bySlug("lumi").orElseThrow();
        FactoryEdit edit = FactoryEdit.of(lumi);
        registry.edit(lumi.id(), new FactoryEdit(edit.description(), edit.supercomputerNote(), edit.keySectors(), edit.partitions(),
                new SchedulerEndpoint(slurm.url().toString(), "v0.0.38", LocalSlurm.USER, slurm.workDir())));

        int n = N.incrementAndGet();
        String slug = "gpu-lab-course-" + n;
        new TestCourses(courses, context).course(slug).lessons(1).create();
        course = catalogue.publishedCourse(slug).orElseThrow();
        lab = "gpu-lab-" + n;
        content.importLab(labFolders, lab, slug, course.lessons().getFirst().slug(), "[]", "import os");
        Files.writeString(labFolders.resolve(lab).resolve("lab.yaml"), Files.readString(labFolders.resolve(lab).resolve("lab.yaml"))
                .replace("gpus: 0", "gpus: 1"));
        content.reimport(labFolders);

        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation allocation = allocations.request(new AllocationRequest("lumi", "gpu-lab", "fast-lane",
                course.runs().getFirst().id().value(), new BigDecimal("50"), "GPU labs", LocalDate.now(ZoneOffset.UTC),
                LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        KaribuSupport.signIn(context, "operator@academy.test");
        allocations.approve(allocation.id(), new BigDecimal("50"), null);
        KaribuSupport.signIn(context, "student@academy.test");
        enrolments.enrol(course.runs().getFirst().id());
        // The learner's cap in the run (3 GPU-hours) is granted when the enrolment's event arrives.
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> remainingCap().compareTo(new BigDecimal("3")) == 0);
    }

    private LabSession awaitRunning(LabSession session) {
        return GradedLab.awaitRunning(sessions, session);
    }

    @Test
    void theSessionRunsInAJobSeesItsGpuAndIsChargedForTheTimeItRan() throws Exception {
        LabSession started = sessions.start(lab);
        assertThat(started.launcher()).isEqualTo(LabLauncher.SLURM);
        LabSession running = awaitRunning(started);

        List<LabSessions.CellProgress> progress = new CopyOnWriteArrayList<>();
        LabSessions.CellRun run = sessions.execute(running.id(), "import os, socket\nprint(os.environ.get('CUDA_VISIBLE_DEVICES'),"
                + " os.environ.get('SLURM_JOB_ID') is not None)", progress::add).get(60, TimeUnit.SECONDS);
        assertThat(run.status()).isEqualTo("ok");
        assertThat(progress).as("the outputs came as they were made").isNotEmpty();
        assertThat(run.outputs()).extracting(LabNotebook.Output::text).containsExactly("0 True\n");
        assertThat(remainingCap()).as("the time limit's GPU-hours are held on the learner's cap").isLessThan(new BigDecimal("3"));

        sessions.stop(running.id());

        await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> sessions.session(running.id()).gpuHours().signum() > 0);
        LabSession stopped = sessions.session(running.id());
        assertThat(stopped.state()).isEqualTo(LabSessionState.STOPPED);
        assertThat(stopped.gpuHours()).isLessThan(new BigDecimal("0.1"));
        assertThat(remainingCap()).as("what it did not use came back").isEqualByComparingTo(new BigDecimal("3").subtract(stopped.gpuHours()));
    }

    @Test
    void whileTheFactoryIsFullTheSessionWaitsInItsQueueAndSaysWhy() {
        String busy = slurm.sbatch(LocalSlurm.URGENT_PARTITION, LocalSlurm.GPUS, "#!/bin/bash\nsleep 120\n");
        LabSession waiting;
        try {
            LabSession started = sessions.start(lab);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> sessions.session(started.id()).reasonKey() != null);
            waiting = sessions.session(started.id());
            assertThat(waiting.state()).isEqualTo(LabSessionState.QUEUED);
            assertThat(waiting.reasonKey()).startsWith("lab.reason.factory-queue");
        } finally {
            slurm.scancel(busy);
        }
        LabSession running = awaitRunning(waiting);
        sessions.stop(running.id());
    }

    @Test
    void preemptionOnTheFactoryEndsTheSessionWithItsReason() {
        LabSession running = awaitRunning(sessions.start(lab));

        String urgent = slurm.sbatch(LocalSlurm.URGENT_PARTITION, LocalSlurm.GPUS, "#!/bin/bash\nsleep 30\n");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> sessions.session(running.id()).state().over());
            LabSession ended = sessions.session(running.id());
            assertThat(ended.state()).isEqualTo(LabSessionState.FAILED);
            assertThat(ended.reasonKey()).isEqualTo("lab.reason.preempted");
        } finally {
            slurm.scancel(urgent);
        }
    }

    @Test
    void whenTheInstructorBookedSessionsTheLabOpensOnlyInsideThem() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation allocation = allocations.mine().stream().filter(a -> course.runs().getFirst().id().value().equals(a.runId()))
                .findFirst().orElseThrow();
        java.time.Instant tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
        bookings.book(new BookingRequest(allocation.id(), tomorrow, Duration.ofHours(2), 2, 1));

        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> sessions.start(lab)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("lab.outside-booking");
            assertThat(e.arguments()).containsExactly(tomorrow.toString().substring(0, 10) + " 09:00 UTC");
        });
        assertThat(sessions.current(lab)).as("nothing half-started").isEmpty();

        // A window booked earlier that is open now: the lab opens, and its job ends with the window.
        jdbc.update("INSERT INTO lab_booking (id, allocation_id, partition_id, starts_at, ends_at, seats, gpus_per_seat, gpus, gpu_hours,"
                        + " status, booked_by, created_at) SELECT ?, ?, p.id, ?, ?, 1, 1, 1, 1, 'BOOKED', a.requester_id, ? FROM gpu_allocation a"
                        + " JOIN factory_partition p ON p.factory_id = a.factory_id AND p.name = a.partition_name WHERE a.id = ?",
                java.util.UUID.randomUUID().toString(), allocation.id().value().toString(),
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)), java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600)),
                java.sql.Timestamp.from(java.time.Instant.now()), allocation.id().value().toString());
        LabSession running = awaitRunning(sessions.start(lab));
        assertThat(Duration.between(java.time.Instant.now(), running.endsAt())).isLessThanOrEqualTo(Duration.ofMinutes(30));
        sessions.stop(running.id());
    }

    private BigDecimal remainingCap() {
        return quotas.mine().stream().filter(q -> q.runCode().equals(course.runs().getFirst().code())
                        && q.courseTitle().equals(course.summary().title())).map(LearnerQuota::remaining).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
