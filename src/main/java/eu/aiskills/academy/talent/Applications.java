package eu.aiskills.academy.talent;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import eu.aiskills.academy.talent.internal.JobApplicationStore;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications to postings: a candidate applies once per posting (the database refuses a second
 * active one, whatever races), withdraws; the posting's employer team moves it through the
 * pipeline one by one or in bulk, with a history of who moved it when, and keeps notes the
 * candidate never sees. Nobody else reads an application, directly or through its CV.
 */
@Service
public class Applications {

    public static final int REASON_MAX = 1_000;
    public static final int BULK_MAX = 200;

    private final JobApplicationStore store;
    private final Postings postings;
    private final Candidates candidates;
    private final Documents documents;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(JobApplicationStore store, Postings postings, Candidates candidates, Documents documents, AccountManagement accounts,
                 ApplicationEventPublisher events, Clock clock) {
        this.store = store;
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
            store.insert(id, posting.id(), me, profile.displayName(), letter, cv == null ? null : cv.id().value(),
                    cv == null ? null : cv.fileName(), answers, snapshot, now);
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("application.already-applied");
        }
        store.recordMove(id, null, ApplicationStatus.SUBMITTED, me, now, null);
        events.publishEvent(new ApplicationSubmitted(id, posting.id(), posting.draft().organisation(), posting.draft().title()));
        return store.load(id).orElseThrow();
    }

    /** The candidate takes an active application back. */
    @SignedIn
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public JobApplication withdraw(UUID id) {
        JobApplication application = store.locked(List.of(id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("application.not-found"));
        if (!CurrentUser.is(application.candidate())) {
            throw new NotFoundException("application.not-found");
        }
        if (!application.status().active()) {
            throw new UserFacingException("application.not-active");
        }
        change(application, ApplicationStatus.WITHDRAWN, null);
        return store.load(id).orElseThrow();
    }

    /** The signed-in candidate's applications, newest first. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<JobApplication> mine() {
        return store.ofCandidate(CurrentUser.requireId());
    }

    /** The signed-in candidate's active application to a posting, if any. */
    @SignedIn
    @Transactional(readOnly = true)
    public Optional<JobApplication> mineFor(UUID posting) {
        return store.activeOf(CurrentUser.requireId(), posting);
    }

    /** One application, for its candidate or the posting's employer team. */
    @SignedIn
    @Transactional(readOnly = true)
    public JobApplication get(UUID id) {
        JobApplication application = store.load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireCandidateOrTeam(application);
        return application;
    }

    /** A posting's applications for its employer team, by pipeline stage then arrival. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<JobApplication> forPosting(UUID posting) {
        postings.requireEmployerOf(postings.load(posting).draft().organisation());
        return store.forPosting(posting);
    }

    /** Moves one application; a reason is passed on to the candidate. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public JobApplication move(UUID id, ApplicationStatus to, String reason) {
        moveAll(List.of(id), to, reason);
        return store.load(id).orElseThrow();
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
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<JobApplication> locked = store.locked(distinct);
        if (locked.size() != distinct.size()) {
            throw new NotFoundException("application.not-found");
        }
        List<JobApplication> moving = new ArrayList<>();
        for (JobApplication application : locked) {
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
        JobApplication application = store.load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireTeam(application);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > ApplicationNote.BODY_MAX) {
            throw UserFacingException.onField("note", "application.invalid.note", ApplicationNote.BODY_MAX);
        }
        Instant now = clock.instant();
        store.insertNote(id, CurrentUser.requireId(), text, now);
        return notes(id).getLast();
    }

    /** The team's notes on an application, oldest first; never for the candidate. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<ApplicationNote> notes(UUID id) {
        JobApplication application = store.load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireTeam(application);
        List<JobApplicationStore.NoteRow> rows = store.notes(id);
        Map<AccountId, String> names = accounts.displayNames(rows.stream().map(JobApplicationStore.NoteRow::author).distinct().toList());
        return rows.stream().map(r -> new ApplicationNote(names.getOrDefault(r.author(), "?"), r.writtenAt(), r.body())).toList();
    }

    /** Every move of an application, oldest first. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<ApplicationMove> history(UUID id) {
        JobApplication application = store.load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireCandidateOrTeam(application);
        List<JobApplicationStore.MoveRow> rows = store.history(id);
        Map<AccountId, String> names = accounts.displayNames(rows.stream().map(JobApplicationStore.MoveRow::by).filter(Objects::nonNull)
                .distinct().toList());
        return rows.stream().map(r -> new ApplicationMove(r.from(), r.to(), r.by() == null ? "" : names.getOrDefault(r.by(), ""), r.at(),
                r.reason())).toList();
    }

    /** The CV sent with an application, for its candidate or the employer team; the caller closes the stream. */
    @SignedIn
    public InputStream openCv(UUID id) {
        JobApplication application = store.load(id).orElseThrow(() -> new NotFoundException("application.not-found"));
        requireCandidateOrTeam(application);
        UUID document = store.cvDocument(id).orElseThrow(() -> new NotFoundException("application.no-cv"));
        return SystemActor.call(() -> documents.open(new DocumentId(document)));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void change(JobApplication application, ApplicationStatus to, String reason) {
        Instant now = clock.instant();
        AccountId by = CurrentUser.requireId();
        if (!store.move(application.id(), application.status(), to, reason, now)) {
            throw new IllegalStateException("Application " + application.id() + " changed under its lock");
        }
        store.recordMove(application.id(), application.status(), to, by, now, reason);
        if (to != ApplicationStatus.WITHDRAWN) {
            events.publishEvent(new ApplicationMoved(application.id(), application.candidate(), application.postingTitle(),
                    application.organisationName(), to, reason));
        }
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
}
