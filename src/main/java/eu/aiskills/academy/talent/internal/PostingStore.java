package eu.aiskills.academy.talent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.PostingStatus;
import eu.aiskills.academy.talent.Postings.Revision;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Seniority;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job postings, their skills and listed items (locations, languages, courses, questions) and
 * their revisions, in the database (ADR 0019). Every write of a posting bumps its revision and
 * stores a snapshot of the draft beside it. A list of postings reads their skills and items in
 * two more queries, whatever its length. {@code Postings} checks who may do what, and validates
 * drafts, before it calls here.
 */
@Component
public class PostingStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "SELECT p.*, o.name AS organisation_name FROM job_posting p JOIN organisation o ON o.id = p.organisation_id";
    private static final String SEARCHABLE = " p.status = 'PUBLISHED' AND p.closes_on >= ?";

    private final JdbcTemplate jdbc;

    PostingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a draft posting as revision 1. */
    public void insert(UUID id, PostingDraft draft, AccountId by, Instant now) {
        jdbc.update("INSERT INTO job_posting (id, organisation_id, kind, title, description, occupation_uri, seniority, remote_policy,"
                        + " work_country, visa_support, salary_min, salary_max, salary_currency, salary_period, closes_on, openings,"
                        + " training_plan, status, revision, created_by, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 1, ?, ?, ?)",
                id.toString(), draft.organisation().value().toString(), draft.kind().name(), draft.title().strip(), draft.description(),
                draft.occupationUri(), draft.seniority().name(), draft.remote().name(), draft.workCountry(), draft.visaSupport(),
                draft.salaryMin(), draft.salaryMax(), draft.salaryCurrency(), draft.salaryPeriod(), draft.closesOn(), draft.openings(),
                draft.trainingPlan(), by.value().toString(), Timestamp.from(now), Timestamp.from(now));
        writeLists(id, draft);
        recordRevision(id, 1, PostingStatus.DRAFT, draft, by, now);
    }

    /** Replaces a posting's texts and lists as the given revision. */
    public void update(UUID id, PostingDraft draft, int revision, PostingStatus status, AccountId by, Instant now) {
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
        recordRevision(id, revision, status, draft, by, now);
    }

    /** Moves a posting to its next status as a new revision, stamping when it was published or closed. */
    public void transition(Posting current, PostingStatus next, AccountId by, Instant now) {
        String stamp = next == PostingStatus.PUBLISHED ? "published_at" : "closed_at";
        int revision = current.revision() + 1;
        jdbc.update("UPDATE job_posting SET status = ?, revision = ?, updated_at = ?, " + stamp + " = ? WHERE id = ?", next.name(), revision,
                Timestamp.from(now), Timestamp.from(now), current.id().toString());
        recordRevision(current.id(), revision, next, current.draft(), by, now);
    }

    public Optional<Posting> load(UUID id) {
        return withLists(jdbc.query(SELECT + " WHERE p.id = ?", PostingStore::row, id.toString())).stream().findFirst();
    }

    /** A posting, its row locked for this transaction. */
    public Optional<Posting> locked(UUID id) {
        jdbc.queryForList("SELECT id FROM job_posting WHERE id = ? FOR UPDATE", String.class, id.toString());
        return load(id);
    }

    /** An organisation's published postings still taking applications, soonest closing first. */
    public List<Posting> openOf(OrganisationId organisation, LocalDate today) {
        return withLists(jdbc.query(SELECT + " WHERE p.organisation_id = ? AND" + SEARCHABLE + " ORDER BY p.closes_on", PostingStore::row,
                organisation.value().toString(), today));
    }

    /** Every posting of these organisations, last changed first. */
    public List<Posting> ofOrganisations(List<OrganisationId> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return withLists(jdbc.query(SELECT + " WHERE p.organisation_id IN (" + Jdbc.placeholders(organisations.size()) + ")"
                + " ORDER BY p.updated_at DESC", PostingStore::row, organisations.stream().map(o -> o.value().toString()).toArray()));
    }

    /** A posting published and taking applications on that day, or empty. */
    public Optional<Posting> searchable(UUID id, LocalDate today) {
        return withLists(jdbc.query(SELECT + " WHERE p.id = ? AND" + SEARCHABLE, PostingStore::row, id.toString(), today)).stream().findFirst();
    }

    /** The next {@code limit} searchable postings by id after {@code after} (null: from the first). */
    public List<Posting> searchableAfter(LocalDate today, UUID after, int limit) {
        return withLists(jdbc.query(SELECT + " WHERE" + SEARCHABLE + " AND p.id > ? ORDER BY p.id LIMIT ?", PostingStore::row, today,
                after == null ? "" : after.toString(), limit));
    }

    public long countSearchable(LocalDate today) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM job_posting p WHERE" + SEARCHABLE, Long.class, today);
        return count == null ? 0 : count;
    }

    /** A posting's revisions, newest first; the editors' names are left empty. */
    public List<Revision> revisions(UUID id) {
        return jdbc.query("SELECT revision, status, edited_by, edited_at, snapshot FROM job_posting_revision WHERE posting_id = ?"
                + " ORDER BY revision DESC", (rs, n) -> new Revision(rs.getInt("revision"), PostingStatus.valueOf(rs.getString("status")),
                new AccountId(UUID.fromString(rs.getString("edited_by"))), "", Jdbc.instant(rs, "edited_at"),
                JSON.readTree(rs.getString("snapshot")).path("title").asString("")), id.toString());
    }

    private void recordRevision(UUID id, int revision, PostingStatus status, PostingDraft draft, AccountId by, Instant at) {
        jdbc.update("INSERT INTO job_posting_revision (posting_id, revision, status, edited_by, edited_at, snapshot) VALUES (?, ?, ?, ?, ?, ?)",
                id.toString(), revision, status.name(), by.value().toString(), Timestamp.from(at), JSON.writeValueAsString(draft));
    }

    private void writeLists(UUID id, PostingDraft draft) {
        List<Object[]> skills = new ArrayList<>();
        draft.requiredSkills().forEach(skill -> skills.add(new Object[] {id.toString(), skill, true}));
        draft.optionalSkills().forEach(skill -> skills.add(new Object[] {id.toString(), skill, false}));
        jdbc.batchUpdate("INSERT INTO job_posting_skill (posting_id, skill_uri, required) VALUES (?, ?, ?)", skills);
        List<Object[]> items = new ArrayList<>();
        Map.of("LOCATION", draft.locations(), "LANGUAGE", draft.languages(), "COURSE", draft.courses(), "QUESTION", draft.questions())
                .forEach((kind, values) -> {
                    for (int i = 0; i < values.size(); i++) {
                        items.add(new Object[] {id.toString(), kind, i, values.get(i).strip()});
                    }
                });
        jdbc.batchUpdate("INSERT INTO job_posting_item (posting_id, item_kind, position, item_value) VALUES (?, ?, ?, ?)", items);
    }

    /** The postings with their skills and items, read in two queries for the whole list. */
    private List<Posting> withLists(List<Posting> postings) {
        if (postings.isEmpty()) {
            return postings;
        }
        Object[] ids = postings.stream().map(p -> p.id().toString()).toArray();
        String in = Jdbc.placeholders(ids.length);
        Map<String, List<String>> required = new HashMap<>();
        Map<String, List<String>> optional = new HashMap<>();
        jdbc.query("SELECT posting_id, skill_uri, required FROM job_posting_skill WHERE posting_id IN (" + in + ") ORDER BY skill_uri", rs -> {
            (rs.getBoolean("required") ? required : optional).computeIfAbsent(rs.getString("posting_id"), k -> new ArrayList<>())
                    .add(rs.getString("skill_uri"));
        }, ids);
        Map<String, Map<String, List<String>>> items = new HashMap<>();
        jdbc.query("SELECT posting_id, item_kind, item_value FROM job_posting_item WHERE posting_id IN (" + in + ")"
                + " ORDER BY item_kind, position", rs -> {
            items.computeIfAbsent(rs.getString("posting_id"), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString("item_kind"), k -> new ArrayList<>()).add(rs.getString("item_value"));
        }, ids);
        return postings.stream().map(p -> {
            String id = p.id().toString();
            Map<String, List<String>> own = items.getOrDefault(id, Map.of());
            PostingDraft d = p.draft();
            return new Posting(p.id(), p.organisationName(), new PostingDraft(d.organisation(), d.kind(), d.title(), d.description(),
                    d.occupationUri(), d.seniority(), own.getOrDefault("LOCATION", List.of()), d.remote(), d.workCountry(), d.visaSupport(),
                    d.salaryMin(), d.salaryMax(), d.salaryCurrency(), d.salaryPeriod(), own.getOrDefault("LANGUAGE", List.of()),
                    d.closesOn(), d.openings(), required.getOrDefault(id, List.of()), optional.getOrDefault(id, List.of()), d.trainingPlan(),
                    own.getOrDefault("COURSE", List.of()), own.getOrDefault("QUESTION", List.of())),
                    p.status(), p.revision(), p.createdAt(), p.updatedAt(), p.publishedAt(), p.closedAt());
        }).toList();
    }

    /** A posting without its lists. */
    private static Posting row(ResultSet rs, int n) throws SQLException {
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
