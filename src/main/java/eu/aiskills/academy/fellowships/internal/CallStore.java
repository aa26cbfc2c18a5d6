package eu.aiskills.academy.fellowships.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.fellowships.CallDraft;
import eu.aiskills.academy.fellowships.CallStatus;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCallId;
import eu.aiskills.academy.fellowships.HostOffer;
import eu.aiskills.academy.fellowships.OfferDraft;
import eu.aiskills.academy.fellowships.Scheme;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fellowship calls, their criteria and their host offers in the database (ADR 0019). A list of
 * calls reads their criteria in one more query, whatever their number. {@code FellowshipCalls}
 * checks who may do what, and validates drafts, before it calls here.
 */
@Component
public class CallStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OFFERS = "SELECT h.*, o.name AS organisation_name FROM host_offer h JOIN organisation o ON o.id = h.organisation_id";

    private final JdbcTemplate jdbc;

    CallStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a draft call with its criteria; a slug already taken fails on the unique key. */
    public void insert(FellowshipCallId id, CallDraft draft, Instant opens, Instant closes, UUID createdBy, Instant now) {
        jdbc.update("INSERT INTO fellowship_call (id, slug, title, scheme, summary, opens_at, closes_at, time_zone, budget, currency,"
                        + " funded_places, max_choices, score_max, rules, required_documents, status, created_by, created_at, updated_at,"
                        + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, 0)",
                id.toString(), draft.slug(), draft.title().strip(), draft.scheme().name(), draft.summary(), Timestamp.from(opens),
                Timestamp.from(closes), draft.timeZone().getId(), draft.budget(), draft.currency(), draft.fundedPlaces(), draft.maxChoices(),
                draft.scoreMax(), JSON.writeValueAsString(draft.rules()), JSON.writeValueAsString(draft.requiredDocuments()),
                createdBy.toString(), Timestamp.from(now), Timestamp.from(now));
        writeCriteria(id, draft.criteria());
    }

    /** Replaces a call's texts, dates, rules and criteria. */
    public void update(FellowshipCallId id, CallDraft draft, Instant opens, Instant closes, Instant now) {
        jdbc.update("UPDATE fellowship_call SET slug = ?, title = ?, scheme = ?, summary = ?, opens_at = ?, closes_at = ?, time_zone = ?,"
                        + " budget = ?, currency = ?, funded_places = ?, max_choices = ?, score_max = ?, rules = ?, required_documents = ?,"
                        + " updated_at = ?, version = version + 1 WHERE id = ?", draft.slug(), draft.title().strip(), draft.scheme().name(),
                draft.summary(), Timestamp.from(opens), Timestamp.from(closes), draft.timeZone().getId(), draft.budget(), draft.currency(),
                draft.fundedPlaces(), draft.maxChoices(), draft.scoreMax(), JSON.writeValueAsString(draft.rules()),
                JSON.writeValueAsString(draft.requiredDocuments()), Timestamp.from(now), id.toString());
        jdbc.update("DELETE FROM fellowship_criterion WHERE call_id = ?", id.toString());
        writeCriteria(id, draft.criteria());
    }

    public void publish(FellowshipCallId id, Instant now) {
        jdbc.update("UPDATE fellowship_call SET status = 'PUBLISHED', updated_at = ?, version = version + 1 WHERE id = ?",
                Timestamp.from(now), id.toString());
    }

    /** Locks the call's row for this transaction, and reads it. */
    public Optional<FellowshipCall> locked(FellowshipCallId id) {
        jdbc.queryForList("SELECT id FROM fellowship_call WHERE id = ? FOR UPDATE", String.class, id.toString());
        return load(id);
    }

    public Optional<FellowshipCall> load(FellowshipCallId id) {
        return withCriteria(jdbc.query("SELECT * FROM fellowship_call WHERE id = ?", CallStore::row, id.toString())).stream().findFirst();
    }

    public Optional<FellowshipCall> bySlug(String slug) {
        return withCriteria(jdbc.query("SELECT * FROM fellowship_call WHERE slug = ?", CallStore::row, slug)).stream().findFirst();
    }

    /** Published calls that have not closed at {@code now}, soonest deadline first. */
    public List<FellowshipCall> open(Instant now) {
        return withCriteria(jdbc.query("SELECT * FROM fellowship_call WHERE status = 'PUBLISHED' AND closes_at > ? ORDER BY closes_at",
                CallStore::row, Timestamp.from(now)));
    }

    public List<FellowshipCall> all() {
        return withCriteria(jdbc.query("SELECT * FROM fellowship_call ORDER BY created_at DESC", CallStore::row));
    }

    public UUID insertOffer(FellowshipCallId call, OfferDraft draft, UUID createdBy, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO host_offer (id, call_id, organisation_id, topic, description, supervisor, skills, places, city, country,"
                        + " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", id.toString(), call.toString(),
                draft.organisation().value().toString(), draft.topic().strip(), draft.description().strip(), draft.supervisor().strip(),
                JSON.writeValueAsString(draft.skills()), draft.places(), draft.city().strip(), draft.country(), createdBy.toString(),
                Timestamp.from(now));
        return id;
    }

    public void withdrawOffer(UUID offer) {
        jdbc.update("UPDATE host_offer SET status = 'WITHDRAWN' WHERE id = ?", offer.toString());
    }

    /** A call's open offers, by host and topic. */
    public List<HostOffer> openOffers(FellowshipCallId call) {
        return jdbc.query(OFFERS + " WHERE h.call_id = ? AND h.status = 'OPEN' ORDER BY o.name, h.topic", CallStore::offerRow, call.toString());
    }

    public Optional<HostOffer> offer(UUID offer) {
        return jdbc.query(OFFERS + " WHERE h.id = ?", CallStore::offerRow, offer.toString()).stream().findFirst();
    }

    private void writeCriteria(FellowshipCallId id, List<Criterion> criteria) {
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            jdbc.update("INSERT INTO fellowship_criterion (call_id, position, name, description, weight) VALUES (?, ?, ?, ?, ?)",
                    id.toString(), i, c.name().strip(), c.description().strip(), c.weight());
        }
    }

    /** The calls with their criteria: one query for all of them. */
    private List<FellowshipCall> withCriteria(List<FellowshipCall> calls) {
        if (calls.isEmpty()) {
            return calls;
        }
        Map<String, List<Criterion>> criteria = new HashMap<>();
        jdbc.query("SELECT call_id, name, description, weight FROM fellowship_criterion WHERE call_id IN ("
                        + Jdbc.placeholders(calls.size()) + ") ORDER BY call_id, position",
                rs -> {
                    criteria.computeIfAbsent(rs.getString("call_id"), k -> new ArrayList<>())
                            .add(new Criterion(rs.getString("name"), rs.getString("description"), rs.getBigDecimal("weight")));
                }, calls.stream().map(c -> c.id().toString()).toArray());
        return calls.stream().map(c -> new FellowshipCall(c.id(), c.slug(), c.title(), c.scheme(), c.summary(), c.opensAt(), c.closesAt(),
                c.timeZone(), c.budget(), c.currency(), c.fundedPlaces(), c.maxChoices(), c.scoreMax(), c.rules(), c.requiredDocuments(),
                criteria.getOrDefault(c.id().toString(), List.of()), c.status(), c.rankingReleasedAt())).toList();
    }

    private static FellowshipCall row(ResultSet rs, int n) throws SQLException {
        return new FellowshipCall(FellowshipCallId.of(rs.getString("id")), rs.getString("slug"), rs.getString("title"),
                Scheme.valueOf(rs.getString("scheme")), rs.getString("summary"), Jdbc.instant(rs, "opens_at"),
                Jdbc.instant(rs, "closes_at"), ZoneId.of(rs.getString("time_zone")), rs.getBigDecimal("budget"),
                rs.getString("currency"), rs.getInt("funded_places"), rs.getInt("max_choices"), rs.getInt("score_max"),
                JSON.readValue(rs.getString("rules"), EligibilityRules.class),
                JSON.readValue(rs.getString("required_documents"), new TypeReference<List<String>>() { }), new ArrayList<>(),
                CallStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "ranking_released_at"));
    }

    private static HostOffer offerRow(ResultSet rs, int n) throws SQLException {
        return new HostOffer(UUID.fromString(rs.getString("id")), FellowshipCallId.of(rs.getString("call_id")),
                new OrganisationId(UUID.fromString(rs.getString("organisation_id"))), rs.getString("organisation_name"), rs.getString("topic"),
                rs.getString("description"), rs.getString("supervisor"),
                JSON.readValue(rs.getString("skills"), new TypeReference<List<String>>() { }), rs.getInt("places"), rs.getString("city"),
                rs.getString("country"), "OPEN".equals(rs.getString("status")));
    }
}
