package eu.aiskills.academy.talent;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Employers' postings: drafted, published, closed early or at their date, filled. Only members of
 * the posting's employer organisation with the EMPLOYER role write them; every save is a revision
 * with who and when; anyone reads a published posting.
 */
@Service
public class Postings {

    private static final Pattern OCCUPATION = Pattern.compile("http://data\\.europa\\.eu/esco/occupation/[0-9a-f-]{36}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> PERIODS = Set.of("YEAR", "MONTH", "HOUR");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final OrganisationManagement organisations;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final AccountManagement accounts;
    private final Clock clock;

    Postings(JdbcTemplate jdbc, OrganisationManagement organisations, Catalogue catalogue, ApplicationEventPublisher events,
             AccountManagement accounts, Clock clock) {
        this.jdbc = jdbc;
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
        Instant now = clock.instant();
        jdbc.update("INSERT INTO job_posting (id, organisation_id, kind, title, description, occupation_uri, seniority, remote_policy,"
                        + " work_country, visa_support, salary_min, salary_max, salary_currency, salary_period, closes_on, openings,"
                        + " training_plan, status, revision, created_by, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 1, ?, ?, ?)",
                id.toString(), draft.organisation().value().toString(), draft.kind().name(), draft.title().strip(), draft.description(),
                draft.occupationUri(), draft.seniority().name(), draft.remote().name(), draft.workCountry(), draft.visaSupport(),
                draft.salaryMin(), draft.salaryMax(), draft.salaryCurrency(), draft.salaryPeriod(), draft.closesOn(), draft.openings(),
                draft.trainingPlan(), CurrentUser.requireId().value().toString(), Timestamp.from(now), Timestamp.from(now));
        writeLists(id, draft);
        recordRevision(id, 1, PostingStatus.DRAFT, draft, now);
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
        int revision = current.revision() + 1;
        Instant now = clock.instant();
        jdbc.update("UPDATE job_posting SET kind = ?, title = ?, description = ?, occupation_uri = ?, seniority = ?, remote_policy = ?,"
                        + " work_country = ?, visa_support = ?, salary_min = ?, salary_max = ?, salary_currency = ?, salary_period = ?,"
                        + " closes_on = ?, openings = ?, training_plan = ?, revision = ?, updated_at = ? WHERE id = ?",
                draft.kind().name(), draft.title().strip(), draft.description(), draft.occupationUri(), draft.seniority().name(),
                draft.remote().name(), draft.workCountry(), draft.visaSupport(), draft.salaryMin(), draft.salaryMax(),
                draft.salaryCurrency(), draft.salaryPeriod(), draft.closesOn(), draft.openings(), draft.trainingPlan(), revision,
                Timestamp.from(now), id.toString());
        jdbc.update("DELETE FROM job_posting_skill WHERE posting_id = ?", id.toString());
        jdbc.update("DELETE FROM job_posting_item WHERE posting_id = ?", id.toString());
        writeLists(id, draft);
        recordRevision(id, revision, current.status(), draft, now);
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
        Posting published = transition(current, PostingStatus.PUBLISHED, "published_at");
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
        return transition(current, PostingStatus.CLOSED, "closed_at");
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
        return transition(current, PostingStatus.FILLED, "closed_at");
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
        return jdbc.query(SELECT + " WHERE p.organisation_id = ? AND p.status = 'PUBLISHED' AND p.closes_on >= ? ORDER BY p.closes_on",
                this::row, organisation.value().toString(), LocalDate.now(clock.withZone(ZoneOffset.UTC))).stream().map(this::withLists).toList();
    }

    /** Every posting of the employer's organisations, for its team. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<Posting> mine() {
        List<Posting> all = new ArrayList<>();
        for (var membership : organisations.myMemberships()) {
            all.addAll(jdbc.query(SELECT + " WHERE p.organisation_id = ? ORDER BY p.updated_at DESC", this::row,
                    membership.organisationId().value().toString()).stream().map(this::withLists).toList());
        }
        return all;
    }

    /** A posting the search index holds: published and taking applications; empty otherwise. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public Optional<Posting> searchable(UUID id) {
        return jdbc.query(SELECT + " WHERE p.id = ? AND p.status = 'PUBLISHED' AND p.closes_on >= ?", this::row, id.toString(), today())
                .stream().findFirst().map(this::withLists);
    }

    /** The next {@code limit} postings the search index holds, by id after {@code after} (null: from the first), for a rebuild. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public List<Posting> searchableAfter(UUID after, int limit) {
        return jdbc.query(SELECT + " WHERE p.status = 'PUBLISHED' AND p.closes_on >= ? AND p.id > ? ORDER BY p.id LIMIT ?", this::row,
                today(), after == null ? "" : after.toString(), limit).stream().map(this::withLists).toList();
    }

    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public long countSearchable() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM job_posting WHERE status = 'PUBLISHED' AND closes_on >= ?", Long.class, today());
        return count == null ? 0 : count;
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
        List<Revision> revisions = jdbc.query("SELECT revision, status, edited_by, edited_at, snapshot FROM job_posting_revision"
                + " WHERE posting_id = ? ORDER BY revision DESC", (rs, n) -> new Revision(rs.getInt("revision"),
                PostingStatus.valueOf(rs.getString("status")), new AccountId(UUID.fromString(rs.getString("edited_by"))), "",
                rs.getTimestamp("edited_at").toInstant(), JSON.readTree(rs.getString("snapshot")).path("title").asString("")), id.toString());
        Map<AccountId, String> names = accounts.displayNames(revisions.stream().map(Revision::editedBy).toList());
        return revisions.stream().map(r -> new Revision(r.number(), r.status(), r.editedBy(), names.getOrDefault(r.editedBy(), ""),
                r.editedAt(), r.title())).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Posting transition(Posting current, PostingStatus next, String stampColumn) {
        Instant now = clock.instant();
        int revision = current.revision() + 1;
        jdbc.update("UPDATE job_posting SET status = ?, revision = ?, updated_at = ?, " + stampColumn + " = ? WHERE id = ?", next.name(),
                revision, Timestamp.from(now), Timestamp.from(now), current.id().toString());
        recordRevision(current.id(), revision, next, current.draft(), now);
        events.publishEvent(new PostingChanged(current.id()));
        return load(current.id());
    }

    private void recordRevision(UUID id, int revision, PostingStatus status, PostingDraft draft, Instant at) {
        jdbc.update("INSERT INTO job_posting_revision (posting_id, revision, status, edited_by, edited_at, snapshot) VALUES (?, ?, ?, ?, ?, ?)",
                id.toString(), revision, status.name(), CurrentUser.requireId().value().toString(), Timestamp.from(at),
                JSON.writeValueAsString(draft));
    }

    private void writeLists(UUID id, PostingDraft draft) {
        for (String skill : draft.requiredSkills()) {
            jdbc.update("INSERT INTO job_posting_skill (posting_id, skill_uri, required) VALUES (?, ?, TRUE)", id.toString(), skill);
        }
        for (String skill : draft.optionalSkills()) {
            jdbc.update("INSERT INTO job_posting_skill (posting_id, skill_uri, required) VALUES (?, ?, FALSE)", id.toString(), skill);
        }
        items(id, "LOCATION", draft.locations());
        items(id, "LANGUAGE", draft.languages());
        items(id, "COURSE", draft.courses());
        items(id, "QUESTION", draft.questions());
    }

    private void items(UUID id, String kind, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            jdbc.update("INSERT INTO job_posting_item (posting_id, item_kind, position, item_value) VALUES (?, ?, ?, ?)", id.toString(), kind,
                    i, values.get(i).strip());
        }
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
        jdbc.queryForList("SELECT id FROM job_posting WHERE id = ? FOR UPDATE", String.class, id.toString());
        return load(id);
    }

    private static final String SELECT = "SELECT p.*, o.name AS organisation_name FROM job_posting p JOIN organisation o ON o.id = p.organisation_id";

    Posting load(UUID id) {
        return jdbc.query(SELECT + " WHERE p.id = ?", this::row, id.toString()).stream().findFirst().map(this::withLists)
                .orElseThrow(() -> new NotFoundException("posting.not-found"));
    }

    private Posting withLists(Posting p) {
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        jdbc.query("SELECT skill_uri, required FROM job_posting_skill WHERE posting_id = ? ORDER BY skill_uri",
                rs -> {
                    (rs.getBoolean("required") ? required : optional).add(rs.getString("skill_uri"));
                }, p.id().toString());
        Map<String, List<String>> items = new java.util.HashMap<>();
        jdbc.query("SELECT item_kind, item_value FROM job_posting_item WHERE posting_id = ? ORDER BY item_kind, position",
                rs -> {
                    items.computeIfAbsent(rs.getString("item_kind"), k -> new ArrayList<>()).add(rs.getString("item_value"));
                }, p.id().toString());
        PostingDraft d = p.draft();
        return new Posting(p.id(), p.organisationName(), new PostingDraft(d.organisation(), d.kind(), d.title(), d.description(),
                d.occupationUri(), d.seniority(), items.getOrDefault("LOCATION", List.of()), d.remote(), d.workCountry(), d.visaSupport(),
                d.salaryMin(), d.salaryMax(), d.salaryCurrency(), d.salaryPeriod(), items.getOrDefault("LANGUAGE", List.of()),
                d.closesOn(), d.openings(), required, optional, d.trainingPlan(), items.getOrDefault("COURSE", List.of()),
                items.getOrDefault("QUESTION", List.of())),
                p.status(), p.revision(), p.createdAt(), p.updatedAt(), p.publishedAt(), p.closedAt());
    }

    private Posting row(ResultSet rs, int n) throws SQLException {
        PostingDraft draft = new PostingDraft(new OrganisationId(UUID.fromString(rs.getString("organisation_id"))),
                PostingKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"), rs.getString("occupation_uri"),
                Seniority.valueOf(rs.getString("seniority")), List.of(), RemotePolicy.valueOf(rs.getString("remote_policy")),
                rs.getString("work_country"), rs.getBoolean("visa_support"), rs.getBigDecimal("salary_min"), rs.getBigDecimal("salary_max"),
                rs.getString("salary_currency"), rs.getString("salary_period"), List.of(), rs.getDate("closes_on").toLocalDate(),
                rs.getInt("openings"), List.of(), List.of(), rs.getString("training_plan"), List.of(), List.of());
        return new Posting(UUID.fromString(rs.getString("id")), rs.getString("organisation_name"), draft,
                PostingStatus.valueOf(rs.getString("status")), rs.getInt("revision"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "published_at"), Jdbc.instant(rs, "closed_at"));
    }

}
