package eu.aiskills.academy.compute.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.compute.AllocationId;
import eu.aiskills.academy.compute.JobState;
import eu.aiskills.academy.compute.SchedulerJob;
import eu.aiskills.academy.compute.SchedulerJobId;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows of scheduler jobs. JDBC (ADR 0019): every change of a job's state is one conditional
 * update whose row count says whether this caller made it, so that a poller and a person
 * refreshing at the same moment settle a job once.
 */
@Repository
public class SchedulerJobStore {

    /** Details and Slurm's texts are cut to what their columns hold. */
    public static final int DETAIL_MAX = 500;

    private static final String SELECT = "SELECT j.*, f.slug AS factory_slug FROM scheduler_job j JOIN ai_factory f ON f.id = j.factory_id";

    private final JdbcTemplate jdbc;

    SchedulerJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The states a job may be ended from. */
    public enum EndedFrom {
        ACTIVE("'QUEUED', 'RUNNING'"), UNFINISHED("'SUBMITTING', 'QUEUED', 'RUNNING'");

        private final String sql;

        EndedFrom(String sql) {
            this.sql = sql;
        }
    }

    /** A new job, submitting. */
    public record NewJob(SchedulerJobId id, UUID factory, String partition, AllocationId allocation, AccountId owner, UUID learnerRun, String purpose,
                         int gpus, int minutes, BigDecimal reservedHours, Instant createdAt) {
    }

    public void insert(NewJob job) {
        jdbc.update("INSERT INTO scheduler_job (id, factory_id, partition_name, allocation_id, owner_id, learner_run_id, purpose,"
                        + " gpus, time_limit_minutes, reserved_hours, state, cancel_requested, failures, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTING', FALSE, 0, ?)",
                job.id().toString(), job.factory().toString(), job.partition(), job.allocation().toString(), job.owner().toString(),
                job.learnerRun() == null ? null : job.learnerRun().toString(), job.purpose(), job.gpus(), job.minutes(),
                job.reservedHours(), Timestamp.from(job.createdAt()));
    }

    public SchedulerJob load(SchedulerJobId id) {
        return jdbc.query(SELECT + " WHERE j.id = ?", this::row, id.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("job.not-found"));
    }

    /** The jobs run under an allocation, newest first. */
    public List<SchedulerJob> ofAllocation(AllocationId allocation) {
        return jdbc.query(SELECT + " WHERE j.allocation_id = ? ORDER BY j.created_at DESC", this::row, allocation.toString());
    }

    /** Jobs that have not ended, oldest first. */
    public List<SchedulerJobId> unfinished() {
        return jdbc.queryForList("SELECT id FROM scheduler_job WHERE state IN ('SUBMITTING', 'QUEUED', 'RUNNING') ORDER BY created_at",
                String.class).stream().map(SchedulerJobId::of).toList();
    }

    /** A lost job that may still run on its factory. */
    public record LostJob(SchedulerJobId id, String slurmJobId) {
    }

    /** Lost jobs ended since {@code since} whose cancellation on the factory is still owed. */
    public List<LostJob> lostToCancel(Instant since) {
        return jdbc.query("SELECT id, slurm_job_id FROM scheduler_job WHERE state = 'LOST' AND cancel_requested = TRUE"
                        + " AND slurm_job_id IS NOT NULL AND ended_at > ?",
                (rs, n) -> new LostJob(SchedulerJobId.of(rs.getString("id")), rs.getString("slurm_job_id")), Timestamp.from(since));
    }

    public void cancelRequested(SchedulerJobId id, boolean requested) {
        jdbc.update("UPDATE scheduler_job SET cancel_requested = ? WHERE id = ?", requested, id.toString());
    }

    /** SUBMITTING to QUEUED with the scheduler's id; false when the job ended meanwhile. */
    public boolean handed(SchedulerJobId id, String slurmJobId, Instant now) {
        return jdbc.update("UPDATE scheduler_job SET slurm_job_id = ?, state = 'QUEUED', submitted_at = ?, last_contact_at = ?"
                + " WHERE id = ? AND state = 'SUBMITTING'", slurmJobId, Timestamp.from(now), Timestamp.from(now), id.toString()) == 1;
    }

    /** Records the scheduler's id of a job that ended before it was known (to cancel it there). */
    public void slurmJobIdIfMissing(SchedulerJobId id, String slurmJobId) {
        jdbc.update("UPDATE scheduler_job SET slurm_job_id = ? WHERE id = ? AND slurm_job_id IS NULL", slurmJobId, id.toString());
    }

