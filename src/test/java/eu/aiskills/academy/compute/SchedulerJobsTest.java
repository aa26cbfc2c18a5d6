package eu.aiskills.academy.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnection;
import eu.aiskills.academy.compute.internal.slurm.SlurmHttp;
import eu.aiskills.academy.compute.internal.slurm.SlurmJobSubmission;
import eu.aiskills.academy.compute.internal.slurm.SlurmV0038;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.LocalSlurm;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Jobs on a real Slurm (the local single-node cluster): submitted under an allocation, followed to
 * their end however it comes, their GPU-hours reserved and settled in the ledger.
 */
@AcademyTest
class SchedulerJobsTest {

    private static final Path TOKENS = Path.of("target/test-slurm-tokens");

    @Autowired
    SchedulerJobs jobs;
    @Autowired
    Allocations allocations;
    @Autowired
    FactoryRegistry registry;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    private LocalSlurm slurm;
    private static final AtomicInteger COURSES = new AtomicInteger();

    @BeforeEach
    void connectLumiToTheLocalSlurm() throws IOException {
        slurm = LocalSlurm.get();
        writeToken(slurm.token());
        pointLumiAt(slurm.url().toString());
    }

    @Test
    void aJobRunsToCompletionAndOnlyTheTimeItRanIsCharged() {
        Allocation allocation = approvedAllocation("100");
        KaribuSupport.signIn(context, "instructor@academy.test");

        SchedulerJob job = jobs.submit(new JobRequest(allocation.id(), null, "Warm-up lab", "#!/bin/bash\necho $CUDA_VISIBLE_DEVICES\nsleep 2\n",
                Duration.ofMinutes(30), 2, java.util.Map.of("LAB", "warm-up"), null, null, 0));

        assertThat(job.state()).isIn(JobState.QUEUED, JobState.RUNNING);
        assertThat(job.slurmJobId()).isNotBlank();
        assertThat(job.reservedHours()).isEqualByComparingTo("1.000");
        assertThat(remaining(allocation)).isEqualByComparingTo("99");
        SchedulerJob done = awaitEnd(job);
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.endedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.consumedHours()).isBetween(new BigDecimal("0.000"), new BigDecimal("0.010"));
        assertThat(remaining(allocation)).isEqualByComparingTo(new BigDecimal("100").subtract(done.consumedHours()));
        assertThat(allocations.ledger(allocation.id(), 10)).extracting(QuotaEntry::kind)
                .contains(QuotaEntryKind.GRANTED, QuotaEntryKind.RESERVED, QuotaEntryKind.RELEASED);
        assertBalanceIsTheSumOfEntries(allocation);
    }

    @Test
    void aFailingScriptEndsFailedWithItsExitCode() {
        Allocation allocation = approvedAllocation("10");
        KaribuSupport.signIn(context, "instructor@academy.test");

        SchedulerJob failed = awaitEnd(jobs.submit(JobRequest.of(allocation.id(), "Broken lab", "#!/bin/bash\nexit 3\n",
                Duration.ofMinutes(10), 1)));

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.reasonKey()).isEqualTo("job.reason.exit-code");
        assertThat(failed.reasonDetail()).isEqualTo("3");
        assertThat(remaining(allocation)).isEqualByComparingTo(new BigDecimal("10").subtract(failed.consumedHours()));
    }

    @Test
    void cancelledByItsOwnerOrByTheFactory() {
        Allocation allocation = approvedAllocation("20");
        KaribuSupport.signIn(context, "instructor@academy.test");
        SchedulerJob mine = awaitRunning(jobs.submit(JobRequest.of(allocation.id(), "Long lab", "#!/bin/bash\nsleep 300\n",
                Duration.ofMinutes(20), 1)));

        SchedulerJob cancelled = jobs.cancel(mine.id());
        cancelled = awaitEnd(cancelled);

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.reasonKey()).isEqualTo("job.reason.cancelled");
        assertThat(slurm.state(mine.slurmJobId())).isEqualTo("CANCELLED");

        SchedulerJob other = awaitRunning(jobs.submit(JobRequest.of(allocation.id(), "Another lab", "#!/bin/bash\nsleep 300\n",
                Duration.ofMinutes(20), 1)));
        slurm.scancel(other.slurmJobId());
        SchedulerJob byFactory = awaitEnd(other);
        assertThat(byFactory.state()).isEqualTo(JobState.CANCELLED);
        assertThat(byFactory.reasonKey()).isEqualTo("job.reason.cancelled-by-factory");
        assertThat(remaining(allocation)).isEqualByComparingTo(new BigDecimal("20").subtract(cancelled.consumedHours())
                .subtract(byFactory.consumedHours()));
        assertBalanceIsTheSumOfEntries(allocation);
    }

    @Test
    void preemptedByAHigherPriorityJobOnTheFactory() {
        Allocation allocation = approvedAllocation("20");
        KaribuSupport.signIn(context, "instructor@academy.test");
        SchedulerJob job = awaitRunning(jobs.submit(JobRequest.of(allocation.id(), "Lab on every GPU", "#!/bin/bash\nsleep 300\n",
                Duration.ofMinutes(20), LocalSlurm.GPUS)));

        String urgent = slurm.sbatch(LocalSlurm.URGENT_PARTITION, LocalSlurm.GPUS, "#!/bin/bash\nsleep 30\n");
        try {
            SchedulerJob preempted = awaitEnd(job);
            assertThat(preempted.state()).isEqualTo(JobState.PREEMPTED);
            assertThat(preempted.reasonKey()).isEqualTo("job.reason.preempted");
            assertThat(remaining(allocation)).isEqualByComparingTo(new BigDecimal("20").subtract(preempted.consumedHours()));
        } finally {
            slurm.scancel(urgent);
        }
    }

    @Test
    void aRefusedTokenFailsTheSubmissionAndHoldsNoHours() throws IOException {
        Allocation allocation = approvedAllocation("10");
        writeToken("expired-or-forged");
        KaribuSupport.signIn(context, "instructor@academy.test");

        SchedulerJob job = jobs.submit(JobRequest.of(allocation.id(), "Lab", "#!/bin/bash\ntrue\n", Duration.ofMinutes(10), 1));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reasonKey()).isEqualTo("job.reason.credentials");
        assertThat(job.reasonDetail()).contains("nobody");
        assertThat(remaining(allocation)).isEqualByComparingTo("10");
    }

    @Test
    void anUnreachableSchedulerFailsTheSubmissionAfterBoundedAttempts() throws IOException {
        Allocation allocation = approvedAllocation("10");
        pointLumiAt("http://127.0.0.1:" + closedPort());
        KaribuSupport.signIn(context, "instructor@academy.test");

        long started = System.nanoTime();
        SchedulerJob job = jobs.submit(JobRequest.of(allocation.id(), "Lab", "#!/bin/bash\ntrue\n", Duration.ofMinutes(10), 1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reasonKey()).isEqualTo("job.reason.unreachable");
        assertThat(job.slurmJobId()).isNull();
        assertThat(remaining(allocation)).isEqualByComparingTo("10");
    }

    @Test
    void aJobWhoseSchedulerStopsAnsweringIsGivenUpAndCancelledOnceItAnswersAgain() throws IOException {
        Allocation allocation = approvedAllocation("10");
        KaribuSupport.signIn(context, "instructor@academy.test");
        SchedulerJob job = awaitRunning(jobs.submit(JobRequest.of(allocation.id(), "Lab", "#!/bin/bash\nsleep 300\n",
                Duration.ofMinutes(30), 1)));
        pointLumiAt("http://127.0.0.1:" + closedPort());
        KaribuSupport.signIn(context, "instructor@academy.test");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                .until(() -> jobs.refresh(job.id()).state(), JobState.LOST::equals);

        SchedulerJob lost = jobs.job(job.id());
        assertThat(lost.reasonKey()).isEqualTo("job.reason.unreachable");
        assertThat(lost.reasonDetail()).contains("Cannot connect");
        assertThat(remaining(allocation)).as("the reservation released, the time seen running charged")
                .isEqualByComparingTo(new BigDecimal("10").subtract(lost.consumedHours()));
        assertThat(slurm.state(job.slurmJobId())).isEqualTo("RUNNING");

        pointLumiAt(slurm.url().toString());
        SystemActor.run(jobs::pollActive);
        await().atMost(Duration.ofSeconds(15)).until(() -> slurm.state(job.slurmJobId()), "CANCELLED"::equals);
        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThat(jobs.job(job.id()).state()).as("its account stays settled").isEqualTo(JobState.LOST);
        assertThat(jobs.job(job.id()).cancelRequested()).as("nothing left to cancel").isFalse();
    }

    @Test
    void aSubmissionInterruptedByACrashIsAdoptedOrEnded() {
        Allocation allocation = approvedAllocation("10");
        // As if the platform stopped after reserving and before (or while) handing the job over.
        SchedulerJobId handedOver = crashedSubmission(allocation);
        SlurmConnection connection = new SlurmConnection(slurm.url(), LocalSlurm.USER, slurm::token);
        String slurmId = new SlurmV0038(new SlurmHttp(Duration.ofSeconds(2), Duration.ofSeconds(5))).submit(connection,
                new SlurmJobSubmission(SchedulerJobs.jobName(handedOver), LocalSlurm.PARTITION, "#!/bin/bash\nsleep 300\n", 60, 1,
                        null, null, java.util.Map.of(), slurm.workDir(), null, 0));
        SchedulerJobId neverArrived = crashedSubmission(allocation);
        assertThat(remaining(allocation)).isEqualByComparingTo("8");

        SystemActor.run(jobs::pollActive);

        assertThat(remaining(allocation)).as("the hour of the job that never arrived released").isEqualByComparingTo("9");
        SystemActor.run(() -> {
            assertThat(jobs.job(handedOver).slurmJobId()).isEqualTo(slurmId);
            assertThat(jobs.job(handedOver).state()).isIn(JobState.QUEUED, JobState.RUNNING);
            assertThat(jobs.job(neverArrived).state()).isEqualTo(JobState.FAILED);
            assertThat(jobs.job(neverArrived).reasonKey()).isEqualTo("job.reason.not-submitted");
            jobs.cancel(handedOver);
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> slurm.state(slurmId), "CANCELLED"::equals);
    }

    @Test
    void concurrentSubmissionsNeverReserveMoreThanTheAllocationHolds() throws Exception {
        Allocation allocation = approvedAllocation("5");

        List<Object> results = Race.run(8, i -> () -> {
            KaribuSupport.signIn(context, "instructor@academy.test");
            try {
                return jobs.submit(JobRequest.of(allocation.id(), "Racing lab " + i, "#!/bin/bash\nsleep 120\n", Duration.ofHours(1), 1));
            } catch (UserFacingException e) {
                return e.messageKey();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });

        List<SchedulerJob> accepted = results.stream().filter(SchedulerJob.class::isInstance).map(SchedulerJob.class::cast).toList();
        assertThat(accepted).hasSize(5);
        assertThat(results).filteredOn(String.class::isInstance).containsOnly("quota.insufficient").hasSize(3);
        assertThat(remaining(allocation)).isEqualByComparingTo("0");
        KaribuSupport.signIn(context, "instructor@academy.test");
        accepted.forEach(job -> jobs.cancel(job.id()));
        accepted.forEach(this::awaitEnd);
        assertBalanceIsTheSumOfEntries(allocation);
    }

    @Test
    void theFactorysLiveCapacityAndWhoMaySeeWhat() {
        Allocation allocation = approvedAllocation("10");
        KaribuSupport.signIn(context, "operator@academy.test");
        FactoryId lumi = registry.bySlug("lumi").orElseThrow().id();

        PartitionCapacity capacity = jobs.capacity(lumi, LocalSlurm.PARTITION);

        assertThat(capacity.nodes()).isEqualTo(1);
        assertThat(capacity.usableNodes()).isEqualTo(1);
        assertThat(capacity.gpus()).isEqualTo(LocalSlurm.GPUS);
        assertThat(capacity.gpusFree()).isBetween(0, LocalSlurm.GPUS);

        KaribuSupport.signIn(context, "instructor@academy.test");
        SchedulerJob job = jobs.submit(JobRequest.of(allocation.id(), "Lab", "#!/bin/bash\nsleep 60\n", Duration.ofMinutes(5), 0));
        KaribuSupport.signIn(context, "operator@academy.test");
        assertThat(jobs.job(job.id()).purpose()).isEqualTo("Lab");
        assertThat(jobs.ofAllocation(allocation.id())).extracting(SchedulerJob::id).contains(job.id());
        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> jobs.job(job.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jobs.cancel(job.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jobs.submit(JobRequest.of(allocation.id(), "Mine now", "#!/bin/bash\ntrue\n", Duration.ofMinutes(5), 0)))
                .isInstanceOf(AccessDeniedException.class);
        KaribuSupport.signIn(context, "employer@academy.test");
        assertThatThrownBy(() -> jobs.capacity(lumi, LocalSlurm.PARTITION)).isInstanceOf(AccessDeniedException.class);
        KaribuSupport.signIn(context, "instructor@academy.test");
        jobs.cancel(job.id());
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsReserved() {
        Allocation allocation = approvedAllocation("10");
        KaribuSupport.signIn(context, "instructor@academy.test");

        assertThatThrownBy(() -> jobs.submit(JobRequest.of(allocation.id(), "Lab", "echo no shebang", Duration.ofMinutes(5), 0)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("script"));
        assertThatThrownBy(() -> jobs.submit(JobRequest.of(allocation.id(), "Lab", "#!/bin/bash\ntrue\n", Duration.ofMinutes(5), 5)))
                .as("more GPUs than a node of gpu-lab has").isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.field()).isEqualTo("gpus"));
        assertThatThrownBy(() -> jobs.submit(JobRequest.of(allocation.id(), "Lab", "#!/bin/bash\ntrue\n", Duration.ofDays(3), 1)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("timeLimit"));
        assertThatThrownBy(() -> jobs.submit(new JobRequest(allocation.id(), null, "Lab", "#!/bin/bash\ntrue\n", Duration.ofMinutes(5),
                0, java.util.Map.of("BAD NAME", "x"), null, null, 0)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("environment"));
        assertThatThrownBy(() -> jobs.submit(new JobRequest(allocation.id(), null, "Lab", "#!/bin/bash\ntrue\n", Duration.ofMinutes(5),
                0, null, "acct; rm -rf /", null, 0)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("account"));
        assertThatThrownBy(() -> jobs.submit(JobRequest.of(allocation.id(), "Lab", "#!/bin/bash\ntrue\n", Duration.ofHours(11), 1)))
                .as("11 GPU-hours of the 10 left").isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quota.insufficient"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduler_job WHERE allocation_id = ?", Integer.class,
                allocation.id().value().toString())).isZero();
        assertThat(remaining(allocation)).isEqualByComparingTo("10");
    }

    private SchedulerJobId crashedSubmission(Allocation allocation) {
        SchedulerJobId id = SchedulerJobId.random();
        String factory = jdbc.queryForObject("SELECT id FROM ai_factory WHERE slug = 'lumi'", String.class);
        String owner = jdbc.queryForObject("SELECT id FROM account WHERE email = 'instructor@academy.test'", String.class);
        jdbc.update("INSERT INTO scheduler_job (id, factory_id, partition_name, allocation_id, owner_id, purpose, gpus,"
                        + " time_limit_minutes, reserved_hours, state, cancel_requested, failures, created_at)"
                        + " VALUES (?, ?, 'gpu-lab', ?, ?, 'Interrupted lab', 1, 60, 1.000, 'SUBMITTING', FALSE, 0, ?)",
                id.toString(), factory, allocation.id().value().toString(), owner, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
        ledger.move(ledger.allocationAccount(allocation.id().value()), QuotaEntryKind.RESERVED, new BigDecimal("-1.000"),
                "job:" + id + ":reserved", null, "Job: Interrupted lab");
        return id;
    }

    private SchedulerJob awaitRunning(SchedulerJob job) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).pollInSameThread()
                .until(() -> jobs.refresh(job.id()).state(), JobState.RUNNING::equals);
        return jobs.job(job.id());
    }

    private SchedulerJob awaitEnd(SchedulerJob job) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).pollInSameThread()
                .until(() -> jobs.refresh(job.id()).state().terminal());
        return jobs.job(job.id());
    }

    private void assertBalanceIsTheSumOfEntries(Allocation allocation) {
        var account = ledger.allocationAccount(allocation.id().value());
        assertThat(ledger.balance(account)).isEqualByComparingTo(ledger.sumOfEntries(account));
    }

    private BigDecimal remaining(Allocation allocation) {
        var account = ledger.allocationAccount(allocation.id().value());
        return ledger.balance(account);
    }

    private Allocation approvedAllocation(String hours) {
        String slug = "slurm-course-" + COURSES.incrementAndGet();
        new TestCourses(content, context).course(slug).create();
        CourseRun run = catalogue.publishedCourse(slug).orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation allocation = allocations.request(new AllocationRequest("lumi", "gpu-lab", "fast-lane", run.id().value(),
                new BigDecimal(hours), "Labs on the factory's Slurm", LocalDate.now(ZoneOffset.UTC),
                LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        KaribuSupport.signIn(context, "operator@academy.test");
        Allocation approved = allocations.approve(allocation.id(), new BigDecimal(hours), null);
        SecurityContextHolder.clearContext();
        return approved;
    }

    private void pointLumiAt(String url) {
        KaribuSupport.signIn(context, "operator@academy.test");
        FactorySummary lumi = registry.bySlug("lumi").orElseThrow();
        FactoryEdit edit = FactoryEdit.of(lumi);
        registry.edit(lumi.id(), new FactoryEdit(edit.description(), edit.supercomputerNote(), edit.keySectors(), edit.partitions(),
                new SchedulerEndpoint(url, "v0.0.38", LocalSlurm.USER, slurm.workDir())));
        SecurityContextHolder.clearContext();
    }

    private static void writeToken(String token) throws IOException {
        Files.createDirectories(TOKENS);
        Files.writeString(TOKENS.resolve("lumi.token"), token);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
