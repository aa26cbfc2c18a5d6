package eu.aiskills.academy.talent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.talent.internal.PostingStore;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employers' postings: drafted, published, closed early or at their date, filled. Only members of
 * the posting's employer organisation with the EMPLOYER role write them; every save is a revision
 * with who and when; anyone reads a published posting.
 * <p>Long because a posting's rules (about seventy lines of validation, one per field a form shows)
 * are checked here, beside the life cycle they guard.
 */
@Service
public class Postings {

    private static final Pattern OCCUPATION = Pattern.compile("http://data\\.europa\\.eu/esco/occupation/[0-9a-f-]{36}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> PERIODS = Set.of("YEAR", "MONTH", "HOUR");

    private final PostingStore store;
    private final OrganisationManagement organisations;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final AccountManagement accounts;
    private final Clock clock;

    Postings(PostingStore store, OrganisationManagement organisations, Catalogue catalogue, ApplicationEventPublisher events,
             AccountManagement accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    @RolesAllowed(Roles.EMPLOYER)
    @Transactional
    public Posting create(PostingDraft draft) {
        requireEmployerOf(draft.organisation());
        validate(draft);
        UUID id = UUID.randomUUID();
        store.insert(id, draft, CurrentUser.requireId(), clock.instant());
        return load(id);
    }

    /** Changes a draft or a published posting; the change is a new revision. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Posting update(UUID id, PostingDraft draft) {
        Posting current = locked(id);
        requireEmployerOf(current.draft().organisation());
        if (!draft.organisation().equals(current.draft().organisation())) {
            throw new AccessDeniedException("A posting stays with its organisation");
        }
        if (current.status() != PostingStatus.DRAFT && current.status() != PostingStatus.PUBLISHED) {
            throw new UserFacingException("posting.not-editable");
        }
        validate(draft);
        store.update(id, draft, current.revision() + 1, current.status(), CurrentUser.requireId(), clock.instant());
        events.publishEvent(new PostingChanged(id));
        return load(id);
    }

    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Posting publish(UUID id) {
        Posting current = locked(id);
        requireEmployerOf(current.draft().organisation());
        if (current.status() != PostingStatus.DRAFT) {
            throw new UserFacingException("posting.not-a-draft");
        }
        if (current.draft().closesOn().isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw UserFacingException.onField("closesOn", "posting.invalid.closes-past");
        }
        Posting published = transition(current, PostingStatus.PUBLISHED);
        events.publishEvent(new PostingPublished(id));
        return published;
    }

    /** Closes a published posting early; no more applications. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Posting close(UUID id) {
        Posting current = locked(id);
        requireEmployerOf(current.draft().organisation());
        if (current.status() != PostingStatus.PUBLISHED) {
            throw new UserFacingException("posting.not-published");
        }
        return transition(current, PostingStatus.CLOSED);
    }

    /** Marks a published or closed posting filled. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Posting filled(UUID id) {
        Posting current = locked(id);
        requireEmployerOf(current.draft().organisation());
        if (current.status() != PostingStatus.PUBLISHED && current.status() != PostingStatus.CLOSED) {
            throw new UserFacingException("posting.not-published");
        }
        return transition(current, PostingStatus.FILLED);
    }

    /** A published posting (closed and filled ones too: their pages say so), for anyone. */
    @PermitAll
    @Transactional(readOnly = true)
    public Posting published(UUID id) {
        Posting posting = load(id);
        if (posting.status() == PostingStatus.DRAFT && !mayWrite(posting.draft().organisation())) {
            throw new NotFoundException("posting.not-found");
        }
        return posting;
    }

    /** An employer's open postings, soonest closing first, for its public page. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Posting> openOf(OrganisationId organisation) {
        return store.openOf(organisation, today());
    }

    /** Every posting of the employer's organisations, for its team. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<Posting> mine() {
        return store.ofOrganisations(organisations.myMemberships().stream().map(m -> m.organisationId()).toList());
    }

    /** A posting the search index holds: published and taking applications; empty otherwise. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public Optional<Posting> searchable(UUID id) {
        return store.searchable(id, today());
    }

    /** The next {@code limit} postings the search index holds, by id after {@code after} (null: from the first), for a rebuild. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public List<Posting> searchableAfter(UUID after, int limit) {
        return store.searchableAfter(today(), after, limit);
    }

    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public long countSearchable() {
        return store.countSearchable(today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** One saved version of a posting: number, status then, who and when. */
    public record Revision(int number, PostingStatus status, AccountId editedBy, String editedByName, Instant editedAt, String title) {
    }

    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<Revision> history(UUID id) {
        Posting posting = load(id);
        requireEmployerOf(posting.draft().organisation());
        List<Revision> revisions = store.revisions(id);
        Map<AccountId, String> names = accounts.displayNames(revisions.stream().map(Revision::editedBy).distinct().toList());
        return revisions.stream().map(r -> new Revision(r.number(), r.status(), r.editedBy(), names.getOrDefault(r.editedBy(), ""),
                r.editedAt(), r.title())).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Posting transition(Posting current, PostingStatus next) {
        store.transition(current, next, CurrentUser.requireId(), clock.instant());
        events.publishEvent(new PostingChanged(current.id()));
        return load(current.id());
    }

    private void validate(PostingDraft d) {
        if (d.kind() == null || d.seniority() == null || d.remote() == null) {
            throw new UserFacingException("posting.invalid.choices");
        }
        if (d.title() == null || d.title().isBlank() || d.title().strip().length() > PostingDraft.TITLE_MAX
                || d.title().chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("title", "posting.invalid.title", PostingDraft.TITLE_MAX);
        }
        if (d.description() == null || d.description().isBlank() || d.description().length() > PostingDraft.DESCRIPTION_MAX) {
            throw UserFacingException.onField("description", "posting.invalid.description", PostingDraft.DESCRIPTION_MAX);
        }
        Markdown.toSafeHtml(d.description());
        if (d.occupationUri() != null && !OCCUPATION.matcher(d.occupationUri()).matches()) {
            throw UserFacingException.onField("occupation", "posting.invalid.occupation");
        }
        if (d.locations().size() > 10 || d.locations().stream().anyMatch(l -> l == null || l.isBlank() || l.strip().length() > 120)
                || (d.remote() != RemotePolicy.REMOTE && d.locations().isEmpty())) {
            throw UserFacingException.onField("locations", "posting.invalid.locations");
        }
        if (d.workCountry() == null || !COUNTRIES.contains(d.workCountry())) {
            throw UserFacingException.onField("workCountry", "posting.invalid.country");
        }
        boolean salary = d.salaryMin() != null || d.salaryMax() != null;
        if (salary && (d.salaryCurrency() == null || !validCurrency(d.salaryCurrency()) || d.salaryPeriod() == null
                || !PERIODS.contains(d.salaryPeriod()) || (d.salaryMin() != null && d.salaryMin().signum() < 0)
                || (d.salaryMin() != null && d.salaryMax() != null && d.salaryMin().compareTo(d.salaryMax()) > 0)
                || (d.salaryMax() != null && d.salaryMax().compareTo(new BigDecimal("10000000")) > 0))) {
            throw UserFacingException.onField("salary", "posting.invalid.salary");
        }
        if (d.languages().isEmpty() || d.languages().size() > 10 || !LANGUAGES.containsAll(d.languages())) {
            throw UserFacingException.onField("languages", "posting.invalid.languages");
        }
        if (d.closesOn() == null || d.closesOn().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusYears(1))) {
            throw UserFacingException.onField("closesOn", "posting.invalid.closes");
        }
        if (d.openings() < 1 || d.openings() > 1000) {
            throw UserFacingException.onField("openings", "posting.invalid.openings");
        }
        Set<String> known = new HashSet<>(catalogue.skills().stream().map(Skill::uri).toList());
        Set<String> seen = new HashSet<>();
        for (String skill : concat(d.requiredSkills(), d.optionalSkills())) {
            if (!known.contains(skill) || !seen.add(skill)) {
                throw UserFacingException.onField("skills", "posting.invalid.skill", skill);
            }
        }
        if (d.requiredSkills().isEmpty()) {
            throw UserFacingException.onField("skills", "posting.invalid.no-skills");
        }
        if (d.questions().size() > PostingDraft.QUESTIONS_MAX || d.questions().stream().anyMatch(q -> q == null || q.isBlank()
                || q.strip().length() > PostingDraft.QUESTION_MAX || q.chars().anyMatch(Character::isISOControl))) {
            throw UserFacingException.onField("questions", "posting.invalid.questions", PostingDraft.QUESTIONS_MAX, PostingDraft.QUESTION_MAX);
        }
        if (d.kind() == PostingKind.APPRENTICESHIP) {
            if (d.trainingPlan() == null || d.trainingPlan().isBlank() || d.trainingPlan().length() > PostingDraft.DESCRIPTION_MAX) {
                throw UserFacingException.onField("trainingPlan", "posting.invalid.training-plan");
            }
            if (d.courses().isEmpty() || d.courses().stream().anyMatch(c -> catalogue.publishedCourse(c).isEmpty())) {
                throw UserFacingException.onField("courses", "posting.invalid.courses");
            }
        } else if (!d.courses().isEmpty()) {
            throw UserFacingException.onField("courses", "posting.invalid.courses-apprenticeship");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean validCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean mayWrite(OrganisationId organisation) {
        return CurrentUser.hasRole(Roles.EMPLOYER) && organisations.isMember(organisation);
    }

    void requireEmployerOf(OrganisationId organisation) {
        var found = organisations.find(organisation).orElseThrow(() -> new NotFoundException("posting.organisation-not-found"));
        if (found.kind() != OrganisationKind.EMPLOYER || !mayWrite(organisation)) {
            throw new AccessDeniedException("Not an employer of " + organisation);
        }
    }

    private Posting locked(UUID id) {
        return store.locked(id).orElseThrow(() -> new NotFoundException("posting.not-found"));
    }

    Posting load(UUID id) {
        return store.load(id).orElseThrow(() -> new NotFoundException("posting.not-found"));
    }
}
