package eu.aiskills.academy.labs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.internal.Ipynb;
import eu.aiskills.academy.labs.internal.LabRuntime;
import eu.aiskills.academy.labs.internal.PlatformInstances;
import eu.aiskills.academy.labs.internal.kernel.Execution;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lab sessions: a learner enrolled in the lab's course (or its instructor) starts one; it queues
 * when every sandbox is taken, starts, runs cells, and stops on request, when idle too long, at
 * the end of its time (unless extended), or when the platform stops. One live session per learner
 * and lab, guarded by a unique key. A session never stays starting or running without a sandbox
 * behind it: the culler ends it with the reason.
 */
@Service
public class LabSessions {

    private static final Logger log = LoggerFactory.getLogger(LabSessions.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int CODE_MAX_CHARS = LabNotebook.MAX_CELL_CHARS;
    /** Moments named in messages about factory sessions (booked windows, expected starts). */
    private static final java.time.format.DateTimeFormatter UTC_MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final Labs labs;
    private final LabRuntime runtime;
    private final LabsProperties properties;
    private final Enrolments enrolments;
    private final Catalogue catalogue;
    private final eu.aiskills.academy.identity.AccountManagement accounts;
    private final eu.aiskills.academy.compute.SchedulerJobs jobs;
    private final eu.aiskills.academy.compute.Allocations allocations;
    private final eu.aiskills.academy.compute.Bookings bookings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final PlatformInstances instances;

    LabSessions(Labs labs, LabRuntime runtime, LabsProperties properties, Enrolments enrolments, Catalogue catalogue,
                eu.aiskills.academy.identity.AccountManagement accounts, eu.aiskills.academy.compute.SchedulerJobs jobs,
                eu.aiskills.academy.compute.Allocations allocations, eu.aiskills.academy.compute.Bookings bookings, JdbcTemplate jdbc,
                Clock clock, PlatformInstances instances) {
        this.instances = instances;
        this.bookings = bookings;
        this.accounts = accounts;
        this.jobs = jobs;
        this.allocations = allocations;
        this.labs = labs;
        this.runtime = runtime;
        this.properties = properties;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts (or returns the live) session of a lab for the signed-in learner. It is queued when
     * every local sandbox is taken and starts in the order asked.
     */
    @PreAuthorize("isAuthenticated()")
    public LabSession start(String slug) {
        LabTemplate lab = labs.require(slug);
        AccountId me = CurrentUser.requireId();
        requireMayUse(lab);
        Optional<LabSession> live = current(slug);
        if (live.isPresent()) {
            return live.get();
        }
        if (lab.gpus() > 0) {
            return startOnFactory(lab, me);
        }
        UUID id = UUID.randomUUID();
        Optional<LabSession> concurrent = insert(id, lab, me, "LOCAL", 0);
        if (concurrent.isPresent()) {
            return concurrent.get();
        }
        log.info("Lab session {} of {} queued for {}", id, slug, me);
        promote();
        return load(id);
    }

    /** The notebook server a lab's batch job reports in its Slurm comment: {@code academy-lab <host>:<port>}. */
    private static final java.util.regex.Pattern SERVER = java.util.regex.Pattern.compile("academy-lab ([A-Za-z0-9.-]{1,253}):(\\d{2,5})");

    /**
     * A GPU lab runs as a batch job on the AI Factory that hosts the learner's run's allocation: the
     * job starts a notebook server on its node and writes where it listens into its Slurm comment;
     * the session connects there when the job runs. Its GPU-hours go to the allocation and to the
     * learner's cap, as the job's are settled.
     */
    private LabSession startOnFactory(LabTemplate lab, AccountId me) {
        LearnerCourse seat = seat(lab).orElseThrow(() -> new UserFacingException("lab.needs-factory", lab.gpus()));
        UUID run = seat.run().id().value();
        eu.aiskills.academy.compute.Allocation allocation = SystemActor.call(() -> allocations.approvedForRun(run)).stream()
                .filter(a -> a.remaining().signum() > 0).findFirst()
                .orElseThrow(() -> new UserFacingException("lab.needs-factory", lab.gpus()));
        Instant now = clock.instant();
        Duration limit = bookedWindow(allocation, now).map(end -> Duration.between(now, end))
                .filter(left -> left.compareTo(Duration.ofMinutes(lab.minutes())) < 0).orElse(Duration.ofMinutes(lab.minutes()));
        UUID id = UUID.randomUUID();
        Optional<LabSession> concurrent = insert(id, lab, me, "SLURM", lab.gpus());
        if (concurrent.isPresent()) {
            return concurrent.get();
        }
        String token = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(24));
        eu.aiskills.academy.compute.SchedulerJob job;
        try {
            job = SystemActor.call(() -> jobs.submit(new eu.aiskills.academy.compute.JobRequest(allocation.id(), me,
                    "Lab " + lab.title(), LAB_JOB_SCRIPT, limit, lab.gpus(),
                    java.util.Map.of("JUPYTER_TOKEN", token, "PATH", "/usr/local/bin:/usr/bin:/bin"), null, null, lab.memoryMb(), run)));
        } catch (UserFacingException e) {
            end(id, LabSessionState.FAILED, e.messageKey(), null);
            throw e;
        }
        jdbc.update("UPDATE lab_session SET scheduler_job_id = ? WHERE id = ?", job.id().toString(), id.toString());
        if (job.state().terminal()) {
            end(id, LabSessionState.FAILED, job.reasonKey() == null ? "lab.reason.job-failed" : job.reasonKey(), job.reasonDetail());
            return load(id);
        }
        Thread.ofVirtual().name("lab-job-" + id).start(() -> follow(id, job.id(), token, lab));
        log.info("Lab session {} of {} submitted as job {} on {}", id, lab.slug(), job.id(), job.factorySlug());
        return load(id);
    }

    /**
     * When the run's instructor booked lab sessions for the allocation, GPU labs open only inside a
     * booked window (and end with it); without bookings they open at any time. Answers the end of
     * the window that is open now, or empty when there are no bookings.
     */
    private Optional<Instant> bookedWindow(eu.aiskills.academy.compute.Allocation allocation, Instant now) {
        List<eu.aiskills.academy.compute.Booking> booked = SystemActor.call(() -> bookings.ofAllocation(allocation.id())).stream()
                .filter(eu.aiskills.academy.compute.Booking::active).toList();
        if (booked.isEmpty()) {
            return Optional.empty();
        }
        Optional<eu.aiskills.academy.compute.Booking> open = booked.stream()
                .filter(b -> !b.startsAt().isAfter(now) && b.endsAt().isAfter(now)).findFirst();
        if (open.isPresent()) {
            return Optional.of(open.get().endsAt());
        }
        Optional<Instant> next = booked.stream().map(eu.aiskills.academy.compute.Booking::startsAt).filter(s -> s.isAfter(now))
                .min(java.util.Comparator.naturalOrder());
        if (next.isEmpty()) {
            throw new UserFacingException("lab.bookings-over");
        }
        throw new UserFacingException("lab.outside-booking", UTC_MINUTE.format(next.get()));
    }

    /** The job's script: a notebook server on the node, its address in the job's comment. */
    static final String LAB_JOB_SCRIPT = """
            #!/bin/bash
            set -euo pipefail
            export HOME="$(mktemp -d)"
            export JUPYTER_RUNTIME_DIR="$HOME/.runtime"
            PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
            HOST="$(hostname -I 2>/dev/null | awk '{print $1}')"
            HOST="${HOST:-127.0.0.1}"
            scontrol update JobId="$SLURM_JOB_ID" Comment="academy-lab $HOST:$PORT"
            # The server and every kernel start from an empty environment plus what a lab needs (its job and its GPUs).
            exec env -i HOME="$HOME" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 JUPYTER_TOKEN="$JUPYTER_TOKEN" \
                JUPYTER_RUNTIME_DIR="$JUPYTER_RUNTIME_DIR" CUDA_VISIBLE_DEVICES="${CUDA_VISIBLE_DEVICES:-}" \
                SLURM_JOB_ID="$SLURM_JOB_ID" SLURM_JOB_PARTITION="${SLURM_JOB_PARTITION:-}" \
                python3 -m jupyter_server --ip=0.0.0.0 --port="$PORT" --ServerApp.root_dir="$HOME" \
                --ServerApp.open_browser=False --ServerApp.terminals_enabled=False --ServerApp.allow_remote_access=True
            """;

    /** Follows a lab's job until it ends: connects when it runs, ends the session with the job's reason. */
    private void follow(UUID session, UUID jobId, String token, LabTemplate lab) {
        boolean connected = false;
        int silent = 0;
        while (true) {
            LabSession now = SystemActor.call(() -> load(session));
            eu.aiskills.academy.compute.SchedulerJob job;
            try {
                job = SystemActor.call(() -> jobs.refresh(jobId));
            } catch (RuntimeException e) {
                log.warn("Lab session {}: reading job {} failed: {}", session, jobId, e.getMessage());
                job = null;
            }
            if (now.state().over()) {
                if (job != null && !job.state().terminal()) {
                    SystemActor.call(() -> jobs.cancel(jobId));
                }
                meter(session, jobId);
                return;
            }
            if (job != null && job.state().terminal()) {
                String reason = switch (job.state()) {
                    case PREEMPTED -> "lab.reason.preempted";
                    case TIMED_OUT -> "lab.reason.time-limit";
                    case CANCELLED -> now.state() == LabSessionState.RUNNING ? "lab.reason.job-cancelled" : "lab.reason.stopped";
                    default -> "lab.reason.job-failed";
                };
                end(session, job.state() == eu.aiskills.academy.compute.JobState.COMPLETED ? LabSessionState.STOPPED : LabSessionState.FAILED,
                        reason, job.reasonDetail());
                meter(session, jobId);
                return;
            }
            // The server on the node died while its job still runs: given a few polls (the job's own end explains
            // more, pre-emption for one), the session ends and its job is cancelled on the next turn.
            if (job != null && job.state() == eu.aiskills.academy.compute.JobState.QUEUED) {
                // The factory's queue: its reason (Resources, Priority) and, when Slurm has one, its expected start.
                jdbc.update("UPDATE lab_session SET reason_key = ?, reason_detail = ? WHERE id = ? AND state = 'QUEUED'",
                        job.expectedStartAt() == null ? "lab.reason.factory-queue" : "lab.reason.factory-queue-until",
                        job.expectedStartAt() == null ? (job.reasonDetail() == null ? "" : job.reasonDetail())
                                : UTC_MINUTE.format(job.expectedStartAt()), session.toString());
            }
            silent = connected && !runtime.isLive(session) ? silent + 1 : 0;
            if (silent >= 3) {
                end(session, LabSessionState.FAILED, "lab.reason.sandbox-gone", null);
                continue;
            }
            if (job != null && !connected && job.state() == eu.aiskills.academy.compute.JobState.RUNNING && job.comment() != null) {
                java.util.regex.Matcher server = SERVER.matcher(job.comment());
                if (server.find()) {
                    jdbc.update("UPDATE lab_session SET state = 'STARTING' WHERE id = ? AND state = 'QUEUED'", session.toString());
                    try {
                        runtime.connect(session, java.net.URI.create("http://" + server.group(1) + ":" + server.group(2)), token, lab.kernel());
                        Instant started = clock.instant();
                        jdbc.update("UPDATE lab_session SET state = 'RUNNING', started_at = ?, last_activity_at = ?, ends_at = ?"
                                + " WHERE id = ? AND state = 'STARTING'", Timestamp.from(started), Timestamp.from(started),
                                Timestamp.from(started.plus(Duration.ofMinutes(lab.minutes()))), session.toString());
                        connected = true;
                    } catch (RuntimeException e) {
                        end(session, LabSessionState.FAILED, "lab.reason.start-failed", e.getMessage());
                        continue;
                    }
                }
            }
            try {
                Thread.sleep(connected ? 3000 : 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A factory session's cost: the GPU-hours its job consumed, once the job is settled. */
    private void meter(UUID session, UUID jobId) {
        for (int attempt = 0; attempt < 30; attempt++) {
            eu.aiskills.academy.compute.SchedulerJob job = SystemActor.call(() -> jobs.refresh(jobId));
            if (job.state().terminal()) {
                jdbc.update("UPDATE lab_session SET gpu_hours = ? WHERE id = ?",
                        job.consumedHours() == null ? BigDecimal.ZERO : job.consumedHours(), session.toString());
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The signed-in learner's live session of the lab, if any. */
    @PreAuthorize("isAuthenticated()")
    public Optional<LabSession> current(String slug) {
        LabTemplate lab = labs.require(slug);
        return jdbc.query(SELECT + " WHERE s.template_id = ? AND s.learner_id = ? AND s.active_slot IS NOT NULL", this::row,
                lab.id().toString(), CurrentUser.requireId().value().toString()).stream().findFirst();
    }

    /** A session, for its learner (and administrators). */
    @PreAuthorize("isAuthenticated()")
    public LabSession session(UUID id) {
        LabSession session = load(id);
        requireOwner(session);
        return session;
    }

    /** The signed-in learner's sessions, newest first (with what each cost). */
    @PreAuthorize("isAuthenticated()")
    public List<LabSession> mine() {
        return jdbc.query(SELECT + " WHERE s.learner_id = ? ORDER BY s.created_at DESC LIMIT 100", this::row,
                CurrentUser.requireId().value().toString());
    }

    /** What a cell run gave: the kernel's status (ok, error, interrupted, dead), its count, and its outputs. */
    public record CellRun(String status, Integer executionCount, List<LabNotebook.Output> outputs) {
    }

    /**
     * Runs code in the session's kernel; each output goes to {@code onOutput} as it arrives. The
     * future completes when the kernel is idle again.
     */
    @PreAuthorize("isAuthenticated()")
    public CompletableFuture<CellRun> execute(UUID sessionId, String code, Consumer<LabNotebook.Output> onOutput) {
        LabSession session = session(sessionId);
        if (code == null || code.length() > CODE_MAX_CHARS) {
            throw new UserFacingException("lab.notebook.cell-too-large", CODE_MAX_CHARS / 1000);
        }
        LabRuntime.Live live = requireRunning(session);
        touch(sessionId);
        runtime.clearNotice(sessionId);
        return live.kernel().execute(code, output -> onOutput.accept(output(output)))
                .thenApply(done -> {
                    touch(sessionId);
                    return new CellRun(done.status(), done.executionCount() == 0 ? null : done.executionCount(),
                            done.outputs().stream().map(LabSessions::output).toList());
                });
    }

    @PreAuthorize("isAuthenticated()")
    public void interrupt(UUID sessionId) {
        requireRunning(session(sessionId)).kernel().interrupt();
        touch(sessionId);
    }

    @PreAuthorize("isAuthenticated()")
    public void restart(UUID sessionId) {
        requireRunning(session(sessionId)).kernel().restart(runtime.startTimeout());
        touch(sessionId);
    }

    /** Gives the session more time, up to the longest a session may run. */
    @PreAuthorize("isAuthenticated()")
    public LabSession extend(UUID sessionId) {
        LabSession session = session(sessionId);
        if (session.state() != LabSessionState.RUNNING || session.endsAt() == null) {
            throw new UserFacingException("lab.not-running");
        }
        if ("SLURM".equals(session.launcher())) {
            // The job's time limit was reserved when it was submitted; it cannot grow.
            throw new UserFacingException("lab.extend.factory");
        }
        Instant latest = session.startedAt().plus(properties.maxSessionLength());
        Instant next = session.endsAt().plus(properties.extension());
        if (!session.endsAt().isBefore(latest)) {
            throw new UserFacingException("lab.extend.limit", properties.maxSessionLength().toHours());
        }
        jdbc.update("UPDATE lab_session SET ends_at = ? WHERE id = ? AND state = 'RUNNING'",
                Timestamp.from(next.isAfter(latest) ? latest : next), sessionId.toString());
        return load(sessionId);
    }

    /** Stops the session: the kernel and sandbox end, nothing of them stays. The learner's saved notebook is kept. */
    @PreAuthorize("isAuthenticated()")
    public LabSession stop(UUID sessionId) {
        session(sessionId);
        end(sessionId, LabSessionState.STOPPED, "lab.reason.stopped", null);
        return load(sessionId);
    }

    /** One graded check's outcome. */
    public record CheckResult(String name, int points, boolean passed, String message) {
    }

    /**
     * A submission's outcome: score out of 100, each check, the learner's cells that failed when
     * run from the top, and whether the lesson is now done.
     */
    public record Grade(BigDecimal score, List<CheckResult> checks, List<String> cellErrors, int revision, boolean lessonCompleted) {
    }

    /** How long grading one submission may take, from the sandbox's start to the last check. */
    public static final Duration GRADING_LIMIT = Duration.ofMinutes(5);
    private final java.util.concurrent.Semaphore gradingSlots = new java.util.concurrent.Semaphore(2, true);

    /**
     * Grades the learner's saved notebook: in a fresh sandbox, its code cells run from the top,
     * then the lab's hidden checks, all within {@link #GRADING_LIMIT}; the score and feedback are
     * recorded and reported to the learner's enrolment, which completes the lesson at its pass score.
     */
    @PreAuthorize("isAuthenticated()")
    public Grade submit(String slug) throws InterruptedException {
        LabTemplate lab = labs.require(slug);
        AccountId me = CurrentUser.requireId();
        requireMayUse(lab);
        if (!lab.graded()) {
            throw new UserFacingException("lab.not-graded");
        }
        LabNotebook notebook = labs.myNotebook(slug);
        if (!gradingSlots.tryAcquire(2, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new UserFacingException("lab.grading-busy");
        }
        UUID sandbox = UUID.randomUUID();
        List<CheckResult> results = new ArrayList<>();
        List<String> cellErrors = new ArrayList<>();
        try {
            Instant deadline = clock.instant().plus(GRADING_LIMIT);
            LabRuntime.Live live = runtime.launch(sandbox, lab.kernel(), lab.memoryMb());
            int number = 0;
            for (LabNotebook.Cell cell : notebook.cells()) {
                number++;
                if (cell.kind() != LabNotebook.Kind.CODE || cell.source().isBlank()) {
                    continue;
                }
                Execution run = within(live, cell.source(), deadline);
                if (!run.ok()) {
                    cellErrors.add(number + ": " + failure(run));
                }
            }
            for (JsonNode check : JSON.readTree(jdbc.queryForObject("SELECT checks FROM lab_template WHERE id = ?", String.class,
                    lab.id().toString()))) {
                Execution run = within(live, check.path("code").asString(""), deadline);
                results.add(new CheckResult(check.path("name").asString(), check.path("points").asInt(0), run.ok(),
                        run.ok() ? null : failure(run)));
            }
        } catch (RuntimeException e) {
            log.warn("Grading {} for {} failed: {}", slug, me, e.getMessage());
            throw new UserFacingException("lab.grading-failed", e.getMessage());
        } finally {
            runtime.stop(sandbox);
            gradingSlots.release();
        }
        int total = results.stream().mapToInt(CheckResult::points).sum();
        int passed = results.stream().filter(CheckResult::passed).mapToInt(CheckResult::points).sum();
        BigDecimal score = total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(total), 1,
                RoundingMode.HALF_UP);
        jdbc.update("INSERT INTO lab_submission (id, template_id, learner_id, revision, score, feedback, submitted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), lab.id().toString(), me.value().toString(),
                notebook.revision(), score, JSON.writeValueAsString(new Feedback(results, cellErrors)), Timestamp.from(clock.instant()));
        boolean completed = report(lab, me, score);
        log.info("Lab {} graded for {}: {} (revision {})", slug, me, score, notebook.revision());
        return new Grade(score, results, cellErrors, notebook.revision(), completed);
    }

    private record Feedback(List<CheckResult> checks, List<String> cellErrors) {
    }

    /** The learner's submissions of a lab, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Submission> submissions(String slug) {
        LabTemplate lab = labs.require(slug);
        return jdbc.query("SELECT revision, score, submitted_at FROM lab_submission WHERE template_id = ? AND learner_id = ?"
                        + " ORDER BY submitted_at DESC LIMIT 20", (rs, n) -> new Submission(rs.getInt("revision"), rs.getBigDecimal("score"),
                        rs.getTimestamp("submitted_at").toInstant()), lab.id().toString(), CurrentUser.requireId().value().toString());
    }

    /** One submission: the revision graded and its score. */
    public record Submission(int revision, BigDecimal score, Instant submittedAt) {
    }

    /** Runs code with what is left of the deadline; a run that takes longer is interrupted and fails. */
    private static Execution within(LabRuntime.Live live, String code, Instant deadline) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return new Execution("timeout", 0, List.of());
        }
        CompletableFuture<Execution> running = live.kernel().execute(code, output -> { });
        try {
            return running.get(left.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            live.kernel().interrupt();
            return new Execution("timeout", 0, List.of());
        } catch (java.util.concurrent.ExecutionException e) {
            return new Execution("dead", 0, List.of());
        }
    }

    private static String failure(Execution run) {
        return run.outputs().stream().filter(KernelOutput.Error.class::isInstance).map(KernelOutput.Error.class::cast)
                .map(error -> error.name() + (error.value().isBlank() ? "" : ": " + error.value())).findFirst()
                .orElse("timeout".equals(run.status()) ? "time limit reached" : "dead".equals(run.status()) ? "the kernel stopped" : run.status());
    }

    /** The lesson's completion: the learner's active enrolment in a run of the lab's course records the score. */
    private boolean report(LabTemplate lab, AccountId learner, BigDecimal score) {
        CourseDetail course = catalogue.publishedCourse(lab.courseSlug()).orElse(null);
        if (course == null) {
            return false;
        }
        Optional<LessonSummary> lesson = course.lessons().stream().filter(l -> l.slug().equals(lab.lessonSlug()) && l.graded())
                .findFirst();
        Optional<LearnerCourse> enrolment = enrolments.seatIn(course.summary().id());
        if (lesson.isEmpty() || enrolment.isEmpty() || !learner.equals(CurrentUser.requireId())) {
            return false;
        }
        LearnerCourse after = SystemActor.call(() -> enrolments.recordLabScore(enrolment.get().id(), lesson.get().id(), score));
        return after.lessonsDone().contains(lesson.get().id());
    }

    /** The class's use of a course's labs, for its instructors (and administrators). */
    @PreAuthorize("isAuthenticated()")
    public LabUsage usage(String courseSlug) {
        CourseDetail course = catalogue.publishedCourse(courseSlug).orElseThrow(() -> new NotFoundException("authoring.course-not-found"));
        if (!CurrentUser.hasRole(Roles.ADMIN) && !catalogue.teaches(course.summary().id())) {
            throw new AccessDeniedException("Not an instructor of " + courseSlug);
        }
        Instant now = clock.instant();
        List<LabUsage.Lab> result = new ArrayList<>();
        for (LabTemplate lab : labs.all().stream().filter(l -> l.courseSlug().equals(courseSlug)).toList()) {
            List<Object[]> rows = jdbc.query("SELECT s.learner_id, COUNT(*) AS sessions, SUM(CASE WHEN s.active_slot IS NOT NULL THEN 1 ELSE 0 END)"
                            + " AS live, MAX(s.last_activity_at) AS last_active, COALESCE(SUM(s.gpu_hours), 0) AS gpu_hours,"
                            + " (SELECT MAX(score) FROM lab_submission b WHERE b.template_id = s.template_id AND b.learner_id = s.learner_id) AS best"
                            + " FROM lab_session s WHERE s.template_id = ? GROUP BY s.learner_id, s.template_id",
                    (rs, n) -> new Object[] {UUID.fromString(rs.getString("learner_id")), rs.getInt("sessions"), rs.getInt("live"),
                            rs.getTimestamp("last_active").toInstant(), rs.getBigDecimal("gpu_hours"), rs.getBigDecimal("best")},
                    lab.id().toString());
            java.util.Map<UUID, Duration> time = new java.util.HashMap<>();
            jdbc.query("SELECT learner_id, started_at, stopped_at FROM lab_session WHERE template_id = ? AND started_at IS NOT NULL",
                    rs -> {
                        Instant start = rs.getTimestamp("started_at").toInstant();
                        Instant end = rs.getTimestamp("stopped_at") == null ? now : rs.getTimestamp("stopped_at").toInstant();
                        time.merge(UUID.fromString(rs.getString("learner_id")), Duration.between(start, end), Duration::plus);
                    }, lab.id().toString());
            java.util.Map<AccountId, String> names = accounts.displayNames(rows.stream().map(r -> new AccountId((UUID) r[0])).toList());
            List<LabUsage.Learner> learners = rows.stream().map(r -> new LabUsage.Learner(
                    names.getOrDefault(new AccountId((UUID) r[0]), "?"), (Integer) r[1], time.getOrDefault((UUID) r[0], Duration.ZERO),
                    (BigDecimal) r[5], (Instant) r[3])).sorted(java.util.Comparator.comparing(LabUsage.Learner::lastActive).reversed())
                    .toList();
            List<BigDecimal> bests = learners.stream().map(LabUsage.Learner::bestScore).filter(java.util.Objects::nonNull).toList();
            result.add(new LabUsage.Lab(lab.slug(), lab.title(), learners.stream().mapToInt(LabUsage.Learner::sessions).sum(),
                    learners.size(), learners.stream().map(LabUsage.Learner::time).reduce(Duration.ZERO, Duration::plus),
                    rows.stream().map(r -> (BigDecimal) r[4]).reduce(BigDecimal.ZERO, BigDecimal::add),
                    rows.stream().mapToInt(r -> (Integer) r[2]).sum(),
                    bests.isEmpty() ? null : bests.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(bests.size()), 1, RoundingMode.HALF_UP), learners));
        }
        List<Integer> perDay = new ArrayList<>();
        java.time.LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        for (int back = 13; back >= 0; back--) {
            java.time.LocalDate day = today.minusDays(back);
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM lab_session s JOIN lab_template t ON t.id = s.template_id"
                            + " WHERE t.course_slug = ? AND s.created_at >= ? AND s.created_at < ?", Integer.class, courseSlug,
                    Timestamp.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
                    Timestamp.from(day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            perDay.add(count == null ? 0 : count);
        }
        return new LabUsage(courseSlug, course.summary().title(), result, perDay);
    }

    // ---- life cycle -------------------------------------------------------------------------

    /** Starts queued sessions while sandboxes are free, oldest first. */
    void promote() {
        while (true) {
            // Sandboxes are this machine's: count and start only this instance's sessions.
            Integer running = jdbc.queryForObject("SELECT COUNT(*) FROM lab_session WHERE state IN ('STARTING', 'RUNNING', 'STOPPING')"
                    + " AND launcher = 'LOCAL' AND instance_id = ?", Integer.class, instances.id());
            if (running == null || running >= properties.maxLocalSessions()) {
                return;
            }
            List<String> next = jdbc.queryForList("SELECT id FROM lab_session WHERE state = 'QUEUED' AND launcher = 'LOCAL'"
                    + " AND instance_id = ? ORDER BY created_at LIMIT 1", String.class, instances.id());
            if (next.isEmpty()) {
                return;
            }
            UUID id = UUID.fromString(next.getFirst());
            if (jdbc.update("UPDATE lab_session SET state = 'STARTING' WHERE id = ? AND state = 'QUEUED'", id.toString()) == 1) {
                Thread.ofVirtual().name("lab-start-" + id).start(() -> launch(id));
            }
        }
    }

    private void launch(UUID id) {
        LabSession session = load(id);
        LabTemplate lab = labs.require(session.labSlug());
        try {
            runtime.launch(id, lab.kernel(), lab.memoryMb());
        } catch (RuntimeException e) {
            log.warn("Lab session {} failed to start: {}", id, e.getMessage());
            end(id, LabSessionState.FAILED, "lab.reason.start-failed", e.getMessage());
            return;
        }
        Instant now = clock.instant();
        int started = jdbc.update("UPDATE lab_session SET state = 'RUNNING', started_at = ?, last_activity_at = ?, ends_at = ?"
                + " WHERE id = ? AND state = 'STARTING'", Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofMinutes(lab.minutes()))), id.toString());
        if (started == 0) {
            // Stopped while it was starting.
            runtime.stop(id);
        } else {
            log.info("Lab session {} of {} running", id, lab.slug());
        }
    }

    /** Ends a session once, with its reason; frees its sandbox and starts the next queued one. */
    void end(UUID id, LabSessionState state, String reasonKey, String detail) {
        Instant now = clock.instant();
        int ended = jdbc.update("UPDATE lab_session SET state = ?, active_slot = NULL, reason_key = ?, reason_detail = ?,"
                        + " stopped_at = ? WHERE id = ? AND active_slot IS NOT NULL", state.name(), reasonKey,
                detail == null ? null : detail.substring(0, Math.min(500, detail.length())), Timestamp.from(now), id.toString());
        runtime.stop(id);
        if (ended == 1) {
            log.info("Lab session {} {} ({})", id, state, reasonKey);
        }
        promote();
    }

    /**
     * Stops idle sessions, those past their time, and those whose sandbox is gone; starts queued
     * ones when sandboxes free up. The platform's scheduler calls it every half minute.
     */
    @RolesAllowed(Roles.SYSTEM)
    public int cull() {
        Instant now = clock.instant();
        int ended = endOrphans(false);
        Map<String, String> owners = new HashMap<>();
        jdbc.query("SELECT id, instance_id FROM lab_session WHERE active_slot IS NOT NULL",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> owners.put(rs.getString(1), rs.getString(2)));
        for (LabSession session : jdbc.query(SELECT + " WHERE s.active_slot IS NOT NULL", this::row)) {
            String owner = owners.get(session.id().toString());
            if (owner != null && !owner.equals(instances.id())) {
                // Another instance holds its sandbox or connection: that one judges it.
                continue;
            }
            LabTemplate lab = labs.template(session.labSlug()).orElse(null);
            if (session.state() == LabSessionState.RUNNING && "LOCAL".equals(session.launcher()) && !runtime.isLive(session.id())) {
                end(session.id(), LabSessionState.FAILED, runtime.notice(session.id()).filter(l -> l == LabLimit.MEMORY).isPresent()
                        ? "lab.reason.memory" : "lab.reason.sandbox-gone", null);
                ended++;
            } else if (session.state() == LabSessionState.RUNNING && "LOCAL".equals(session.launcher())
                    && runtime.cpuUsedUp(session.id())) {
                end(session.id(), LabSessionState.STOPPED, "lab.reason.cpu-time", String.valueOf(properties.sandbox().cpuTime().toMinutes()));
                ended++;
            } else if (session.state() == LabSessionState.RUNNING && session.endsAt() != null && !now.isBefore(session.endsAt())) {
                end(session.id(), LabSessionState.STOPPED, "lab.reason.time-limit", null);
                ended++;
            } else if (session.state() == LabSessionState.RUNNING && lab != null
                    && !"busy".equals(session.kernelState())
                    && session.lastActivityAt().plus(Duration.ofMinutes(lab.idleMinutes())).isBefore(now)) {
                end(session.id(), LabSessionState.STOPPED, "lab.reason.idle", String.valueOf(lab.idleMinutes()));
                ended++;
            } else if (session.state() == LabSessionState.STARTING && "LOCAL".equals(session.launcher()) && !runtime.isLive(session.id())
                    && session.createdAt().plus(runtime.startTimeout().multipliedBy(3)).isBefore(now)) {
                end(session.id(), LabSessionState.FAILED, "lab.reason.start-failed", "no sandbox after "
                        + runtime.startTimeout().multipliedBy(3).toSeconds() + " s");
                ended++;
            }
        }
        promote();
        return ended;
    }

    /** At start-up: sessions the database calls live but no sandbox of this instance runs (the platform restarted). */
    @RolesAllowed(Roles.SYSTEM)
    public int endOrphans() {
        return endOrphans(true);
    }

    /**
     * Ends sessions whose instance is gone (stopped, or silent for too long), and at start-up
     * ({@code startup}) also those without an instance (from before instances were recorded) that
     * nothing here runs.
     */
    private int endOrphans(boolean startup) {
        int ended = 0;
        for (var row : jdbc.queryForList("SELECT id, launcher, state, scheduler_job_id, instance_id FROM lab_session"
                + " WHERE active_slot IS NOT NULL")) {
            UUID session = UUID.fromString((String) row.get("id"));
            boolean factory = "SLURM".equals(row.get("launcher"));
            String owner = (String) row.get("instance_id");
            boolean orphaned = owner == null ? startup && (factory || !"QUEUED".equals(row.get("state"))) : !instances.alive(owner);
            if (orphaned && !runtime.isLive(session)) {
                end(session, LabSessionState.STOPPED, "lab.reason.platform-restarted", null);
                if (factory && row.get("scheduler_job_id") != null) {
                    // Nothing follows the job any more: it must not keep the GPUs.
                    jobs.cancel(UUID.fromString((String) row.get("scheduler_job_id")));
                }
                ended++;
            }
        }
        promote();
        return ended;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void requireMayUse(LabTemplate lab) {
        if (CurrentUser.hasRole(Roles.ADMIN)) {
            return;
        }
        CourseDetail course = catalogue.publishedCourse(lab.courseSlug()).orElseThrow(() -> new NotFoundException("lab.not-found"));
        if (catalogue.teaches(course.summary().id())) {
            return;
        }
        if (enrolments.seatIn(course.summary().id()).isEmpty()) {
            throw new UserFacingException("lab.not-enrolled", course.summary().title());
        }
    }

    /**
     * Records a queued session in the learner's one live slot for the lab; when another start took
     * the slot at the same moment (another tab), answers that session instead.
     */
    private Optional<LabSession> insert(UUID id, LabTemplate lab, AccountId me, String launcher, int gpus) {
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO lab_session (id, template_id, learner_id, launcher, state, active_slot, gpus, created_at,"
                            + " last_activity_at, gpu_hours, instance_id) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, 0, ?)",
                    id.toString(), lab.id().toString(), me.value().toString(), launcher, slot(lab.id(), me.value()), gpus,
                    Timestamp.from(now), Timestamp.from(now), instances.id());
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return Optional.of(current(lab.slug()).orElseThrow(() -> e));
        }
    }

    /** The signed-in learner's seat (enrolled or completed) in a run of the lab's course. */
    private Optional<LearnerCourse> seat(LabTemplate lab) {
        return catalogue.publishedCourse(lab.courseSlug()).flatMap(course -> enrolments.seatIn(course.summary().id()));
    }

    private void requireOwner(LabSession session) {
        if (CurrentUser.hasRole(Roles.ADMIN) || CurrentUser.hasRole(Roles.SYSTEM)) {
            return;
        }
        if (!session.learner().equals(CurrentUser.requireId())) {
            throw new AccessDeniedException("Lab session " + session.id() + " is not the caller's");
        }
    }

    private LabRuntime.Live requireRunning(LabSession session) {
        if (session.state() != LabSessionState.RUNNING) {
            throw new UserFacingException("lab.not-running");
        }
        return runtime.get(session.id()).orElseThrow(() -> new UserFacingException("lab.not-running"));
    }

    private void touch(UUID id) {
        jdbc.update("UPDATE lab_session SET last_activity_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id.toString());
    }

    private static String slot(UUID template, UUID learner) {
        return template.toString().substring(0, 36) + ":" + learner.toString().substring(0, 36);
    }

    static LabNotebook.Output output(KernelOutput output) {
        return switch (output) {
            case KernelOutput.Stream s -> new LabNotebook.Output(LabNotebook.OutputKind.STREAM, s.name(), s.text(), null, null);
            case KernelOutput.Result r -> new LabNotebook.Output(LabNotebook.OutputKind.RESULT, null, r.data().get("text/plain"),
                    r.data().get("text/html"), png(r.data().get("image/png")));
            case KernelOutput.Display d -> new LabNotebook.Output(LabNotebook.OutputKind.DISPLAY, null, d.data().get("text/plain"),
                    d.data().get("text/html"), png(d.data().get("image/png")));
            case KernelOutput.Error e -> new LabNotebook.Output(LabNotebook.OutputKind.ERROR, e.name(),
                    e.value() + "\n" + Ipynb.plain(String.join("\n", e.traceback())), null, null);
        };
    }

    private static String png(String base64) {
        if (base64 == null) {
            return null;
        }
        String compact = base64.replaceAll("\\s", "");
        return compact.matches("[A-Za-z0-9+/=]+") ? compact : null;
    }

    private static final String SELECT = "SELECT s.*, t.slug, t.title, (SELECT COUNT(*) FROM lab_session q WHERE q.state = 'QUEUED'"
            + " AND q.launcher = s.launcher AND q.created_at <= s.created_at) AS queue_position FROM lab_session s"
            + " JOIN lab_template t ON t.id = s.template_id";

    private LabSession load(UUID id) {
        return jdbc.query(SELECT + " WHERE s.id = ?", this::row, id.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("lab.session-not-found"));
    }

    private LabSession row(ResultSet rs, int n) throws SQLException {
        UUID id = UUID.fromString(rs.getString("id"));
        LabSessionState state = LabSessionState.valueOf(rs.getString("state"));
        boolean running = state == LabSessionState.RUNNING;
        // A session at its process limit cannot run anything, whatever its kernel last said.
        String kernelState = !running ? null : runtime.blocked(id) ? "blocked"
                : runtime.get(id).map(l -> l.kernel().executionState()).orElse(null);
        return new LabSession(id, rs.getString("slug"), rs.getString("title"), new AccountId(UUID.fromString(rs.getString("learner_id"))),
                rs.getString("launcher"), state, state == LabSessionState.QUEUED ? rs.getInt("queue_position") : null, kernelState,
                rs.getString("reason_key"), rs.getString("reason_detail"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "last_activity_at"), instant(rs, "ends_at"), instant(rs, "stopped_at"), rs.getInt("gpus"),
                rs.getBigDecimal("gpu_hours"), running ? runtime.notice(id).orElse(null) : null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
