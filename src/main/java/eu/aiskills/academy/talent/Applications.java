package eu.aiskills.academy.talent;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications to postings: a candidate applies once per posting (the database refuses a second
 * active one, whatever races), withdraws; the posting's employer team moves it through the
 * pipeline one by one or in bulk, with a history of who moved it when, and keeps notes the
 * candidate never sees. Nobody else reads an application, directly or through its CV.
 */
@Service
public class Applications {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int REASON_MAX = 1_000;
    public static final int BULK_MAX = 200;

    private final JdbcTemplate jdbc;
    private final Postings postings;
    private final Candidates candidates;
    private final Documents documents;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(JdbcTemplate jdbc, Postings postings, Candidates candidates, Documents documents, AccountManagement accounts,
                 ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.candidates = candidates;
        this.documents = documents;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @SignedIn
    @Transactional
    public JobApplication apply(ApplicationDraft draft) {
        AccountId me = CurrentUser.requireId();
        accounts.requireVerifiedEmail();
        Posting posting = postings.load(draft.posting());
        if (posting.status() != PostingStatus.PUBLISHED) {
            throw new UserFacingException("application.posting-closed");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (posting.draft().closesOn().isBefore(today)) {
            throw new UserFacingException("application.posting-closed");
        }
        String letter = draft.coverLetter() == null ? "" : draft.coverLetter().strip();
        if (letter.length() > ApplicationDraft.COVER_LETTER_MAX) {
            throw UserFacingException.onField("coverLetter", "application.invalid.cover-letter", ApplicationDraft.COVER_LETTER_MAX);
        }
        Markdown.toSafeHtml(letter);
        List<String> questions = posting.draft().questions();
        if (draft.answers().size() != questions.size()) {
            throw UserFacingException.onField("answers", "application.invalid.answers", ApplicationDraft.ANSWER_MAX);
        }
        List<JobApplication.Answer> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String answer = draft.answers().get(i) == null ? "" : draft.answers().get(i).strip();
            if (answer.isEmpty() || answer.length() > ApplicationDraft.ANSWER_MAX) {
                throw UserFacingException.onField("answers", "application.invalid.answers", ApplicationDraft.ANSWER_MAX);
            }
            answers.add(new JobApplication.Answer(questions.get(i), answer));
        }
        StoredDocument cv = null;
        if (draft.cv() != null) {
            cv = documents.get(draft.cv());
            if (!cv.owner().equals(me) || cv.purpose() != DocumentPurpose.CV) {
                throw UserFacingException.onField("cv", "candidate.cv.not-a-cv");
            }
        }
        CandidateProfile profile = candidates.mine();
        ProfileDraft p = profile.draft();
        JobApplication.ProfileSnapshot snapshot = new JobApplication.ProfileSnapshot(p.headline(), p.experience(), p.education(), p.country(),
                p.city(), p.languages(), profile.skills());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO job_application (id, posting_id, candidate_id, active, status, candidate_name, cover_letter, cv_document,"
                            + " cv_file_name, answers, profile, submitted_at, updated_at, version)"
                            + " VALUES (?, ?, ?, TRUE, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    id.toString(), posting.id().toString(), me.value().toString(), profile.displayName(), letter,
                    cv == null ? null : cv.id().value().toString(), cv == null ? null : cv.fileName(), JSON.writeValueAsString(answers),
                    JSON.writeValueAsString(snapshot), Timestamp.from(now), Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("application.already-applied");
        }
        recordMove(id, null, ApplicationStatus.SUBMITTED, me, now, null);
        events.publishEvent(new ApplicationSubmitted(id, posting.id(), posting.draft().organisation(), posting.draft().title()));
        return load(id).orElseThrow();
    }

    /** The candidate takes an active application back. */
    @SignedIn
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public JobApplication withdraw(UUID id) {
        JobApplication application = locked(id);
        if (!CurrentUser.is(application.candidate())) {
            throw new NotFoundException("application.not-found");
        }
        if (!application.status().active()) {
            throw new UserFacingException("application.not-active");
        }
        change(application, ApplicationStatus.WITHDRAWN, null);
        return load(id).orElseThrow();
    }

    /** The signed-in candidate's applications, newest first. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<JobApplication> mine() {
        return jdbc.query(SELECT + " WHERE a.candidate_id = ? AND a.erased_at IS NULL ORDER BY a.submitted_at DESC", this::row,
                CurrentUser.requireId().value().toString());
    }

    /** The signed-in candidate's active application to a posting, if any. */
    @SignedIn
    @Transactional(readOnly = true)
    public Optional<JobApplication> mineFor(UUID posting) {
        return jdbc.query(SELECT + " WHERE a.candidate_id = ? AND a.posting_id = ? AND a.active = TRUE", this::row,
                CurrentUser.requireId().value().toString(), posting.toString()).stream().findFirst();
    }

    /** One application, for its candidate or the posting's employer team. */
    @SignedIn
    @Transactional(readOnly = true)
    public JobApplication get(UUID id) {
        JobApplication application = load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireCandidateOrTeam(application);
        return application;
    }

    /** A posting's applications for its employer team, by pipeline stage then arrival. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<JobApplication> forPosting(UUID posting) {
        postings.requireEmployerOf(postings.load(posting).draft().organisation());
        return jdbc.query(SELECT + " WHERE a.posting_id = ? ORDER BY a.submitted_at", this::row, posting.toString());
    }

    /** Moves one application; a reason is passed on to the candidate. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public JobApplication move(UUID id, ApplicationStatus to, String reason) {
        moveAll(List.of(id), to, reason);
        return load(id).orElseThrow();
    }

    /** Moves several applications at once: all of them or, if one may not move, none. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int moveAll(Collection<UUID> ids, ApplicationStatus to, String reason) {
        if (to == null || !to.employerTarget()) {
            throw new UserFacingException("application.invalid.target");
        }
        String cleaned = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleaned != null && (cleaned.length() > REASON_MAX || cleaned.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
            throw UserFacingException.onField("reason", "application.invalid.reason", REASON_MAX);
        }
        if (ids.isEmpty() || ids.size() > BULK_MAX) {
            throw new UserFacingException("application.invalid.bulk", BULK_MAX);
        }
        List<JobApplication> moving = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            JobApplication application = locked(id);
            requireTeam(application);
            if (!application.status().active()) {
                throw new UserFacingException("application.not-active-named", application.candidateName());
            }
            if (application.status() != to) {
                moving.add(application);
            }
        }
        moving.forEach(application -> change(application, to, cleaned));
        return moving.size();
    }

    @RolesAllowed(Roles.EMPLOYER)
    @Transactional
    public ApplicationNote addNote(UUID id, String body) {
        JobApplication application = load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireTeam(application);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > ApplicationNote.BODY_MAX) {
            throw UserFacingException.onField("note", "application.invalid.note", ApplicationNote.BODY_MAX);
        }
        Instant now = clock.instant();
        jdbc.update("INSERT INTO job_application_note (id, application_id, author_id, written_at, body) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), id.toString(), CurrentUser.requireId().value().toString(), Timestamp.from(now), text);
        return notes(id).getLast();
    }

    /** The team's notes on an application, oldest first; never for the candidate. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<ApplicationNote> notes(UUID id) {
        JobApplication application = load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireTeam(application);
        List<Object[]> rows = jdbc.query("SELECT author_id, written_at, body FROM job_application_note WHERE application_id = ?"
                + " ORDER BY written_at, id", (rs, n) -> new Object[] {rs.getString("author_id"), rs.getTimestamp("written_at").toInstant(),
                rs.getString("body")}, id.toString());
        Map<AccountId, String> names = accounts.displayNames(rows.stream().map(r -> new AccountId(UUID.fromString((String) r[0]))).toList());
        return rows.stream().map(r -> new ApplicationNote(names.getOrDefault(new AccountId(UUID.fromString((String) r[0])), "?"),
                (Instant) r[1], (String) r[2])).toList();
    }

    /** Every move of an application, oldest first. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<ApplicationMove> history(UUID id) {
        JobApplication application = load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireCandidateOrTeam(application);
        List<Object[]> rows = jdbc.query("SELECT from_status, to_status, moved_by, moved_at, reason FROM job_application_event"
                + " WHERE application_id = ? ORDER BY seq", (rs, n) -> new Object[] {rs.getString("from_status"), rs.getString("to_status"),
                rs.getString("moved_by"), rs.getTimestamp("moved_at").toInstant(), rs.getString("reason")}, id.toString());
        Map<AccountId, String> names = accounts.displayNames(rows.stream().filter(r -> r[2] != null)
                .map(r -> new AccountId(UUID.fromString((String) r[2]))).toList());
        return rows.stream().map(r -> new ApplicationMove(r[0] == null ? null : ApplicationStatus.valueOf((String) r[0]),
                ApplicationStatus.valueOf((String) r[1]), r[2] == null ? "" : names.getOrDefault(new AccountId(UUID.fromString((String) r[2])), ""),
                (Instant) r[3], (String) r[4])).toList();
    }

    /** The CV sent with an application, for its candidate or the employer team; the caller closes the stream. */
    @SignedIn
    public InputStream openCv(UUID id) {
        JobApplication application = load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireCandidateOrTeam(application);
        String document = jdbc.queryForObject("SELECT cv_document FROM job_application WHERE id = ?", String.class, id.toString());
        if (document == null) {
            throw new NotFoundException("application.no-cv");
        }
        return SystemActor.call(() -> documents.open(new DocumentId(UUID.fromString(document))));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void change(JobApplication application, ApplicationStatus to, String reason) {
        Instant now = clock.instant();
        AccountId by = CurrentUser.requireId();
        int updated = jdbc.update("UPDATE job_application SET status = ?, active = ?, reason = ?, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND status = ?", to.name(), to.active() ? Boolean.TRUE : null, reason, Timestamp.from(now),
                application.id().toString(), application.status().name());
        if (updated != 1) {
            throw new IllegalStateException("Application " + application.id() + " changed under its lock");
        }
        recordMove(application.id(), application.status(), to, by, now, reason);
        if (to != ApplicationStatus.WITHDRAWN) {
            events.publishEvent(new ApplicationMoved(application.id(), application.candidate(), application.postingTitle(),
                    application.organisationName(), to, reason));
        }
    }

    private void recordMove(UUID id, ApplicationStatus from, ApplicationStatus to, AccountId by, Instant at, String reason) {
        Integer seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM job_application_event WHERE application_id = ?",
                Integer.class, id.toString());
        jdbc.update("INSERT INTO job_application_event (application_id, seq, from_status, to_status, moved_by, moved_at, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", id.toString(), seq, from == null ? null : from.name(), to.name(),
                by.value().toString(), Timestamp.from(at), reason);
    }

    private void requireCandidateOrTeam(JobApplication application) {
        if (CurrentUser.is(application.candidate())) {
            return;
        }
        requireTeam(application);
    }

    private void requireTeam(JobApplication application) {
        try {
            postings.requireEmployerOf(postings.load(application.postingId()).draft().organisation());
        } catch (AccessDeniedException e) {
            // Another employer's applicant: as if it did not exist.
            throw new NotFoundException("application.not-found");
        }
    }

    private JobApplication locked(UUID id) {
        jdbc.queryForList("SELECT id FROM job_application WHERE id = ? FOR UPDATE", String.class, id.toString());
        return load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
    }

    private Optional<JobApplication> load(UUID id) {
        return jdbc.query(SELECT + " WHERE a.id = ?", this::row, id.toString()).stream().findFirst();
    }

    private static final String SELECT = "SELECT a.*, p.title AS posting_title, o.name AS organisation_name FROM job_application a"
            + " JOIN job_posting p ON p.id = a.posting_id JOIN organisation o ON o.id = p.organisation_id";

    private JobApplication row(ResultSet rs, int n) throws SQLException {
        return new JobApplication(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("posting_id")),
                rs.getString("posting_title"), rs.getString("organisation_name"), new AccountId(UUID.fromString(rs.getString("candidate_id"))),
                rs.getString("candidate_name"), ApplicationStatus.valueOf(rs.getString("status")), rs.getString("cover_letter"),
                rs.getString("cv_file_name"), JSON.readValue(rs.getString("answers"), new TypeReference<List<JobApplication.Answer>>() { }),
                JSON.readValue(rs.getString("profile"), JobApplication.ProfileSnapshot.class), rs.getString("reason"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
