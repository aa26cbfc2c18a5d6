package eu.aiskills.academy.labs.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.compute.SchedulerJobId;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.labs.LabLauncher;
import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.labs.LabSessionId;
import eu.aiskills.academy.labs.LabSessionState;
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows of lab sessions and submissions. JDBC, not JPA (ADR 0019): every change of a
 * session's state is one conditional update ({@code WHERE state = …}) whose row count says who
 * won, and a session read joins what its sandbox says now (kernel state, limit hit).
 */
@Repository
public class LabSessionStore {

    private static final String SELECT = "SELECT s.*, t.slug, t.title, (SELECT COUNT(*) FROM lab_session q WHERE q.state = 'QUEUED'"
            + " AND q.launcher = s.launcher AND q.created_at <= s.created_at) AS queue_position FROM lab_session s"
            + " JOIN lab_template t ON t.id = s.template_id";

    private final JdbcTemplate jdbc;
    private final LabRuntime runtime;

    LabSessionStore(JdbcTemplate jdbc, LabRuntime runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    /** A live session as the culler sees it: which instance holds it, and its factory job. */
    public record Live(LabSession session, String instance, SchedulerJobId schedulerJob) {
    }

    public LabSession load(LabSessionId id) {
        return jdbc.query(SELECT + " WHERE s.id = ?", this::row, id.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("lab.session-not-found"));
    }

    /** The learner's live session of the lab template, if any. */
    public Optional<LabSession> live(UUID template, AccountId learner) {
        return jdbc.query(SELECT + " WHERE s.template_id = ? AND s.learner_id = ? AND s.active_slot IS NOT NULL", this::row,
                template.toString(), learner.toString()).stream().findFirst();
    }

    /** The learner's latest sessions, newest first. */
    public List<LabSession> of(AccountId learner, int limit) {
        return jdbc.query(SELECT + " WHERE s.learner_id = ? ORDER BY s.created_at DESC LIMIT " + limit, this::row, learner.toString());
    }

    /** Every session that holds its learner's live slot. */
    public List<Live> live() {
        return jdbc.query(SELECT + " WHERE s.active_slot IS NOT NULL", (rs, n) -> new Live(row(rs, n), rs.getString("instance_id"),
                Optional.ofNullable(rs.getString("scheduler_job_id")).map(SchedulerJobId::of).orElse(null)));
    }

    /**
     * Records a queued session in the learner's one live slot for the template (a unique key);
     * false when another start took the slot at the same moment.
     */
    public boolean insertQueued(LabSessionId id, UUID template, AccountId learner, LabLauncher launcher, int gpus, String instance,
                                Instant now) {
        try {
            jdbc.update("INSERT INTO lab_session (id, template_id, learner_id, launcher, state, active_slot, gpus, created_at,"
                            + " last_activity_at, gpu_hours, instance_id) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, 0, ?)",
                    id.toString(), template.toString(), learner.toString(), launcher.name(), template + ":" + learner, gpus,
                    Timestamp.from(now), Timestamp.from(now), instance);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void jobSubmitted(LabSessionId id, SchedulerJobId job) {
        jdbc.update("UPDATE lab_session SET scheduler_job_id = ? WHERE id = ?", job.toString(), id.toString());
    }

    /** Why a queued session still waits (the factory's queue), while it is queued. */
    public void waiting(LabSessionId id, String reasonKey, String detail) {
        jdbc.update("UPDATE lab_session SET reason_key = ?, reason_detail = ? WHERE id = ? AND state = 'QUEUED'", reasonKey, detail,
                id.toString());
    }

    /** QUEUED to STARTING; false when it was no longer queued. */
    public boolean starting(LabSessionId id) {
        return jdbc.update("UPDATE lab_session SET state = 'STARTING' WHERE id = ? AND state = 'QUEUED'", id.toString()) == 1;
    }

    /** STARTING to RUNNING until {@code endsAt}; false when it was stopped while starting. */
    public boolean running(LabSessionId id, Instant started, Instant endsAt) {
        return jdbc.update("UPDATE lab_session SET state = 'RUNNING', started_at = ?, last_activity_at = ?, ends_at = ?"
                        + " WHERE id = ? AND state = 'STARTING'", Timestamp.from(started), Timestamp.from(started), Timestamp.from(endsAt),
                id.toString()) == 1;
    }

    /** Ends a live session, freeing its learner's slot; false when it had already ended. */
    public boolean end(LabSessionId id, LabSessionState state, String reasonKey, String detail, Instant now) {
        return jdbc.update("UPDATE lab_session SET state = ?, active_slot = NULL, reason_key = ?, reason_detail = ?, stopped_at = ?"
                        + " WHERE id = ? AND active_slot IS NOT NULL", state.name(), reasonKey,
                detail == null ? null : detail.substring(0, Math.min(500, detail.length())), Timestamp.from(now), id.toString()) == 1;
    }

    public void touch(LabSessionId id, Instant now) {
        jdbc.update("UPDATE lab_session SET last_activity_at = ? WHERE id = ?", Timestamp.from(now), id.toString());
    }

    public void endsAt(LabSessionId id, Instant endsAt) {
        jdbc.update("UPDATE lab_session SET ends_at = ? WHERE id = ? AND state = 'RUNNING'", Timestamp.from(endsAt), id.toString());
    }

    public void gpuHours(LabSessionId id, BigDecimal hours) {
        jdbc.update("UPDATE lab_session SET gpu_hours = ? WHERE id = ?", hours, id.toString());
    }

    /** Local sessions of this instance that hold a sandbox or are about to. */
    public int localInUse(String instance) {
        Integer running = jdbc.queryForObject("SELECT COUNT(*) FROM lab_session WHERE state IN ('STARTING', 'RUNNING', 'STOPPING')"
                + " AND launcher = 'LOCAL' AND instance_id = ?", Integer.class, instance);
        return running == null ? 0 : running;
    }

    /** This instance's oldest queued local session. */
    public Optional<LabSessionId> nextQueuedLocal(String instance) {
        return jdbc.queryForList("SELECT id FROM lab_session WHERE state = 'QUEUED' AND launcher = 'LOCAL' AND instance_id = ?"
                + " ORDER BY created_at LIMIT 1", String.class, instance).stream().findFirst().map(LabSessionId::of);
    }

    // ---- submissions -----------------------------------------------------------------------

    /** Where and on what a graded submission ran (its credential evidence). */
    public record Provenance(String notebookSha256, String ranOn, String environment, int gpus, int checksPassed, int checksTotal) {
    }

    public void submission(UUID template, AccountId learner, int revision, BigDecimal score, String feedback, Instant at, Provenance ran) {
        jdbc.update("INSERT INTO lab_submission (id, template_id, learner_id, revision, score, feedback, submitted_at, notebook_sha256, ran_on,"
                        + " environment, gpus, checks_passed, checks_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), template.toString(), learner.toString(), revision, score, feedback, Timestamp.from(at),
                ran.notebookSha256(), ran.ranOn(), ran.environment(), ran.gpus(), ran.checksPassed(), ran.checksTotal());
    }

    /** A learner's best graded submission of a lab (the highest score, the earliest of equals), with where it ran. */
    public record BestSubmission(int revision, BigDecimal score, Instant submittedAt, Provenance ran) {
    }

    public Optional<BestSubmission> best(UUID template, AccountId learner) {
        return jdbc.query("SELECT * FROM lab_submission WHERE template_id = ? AND learner_id = ? ORDER BY score DESC, submitted_at LIMIT 1",
                (rs, n) -> new BestSubmission(rs.getInt("revision"), rs.getBigDecimal("score"), Jdbc.instant(rs, "submitted_at"),
                        new Provenance(rs.getString("notebook_sha256"), rs.getString("ran_on"), rs.getString("environment"), rs.getInt("gpus"),
                                rs.getInt("checks_passed"), rs.getInt("checks_total"))), template.toString(), learner.toString())
                .stream().findFirst();
    }

    public record SubmissionRow(int revision, BigDecimal score, Instant submittedAt) {
    }

    public List<SubmissionRow> submissions(UUID template, AccountId learner, int limit) {
        return jdbc.query("SELECT revision, score, submitted_at FROM lab_submission WHERE template_id = ? AND learner_id = ?"
                        + " ORDER BY submitted_at DESC LIMIT " + limit, (rs, n) -> new SubmissionRow(rs.getInt("revision"),
                        rs.getBigDecimal("score"), Jdbc.instant(rs, "submitted_at")), template.toString(), learner.toString());
    }

    /** A learner's graded submissions of a lesson's labs: the best score, how many, the last. */
    public record LessonGrade(AccountId learner, String lessonSlug, BigDecimal best, int submissions, Instant lastAt) {
    }

    /** Every learner's graded submissions of the course's labs, per lesson, in one query. */
    public List<LessonGrade> grades(String courseSlug) {
        return jdbc.query("SELECT b.learner_id, t.lesson_slug, MAX(b.score) AS best, COUNT(*) AS submissions, MAX(b.submitted_at) AS last_at"
                        + " FROM lab_submission b JOIN lab_template t ON t.id = b.template_id WHERE t.course_slug = ?"
                        + " GROUP BY b.learner_id, t.lesson_slug",
                (rs, n) -> new LessonGrade(AccountId.of(rs.getString("learner_id")), rs.getString("lesson_slug"), rs.getBigDecimal("best"),
                        rs.getInt("submissions"), Jdbc.instant(rs, "last_at")), courseSlug);
    }

    /**
     * A learner's lab work since a moment, newest first: each started session (its metered time and
     * GPU-hours) and each graded submission (score, revision, the notebook's SHA-256, checks), with
     * the reference ({@code session:<id>}, {@code submission:<id>}) an hours entry cites it by.
     */
    public record Work(String ref, String labTitle, Instant at, Instant until, BigDecimal gpuHours, Integer revision, BigDecimal score,
                       String notebookSha256, Integer checksPassed, Integer checksTotal) {
    }

    public List<Work> work(AccountId learner, Instant since, int limit) {
        List<Work> work = new java.util.ArrayList<>(jdbc.query("SELECT s.id, t.title, s.started_at, s.stopped_at, s.gpu_hours FROM lab_session s"
                        + " JOIN lab_template t ON t.id = s.template_id WHERE s.learner_id = ? AND s.started_at >= ? ORDER BY s.started_at DESC LIMIT "
                        + limit, (rs, n) -> new Work("session:" + rs.getString("id"), rs.getString("title"), Jdbc.instant(rs, "started_at"),
                        Jdbc.instant(rs, "stopped_at"), rs.getBigDecimal("gpu_hours"), null, null, null, null, null),
                learner.toString(), Timestamp.from(since)));
        work.addAll(jdbc.query("SELECT b.id, t.title, b.submitted_at, b.revision, b.score, b.notebook_sha256, b.checks_passed, b.checks_total"
                        + " FROM lab_submission b JOIN lab_template t ON t.id = b.template_id WHERE b.learner_id = ? AND b.submitted_at >= ?"
                        + " ORDER BY b.submitted_at DESC LIMIT " + limit, (rs, n) -> new Work("submission:" + rs.getString("id"),
                        rs.getString("title"), Jdbc.instant(rs, "submitted_at"), null, null, rs.getInt("revision"), rs.getBigDecimal("score"),
                        rs.getString("notebook_sha256"), rs.getInt("checks_passed"), rs.getInt("checks_total")),
                learner.toString(), Timestamp.from(since)));
        work.sort(java.util.Comparator.comparing(Work::at).reversed());
        return work.size() > limit ? List.copyOf(work.subList(0, limit)) : work;
    }

    // ---- the class's use of a course's labs --------------------------------------------------

    /** One learner's use of one lab: sessions, live ones, last activity, GPU-hours, best score. */
    public record LearnerUse(UUID template, AccountId learner, int sessions, int live, Instant lastActive, BigDecimal gpuHours,
                             BigDecimal bestScore) {
    }

    /** Each learner's use of each lab of the course, in one query. */
    public List<LearnerUse> use(String courseSlug) {
        return jdbc.query("SELECT s.template_id, s.learner_id, COUNT(*) AS sessions,"
                        + " SUM(CASE WHEN s.active_slot IS NOT NULL THEN 1 ELSE 0 END) AS live, MAX(s.last_activity_at) AS last_active,"
                        + " COALESCE(SUM(s.gpu_hours), 0) AS gpu_hours, MAX(b.best) AS best"
                        + " FROM lab_session s JOIN lab_template t ON t.id = s.template_id"
                        + " LEFT JOIN (SELECT template_id, learner_id, MAX(score) AS best FROM lab_submission GROUP BY template_id, learner_id) b"
                        + " ON b.template_id = s.template_id AND b.learner_id = s.learner_id"
                        + " WHERE t.course_slug = ? GROUP BY s.template_id, s.learner_id",
                (rs, n) -> new LearnerUse(UUID.fromString(rs.getString("template_id")), AccountId.of(rs.getString("learner_id")),
                        rs.getInt("sessions"), rs.getInt("live"), Jdbc.instant(rs, "last_active"), rs.getBigDecimal("gpu_hours"),
                        rs.getBigDecimal("best")), courseSlug);
    }

    /** A session's time in its sandbox: from its start to its stop, or to now while it runs. */
    public record Span(UUID template, AccountId learner, Instant startedAt, Instant stoppedAt) {
    }

    /** The spans of every started session of the course's labs, in one query. */
    public List<Span> spans(String courseSlug) {
        return jdbc.query("SELECT s.template_id, s.learner_id, s.started_at, s.stopped_at FROM lab_session s"
                        + " JOIN lab_template t ON t.id = s.template_id WHERE t.course_slug = ? AND s.started_at IS NOT NULL",
                (rs, n) -> new Span(UUID.fromString(rs.getString("template_id")), AccountId.of(rs.getString("learner_id")),
                        Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "stopped_at")), courseSlug);
    }

    /** When each session of the course's labs since {@code from} was asked for, in one query. */
    public List<Instant> startsSince(String courseSlug, Instant from) {
        return jdbc.query("SELECT s.created_at FROM lab_session s JOIN lab_template t ON t.id = s.template_id"
                + " WHERE t.course_slug = ? AND s.created_at >= ?", (rs, n) -> Jdbc.instant(rs, "created_at"), courseSlug,
                Timestamp.from(from));
    }

    private LabSession row(ResultSet rs, int n) throws SQLException {
        LabSessionId id = LabSessionId.of(rs.getString("id"));
        UUID sandbox = id.value();
        LabSessionState state = LabSessionState.valueOf(rs.getString("state"));
        boolean running = state == LabSessionState.RUNNING;
        // A session at its process limit cannot run anything, whatever its kernel last said.
        String kernelState = !running ? null : runtime.blocked(sandbox) ? "blocked"
                : runtime.get(sandbox).map(l -> l.kernel().executionState()).orElse(null);
        return new LabSession(id, rs.getString("slug"), rs.getString("title"), AccountId.of(rs.getString("learner_id")),
                LabLauncher.valueOf(rs.getString("launcher")), state, state == LabSessionState.QUEUED ? rs.getInt("queue_position") : null,
                kernelState, rs.getString("reason_key"), rs.getString("reason_detail"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "last_activity_at"), Jdbc.instant(rs, "ends_at"),
                Jdbc.instant(rs, "stopped_at"), rs.getInt("gpus"), rs.getBigDecimal("gpu_hours"),
                running ? runtime.notice(sandbox).orElse(null) : null);
    }
}