    /** What the scheduler said now: its state, nodes and comment; the count of failed contacts starts again. */
    public void heard(SchedulerJobId id, String slurmState, String nodes, String comment, Instant now) {
        jdbc.update("UPDATE scheduler_job SET slurm_state = ?, last_contact_at = ?, failures = 0, nodes = ?, slurm_comment = ? WHERE id = ?",
                slurmState, Timestamp.from(now), nodes, comment, id.toString());
    }

    /** Waiting in the factory's queue, with Slurm's reason and expected start. */
    public void queued(SchedulerJobId id, Instant expectedStart, String reasonKey, String detail) {
        jdbc.update("UPDATE scheduler_job SET state = 'QUEUED', expected_start_at = ?, reason_key = ?, reason_detail = ?"
                        + " WHERE id = ? AND state IN ('QUEUED', 'RUNNING')", expectedStart == null ? null : Timestamp.from(expectedStart),
                reasonKey, detail, id.toString());
    }

    public void running(SchedulerJobId id, Instant startedAt) {
        jdbc.update("UPDATE scheduler_job SET state = 'RUNNING', started_at = COALESCE(started_at, ?), expected_start_at = NULL,"
                + " reason_key = NULL, reason_detail = NULL WHERE id = ? AND state IN ('QUEUED', 'RUNNING')", Timestamp.from(startedAt),
                id.toString());
    }

    /** What settling a job needs, read under the job row's lock. */
    public record Costs(AllocationId allocation, AccountId owner, UUID learnerRun, int gpus, BigDecimal reservedHours, String purpose) {
    }

    /** Locks the job's row (in the caller's transaction) and reads what settling it needs. */
    public Costs lockForSettling(SchedulerJobId id) {
        return jdbc.queryForObject("SELECT allocation_id, owner_id, learner_run_id, gpus, reserved_hours, purpose"
                        + " FROM scheduler_job WHERE id = ? FOR UPDATE",
                (rs, n) -> new Costs(new AllocationId(UUID.fromString(rs.getString("allocation_id"))), AccountId.of(rs.getString("owner_id")),
                        Optional.ofNullable(rs.getString("learner_run_id")).map(UUID::fromString).orElse(null), rs.getInt("gpus"),
                        rs.getBigDecimal("reserved_hours"), rs.getString("purpose")), id.toString());
    }

    /** Ends the job once, from the given states; false when it had ended already. */
    public boolean ended(SchedulerJobId id, JobState state, String reasonKey, String detail, Instant start, Instant end, BigDecimal consumed,
                         EndedFrom from) {
        return jdbc.update("UPDATE scheduler_job SET state = ?, reason_key = ?, reason_detail = ?, started_at = COALESCE(started_at, ?),"
                        + " ended_at = ?, consumed_hours = ?, expected_start_at = NULL WHERE id = ? AND state IN (" + from.sql + ")",
                state.name(), reasonKey, cut(detail, DETAIL_MAX), start == null ? null : Timestamp.from(start), Timestamp.from(end),
                consumed, id.toString()) == 1;
    }

    /** One more failed contact with the scheduler, and what it said. */
    public void failed(SchedulerJobId id, String detail) {
        jdbc.update("UPDATE scheduler_job SET failures = failures + 1, reason_detail = ? WHERE id = ? AND state IN ('SUBMITTING', 'QUEUED', 'RUNNING')",
                cut(detail, DETAIL_MAX), id.toString());
    }

    public Optional<Instant> lastContact(SchedulerJobId id) {
        Timestamp at = jdbc.queryForObject("SELECT last_contact_at FROM scheduler_job WHERE id = ?", Timestamp.class, id.toString());
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    public UUID factoryOf(SchedulerJobId id) {
        return UUID.fromString(jdbc.queryForObject("SELECT factory_id FROM scheduler_job WHERE id = ?", String.class, id.toString()));
    }

    /** The text, or its first {@code max - 1} characters and an ellipsis. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private SchedulerJob row(ResultSet rs, int n) throws SQLException {
        return new SchedulerJob(SchedulerJobId.of(rs.getString("id")), rs.getString("factory_slug"), rs.getString("partition_name"),
                new AllocationId(UUID.fromString(rs.getString("allocation_id"))), AccountId.of(rs.getString("owner_id")),
                rs.getString("purpose"), rs.getInt("gpus"), Duration.ofMinutes(rs.getInt("time_limit_minutes")),
                JobState.valueOf(rs.getString("state")), rs.getString("slurm_job_id"), rs.getString("slurm_state"),
                rs.getString("reason_key"), rs.getString("reason_detail"), rs.getBigDecimal("reserved_hours"),
                rs.getBigDecimal("consumed_hours"), rs.getBoolean("cancel_requested"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "expected_start_at"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "ended_at"), rs.getString("nodes"),
                rs.getString("slurm_comment"));
    }
}
