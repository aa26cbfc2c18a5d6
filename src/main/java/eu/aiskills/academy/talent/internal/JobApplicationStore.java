package eu.aiskills.academy.talent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.talent.ApplicationStatus;
import eu.aiskills.academy.talent.JobApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job applications, their history of moves and the employer team's notes, in the database
 * (ADR 0019). A candidate has one active application per posting (a unique key on the posting,
 * the candidate and the {@code active} flag, whatever races); a move is one conditional update
 * from the status the caller locked. People come back as accounts: {@code Applications} looks
 * the names of a whole list up at once, and checks who may do what before it calls here.
 */
@Component
public class JobApplicationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "SELECT a.*, p.title AS posting_title, o.name AS organisation_name FROM job_application a"
            + " JOIN job_posting p ON p.id = a.posting_id JOIN organisation o ON o.id = p.organisation_id";

    /** A note before its author's name is looked up. */
    public record NoteRow(AccountId author, Instant writtenAt, String body) {
    }

    /** A move before the mover's name is looked up ({@code by} is empty for the platform's own). */
    public record MoveRow(ApplicationStatus from, ApplicationStatus to, AccountId by, Instant at, String reason) {
    }

    private final JdbcTemplate jdbc;

    JobApplicationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a submitted application; a second active one of the candidate for the posting fails on the unique key. */
    public void insert(UUID id, UUID posting, AccountId candidate, String candidateName, String coverLetter, UUID cvDocument,
                       String cvFileName, List<JobApplication.Answer> answers, JobApplication.ProfileSnapshot profile, Instant now) {
        jdbc.update("INSERT INTO job_application (id, posting_id, candidate_id, active, status, candidate_name, cover_letter, cv_document,"
                        + " cv_file_name, answers, profile, submitted_at, updated_at, version)"
                        + " VALUES (?, ?, ?, TRUE, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                id.toString(), posting.toString(), candidate.value().toString(), candidateName, coverLetter,
                cvDocument == null ? null : cvDocument.toString(), cvFileName, JSON.writeValueAsString(answers),
                JSON.writeValueAsString(profile), Timestamp.from(now), Timestamp.from(now));
    }

    public Optional<JobApplication> load(UUID id) {
        return jdbc.query(SELECT + " WHERE a.id = ?", JobApplicationStore::row, id.toString()).stream().findFirst();
    }

    /**
     * The applications, their rows locked for this transaction in one statement (in id order, so
     * that two bulk moves over the same rows wait for each other instead of deadlocking); in the
     * order given, those that exist. Only the application rows are locked: a lock taken through
     * the join would hold the posting's row too, and every candidate applying to it would wait.
     */
    public List<JobApplication> locked(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Object[] arguments = ids.stream().map(UUID::toString).toArray();
        String in = Jdbc.placeholders(ids.size());
        jdbc.queryForList("SELECT id FROM job_application WHERE id IN (" + in + ") ORDER BY id FOR UPDATE", String.class, arguments);
        Map<UUID, JobApplication> byId = new HashMap<>();
        jdbc.query(SELECT + " WHERE a.id IN (" + in + ")", JobApplicationStore::row, arguments).forEach(a -> byId.put(a.id(), a));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A candidate's applications that were not erased, newest first. */
    public List<JobApplication> ofCandidate(AccountId candidate) {
        return jdbc.query(SELECT + " WHERE a.candidate_id = ? AND a.erased_at IS NULL ORDER BY a.submitted_at DESC", JobApplicationStore::row,
                candidate.value().toString());
    }

    public Optional<JobApplication> activeOf(AccountId candidate, UUID posting) {
        return jdbc.query(SELECT + " WHERE a.candidate_id = ? AND a.posting_id = ? AND a.active = TRUE", JobApplicationStore::row,
                candidate.value().toString(), posting.toString()).stream().findFirst();
    }

    public List<JobApplication> forPosting(UUID posting) {
        return jdbc.query(SELECT + " WHERE a.posting_id = ? ORDER BY a.submitted_at", JobApplicationStore::row, posting.toString());
    }

    /** Moves an application from the status its caller read under the lock: {@code false} when it had changed. */
    public boolean move(UUID id, ApplicationStatus from, ApplicationStatus to, String reason, Instant now) {
        return jdbc.update("UPDATE job_application SET status = ?, active = ?, reason = ?, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND status = ?", to.name(), to.active() ? Boolean.TRUE : null, reason, Timestamp.from(now),
                id.toString(), from.name()) == 1;
    }

    /** Appends a step to an application's history. */
    public void recordMove(UUID id, ApplicationStatus from, ApplicationStatus to, AccountId by, Instant at, String reason) {
        jdbc.update("INSERT INTO job_application_event (application_id, seq, from_status, to_status, moved_by, moved_at, reason)"
                        + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ? FROM job_application_event WHERE application_id = ?",
                id.toString(), from == null ? null : from.name(), to.name(), by.value().toString(), Timestamp.from(at), reason, id.toString());
    }

    public List<MoveRow> history(UUID id) {
        return jdbc.query("SELECT from_status, to_status, moved_by, moved_at, reason FROM job_application_event WHERE application_id = ?"
                + " ORDER BY seq", (rs, n) -> {
            String from = rs.getString("from_status");
            String by = rs.getString("moved_by");
            return new MoveRow(from == null ? null : ApplicationStatus.valueOf(from), ApplicationStatus.valueOf(rs.getString("to_status")),
                    by == null ? null : new AccountId(UUID.fromString(by)), Jdbc.instant(rs, "moved_at"), rs.getString("reason"));
        }, id.toString());
    }

    public void insertNote(UUID applicationId, AccountId author, String body, Instant now) {
        jdbc.update("INSERT INTO job_application_note (id, application_id, author_id, written_at, body) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), applicationId.toString(), author.value().toString(), Timestamp.from(now), body);
    }

    /** The notes on an application, oldest first. */
    public List<NoteRow> notes(UUID applicationId) {
        return jdbc.query("SELECT author_id, written_at, body FROM job_application_note WHERE application_id = ? ORDER BY written_at, id",
                (rs, n) -> new NoteRow(new AccountId(UUID.fromString(rs.getString("author_id"))), Jdbc.instant(rs, "written_at"),
                        rs.getString("body")), applicationId.toString());
    }

    /** The stored CV sent with an application, if one was. */
    public Optional<UUID> cvDocument(UUID id) {
        return jdbc.queryForList("SELECT cv_document FROM job_application WHERE id = ? AND cv_document IS NOT NULL", String.class,
                id.toString()).stream().map(UUID::fromString).findFirst();
    }

    private static JobApplication row(ResultSet rs, int n) throws SQLException {
        return new JobApplication(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("posting_id")),
                rs.getString("posting_title"), rs.getString("organisation_name"), new AccountId(UUID.fromString(rs.getString("candidate_id"))),
                rs.getString("candidate_name"), ApplicationStatus.valueOf(rs.getString("status")), rs.getString("cover_letter"),
                rs.getString("cv_file_name"), JSON.readValue(rs.getString("answers"), new TypeReference<List<JobApplication.Answer>>() { }),
                JSON.readValue(rs.getString("profile"), JobApplication.ProfileSnapshot.class), rs.getString("reason"),
                Jdbc.instant(rs, "submitted_at"), Jdbc.instant(rs, "updated_at"));
    }
}
