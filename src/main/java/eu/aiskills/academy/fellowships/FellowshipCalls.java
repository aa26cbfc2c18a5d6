package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fellowship calls and their host offers. Administrators write and publish calls; members of a
 * host institution, university or company add placement offers to a call until it closes;
 * anyone reads a published call.
 */
@Service
public class FellowshipCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<OrganisationKind> HOSTS = Set.of(OrganisationKind.HOST_INSTITUTION, OrganisationKind.UNIVERSITY,
            OrganisationKind.EMPLOYER);

    private final JdbcTemplate jdbc;
    private final OrganisationManagement organisations;
    private final Catalogue catalogue;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    FellowshipCalls(JdbcTemplate jdbc, OrganisationManagement organisations, Catalogue catalogue, Clock clock,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public FellowshipCall create(CallDraft draft) {
        validate(draft);
        FellowshipCallId id = FellowshipCallId.random();
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO fellowship_call (id, slug, title, scheme, summary, opens_at, closes_at, time_zone, budget, currency,"
                            + " funded_places, max_choices, score_max, rules, required_documents, status, created_by, created_at, updated_at,"
                            + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, 0)",
                    id.toString(), draft.slug(), draft.title().strip(), draft.scheme().name(), draft.summary(), opens(draft), closes(draft),
                    draft.timeZone().getId(), draft.budget(), draft.currency(), draft.fundedPlaces(), draft.maxChoices(), draft.scoreMax(),
                    JSON.writeValueAsString(draft.rules()), JSON.writeValueAsString(draft.requiredDocuments()),
                    CurrentUser.id().map(a -> a.value().toString()).orElse(new UUID(0, 0).toString()), Timestamp.from(now),
                    Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw UserFacingException.onField("slug", "fellowship.invalid.slug-taken", draft.slug());
        }
        writeCriteria(id, draft.criteria());
        return load(id);
    }

    /** Changes a call until it opens; after that its rules and dates are what applicants relied on. */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public FellowshipCall update(FellowshipCallId id, CallDraft draft) {
        FellowshipCall current = locked(id);
        if (current.status() == CallStatus.PUBLISHED && !clock.instant().isBefore(current.opensAt())) {
            throw new UserFacingException("fellowship.call-opened");
        }
        validate(draft);
        jdbc.update("UPDATE fellowship_call SET slug = ?, title = ?, scheme = ?, summary = ?, opens_at = ?, closes_at = ?, time_zone = ?,"
                        + " budget = ?, currency = ?, funded_places = ?, max_choices = ?, score_max = ?, rules = ?, required_documents = ?,"
                        + " updated_at = ?, version = version + 1 WHERE id = ?", draft.slug(), draft.title().strip(), draft.scheme().name(),
                draft.summary(), opens(draft), closes(draft), draft.timeZone().getId(), draft.budget(), draft.currency(), draft.fundedPlaces(),
                draft.maxChoices(), draft.scoreMax(), JSON.writeValueAsString(draft.rules()), JSON.writeValueAsString(draft.requiredDocuments()),
                Timestamp.from(clock.instant()), id.toString());
        jdbc.update("DELETE FROM fellowship_criterion WHERE call_id = ?", id.toString());
        writeCriteria(id, draft.criteria());
        if (current.status() == CallStatus.PUBLISHED) {
            events.publishEvent(new CallPublished(id));
        }
        return load(id);
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public FellowshipCall publish(FellowshipCallId id) {
        FellowshipCall current = locked(id);
        if (current.status() != CallStatus.DRAFT) {
            throw new UserFacingException("fellowship.call-published");
        }
        if (!current.closesAt().isAfter(clock.instant())) {
            throw UserFacingException.onField("closes", "fellowship.invalid.closes-past");
        }
        jdbc.update("UPDATE fellowship_call SET status = 'PUBLISHED', updated_at = ?, version = version + 1 WHERE id = ?",
                Timestamp.from(clock.instant()), id.toString());
        events.publishEvent(new CallPublished(id));
        return load(id);
    }

    /** Published calls that have not closed, soonest deadline first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<FellowshipCall> open() {
        return jdbc.query("SELECT * FROM fellowship_call WHERE status = 'PUBLISHED' AND closes_at > ? ORDER BY closes_at", this::row,
                Timestamp.from(clock.instant())).stream().map(this::withCriteria).toList();
    }

    /** Every call, newest first, for administrators (and the search index's rebuild). */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public List<FellowshipCall> all() {
        return jdbc.query("SELECT * FROM fellowship_call ORDER BY created_at DESC", this::row).stream().map(this::withCriteria).toList();
    }

    /** A published call by its address; drafts only for administrators. */
    @PermitAll
    @Transactional(readOnly = true)
    public FellowshipCall bySlug(String slug) {
        FellowshipCall call = jdbc.query("SELECT * FROM fellowship_call WHERE slug = ?", this::row, slug).stream().findFirst()
                .map(this::withCriteria).orElseThrow(() -> new NotFoundException("fellowship.call-not-found"));
        if (call.status() == CallStatus.DRAFT && !CurrentUser.hasRole(Roles.ADMIN)) {
            throw new NotFoundException("fellowship.call-not-found");
        }
        return call;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public FellowshipCall get(FellowshipCallId id) {
        FellowshipCall call = load(id);
        if (call.status() == CallStatus.DRAFT && !CurrentUser.hasRole(Roles.ADMIN) && !CurrentUser.hasRole(Roles.SYSTEM)) {
            throw new NotFoundException("fellowship.call-not-found");
        }
        return call;
    }

    /** A call's open placement offers. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<HostOffer> offers(FellowshipCallId callId) {
        return jdbc.query(OFFERS + " WHERE h.call_id = ? AND h.status = 'OPEN' ORDER BY o.name, h.topic", this::offerRow, callId.toString());
    }

    @PermitAll
    @Transactional(readOnly = true)
    public HostOffer offer(UUID offerId) {
        return jdbc.query(OFFERS + " WHERE h.id = ?", this::offerRow, offerId.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("fellowship.offer-not-found"));
    }

    /** A host entity offers a placement in a call, until the call closes. */
    @SignedIn
    @Transactional
    public HostOffer addOffer(FellowshipCallId callId, OfferDraft draft) {
        FellowshipCall call = get(callId);
        requireHost(draft.organisation());
        if (!clock.instant().isBefore(call.closesAt())) {
            throw new UserFacingException("fellowship.call-closed", FellowshipApplications.at(call, call.closesAt()));
        }
        validate(draft);
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO host_offer (id, call_id, organisation_id, topic, description, supervisor, skills, places, city, country,"
                        + " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", id.toString(), callId.toString(),
                draft.organisation().value().toString(), draft.topic().strip(), draft.description().strip(), draft.supervisor().strip(),
                JSON.writeValueAsString(draft.skills()), draft.places(), draft.city().strip(), draft.country(),
                CurrentUser.id().map(a -> a.value().toString()).orElse(new UUID(0, 0).toString()), Timestamp.from(clock.instant()));
        return offer(id);
    }

    /** Withdraws an offer before the call closes. */
    @SignedIn
    @Transactional
    public void withdrawOffer(UUID offerId) {
        HostOffer offer = offer(offerId);
        requireHost(offer.organisation());
        if (!clock.instant().isBefore(get(offer.callId()).closesAt())) {
            throw new UserFacingException("fellowship.offer-fixed");
        }
        jdbc.update("UPDATE host_offer SET status = 'WITHDRAWN' WHERE id = ?", offerId.toString());
    }

    /** Whether the signed-in person may act for this organisation's offers (a member of it, or an administrator). */
    boolean mayHost(OrganisationId organisation) {
        if (CurrentUser.hasRole(Roles.ADMIN) || CurrentUser.hasRole(Roles.SYSTEM)) {
            return true;
        }
        return organisations.find(organisation).filter(o -> HOSTS.contains(o.kind())).isPresent() && organisations.isMember(organisation);
    }

    private void requireHost(OrganisationId organisation) {
        if (organisation == null || !mayHost(organisation)) {
            throw new AccessDeniedException("Not a member of host " + organisation);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Timestamp opens(CallDraft d) {
        return Timestamp.from(d.opens().atZone(d.timeZone()).toInstant());
    }

    private static Timestamp closes(CallDraft d) {
        return Timestamp.from(d.closes().atZone(d.timeZone()).toInstant());
    }

    private void validate(CallDraft d) {
        if (d.slug() == null || d.slug().length() > 80 || !SLUG.matcher(d.slug()).matches()) {
            throw UserFacingException.onField("slug", "fellowship.invalid.slug");
        }
        if (d.title() == null || d.title().isBlank() || d.title().strip().length() > CallDraft.TITLE_MAX
                || d.title().chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("title", "fellowship.invalid.title", CallDraft.TITLE_MAX);
        }
        if (d.scheme() == null) {
            throw UserFacingException.onField("scheme", "fellowship.invalid.scheme");
        }
        if (d.summary() == null || d.summary().isBlank() || d.summary().length() > CallDraft.SUMMARY_MAX) {
            throw UserFacingException.onField("summary", "fellowship.invalid.summary", CallDraft.SUMMARY_MAX);
        }
        Markdown.toSafeHtml(d.summary());
        if (d.timeZone() == null || d.opens() == null || d.closes() == null || !d.closes().isAfter(d.opens())) {
            throw UserFacingException.onField("closes", "fellowship.invalid.dates");
        }
        if (d.budget() == null || d.budget().signum() <= 0 || d.budget().compareTo(new BigDecimal("1000000000")) > 0
                || d.currency() == null || !validCurrency(d.currency())) {
            throw UserFacingException.onField("budget", "fellowship.invalid.budget");
        }
        if (d.fundedPlaces() < 1 || d.fundedPlaces() > 10_000) {
            throw UserFacingException.onField("fundedPlaces", "fellowship.invalid.places");
        }
        if (d.maxChoices() < 1 || d.maxChoices() > 10) {
            throw UserFacingException.onField("maxChoices", "fellowship.invalid.choices");
        }
        if (d.scoreMax() < 1 || d.scoreMax() > 100) {
            throw UserFacingException.onField("scoreMax", "fellowship.invalid.score-max");
        }
        if (d.criteria().isEmpty() || d.criteria().size() > 10 || d.criteria().stream().anyMatch(c -> c.name() == null || c.name().isBlank()
                || c.name().strip().length() > Criterion.NAME_MAX || c.description() == null || c.description().length() > Criterion.DESCRIPTION_MAX
                || c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(new BigDecimal("100")) > 0)) {
            throw UserFacingException.onField("criteria", "fellowship.invalid.criteria");
        }
        if (d.requiredDocuments().size() > 10 || d.requiredDocuments().stream().anyMatch(n -> n == null || n.isBlank() || n.length() > 100)
                || new HashSet<>(d.requiredDocuments()).size() != d.requiredDocuments().size()) {
            throw UserFacingException.onField("requiredDocuments", "fellowship.invalid.documents");
        }
        EligibilityRules r = d.rules();
        if (invalidPair(r.outsideEuMonths(), r.outsideEuWindow()) || invalidPair(r.mobilityMaxMonths(), r.mobilityWindow())
                || (r.careerStage() != EligibilityRules.CareerStage.ANY && r.careerStage() != EligibilityRules.CareerStage.PHD_ENROLLED
                && (r.phdWithinYears() == null || r.phdWithinYears() < 1 || r.phdWithinYears() > 30))) {
            throw UserFacingException.onField("rules", "fellowship.invalid.rules");
        }
    }

    private static boolean invalidPair(Integer months, Integer window) {
        if (months == null && window == null) {
            return false;
        }
        return months == null || window == null || months < 0 || window < 1 || window > 240 || months > window;
    }

    private void validate(OfferDraft d) {
        if (d.topic() == null || d.topic().isBlank() || d.topic().strip().length() > OfferDraft.TOPIC_MAX
                || d.topic().chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("topic", "fellowship.invalid.topic", OfferDraft.TOPIC_MAX);
        }
        if (d.description() == null || d.description().length() > OfferDraft.TEXT_MAX) {
            throw UserFacingException.onField("description", "fellowship.invalid.text", OfferDraft.TEXT_MAX);
        }
        Markdown.toSafeHtml(d.description());
        if (d.supervisor() == null || d.supervisor().isBlank() || d.supervisor().length() > 200) {
            throw UserFacingException.onField("supervisor", "fellowship.invalid.supervisor");
        }
        Set<String> known = new HashSet<>(catalogue.skills().stream().map(Skill::uri).toList());
        if (d.skills().size() > 20 || !known.containsAll(d.skills())) {
            throw UserFacingException.onField("skills", "candidate.invalid.skills");
        }
        if (d.places() < 1 || d.places() > 100) {
            throw UserFacingException.onField("places", "fellowship.invalid.offer-places");
        }
        if (d.city() == null || d.city().isBlank() || d.city().length() > 120) {
            throw UserFacingException.onField("city", "fellowship.invalid.city");
        }
        if (d.country() == null || !COUNTRIES.contains(d.country())) {
            throw UserFacingException.onField("country", "candidate.invalid.country");
        }
    }

    private static boolean validCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void writeCriteria(FellowshipCallId id, List<Criterion> criteria) {
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            jdbc.update("INSERT INTO fellowship_criterion (call_id, position, name, description, weight) VALUES (?, ?, ?, ?, ?)",
                    id.toString(), i, c.name().strip(), c.description().strip(), c.weight());
        }
    }

    FellowshipCall locked(FellowshipCallId id) {
        jdbc.queryForList("SELECT id FROM fellowship_call WHERE id = ? FOR UPDATE", String.class, id.toString());
        return load(id);
    }

    FellowshipCall load(FellowshipCallId id) {
        return jdbc.query("SELECT * FROM fellowship_call WHERE id = ?", this::row, id.toString()).stream().findFirst()
                .map(this::withCriteria).orElseThrow(() -> new NotFoundException("fellowship.call-not-found"));
    }

    private FellowshipCall withCriteria(FellowshipCall c) {
        List<Criterion> criteria = jdbc.query("SELECT name, description, weight FROM fellowship_criterion WHERE call_id = ? ORDER BY position",
                (rs, n) -> new Criterion(rs.getString("name"), rs.getString("description"), rs.getBigDecimal("weight")), c.id().toString());
        return new FellowshipCall(c.id(), c.slug(), c.title(), c.scheme(), c.summary(), c.opensAt(), c.closesAt(), c.timeZone(), c.budget(),
                c.currency(), c.fundedPlaces(), c.maxChoices(), c.scoreMax(), c.rules(), c.requiredDocuments(), criteria, c.status(),
                c.rankingReleasedAt());
    }

    private FellowshipCall row(ResultSet rs, int n) throws SQLException {
        Timestamp released = rs.getTimestamp("ranking_released_at");
        return new FellowshipCall(FellowshipCallId.of(rs.getString("id")), rs.getString("slug"), rs.getString("title"),
                Scheme.valueOf(rs.getString("scheme")), rs.getString("summary"), rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(), ZoneId.of(rs.getString("time_zone")), rs.getBigDecimal("budget"),
                rs.getString("currency"), rs.getInt("funded_places"), rs.getInt("max_choices"), rs.getInt("score_max"),
                JSON.readValue(rs.getString("rules"), EligibilityRules.class),
                JSON.readValue(rs.getString("required_documents"), new TypeReference<List<String>>() { }), new ArrayList<>(),
                CallStatus.valueOf(rs.getString("status")), released == null ? null : released.toInstant());
    }

    private static final String OFFERS = "SELECT h.*, o.name AS organisation_name FROM host_offer h JOIN organisation o ON o.id = h.organisation_id";

    private HostOffer offerRow(ResultSet rs, int n) throws SQLException {
        return new HostOffer(UUID.fromString(rs.getString("id")), FellowshipCallId.of(rs.getString("call_id")),
                new OrganisationId(UUID.fromString(rs.getString("organisation_id"))), rs.getString("organisation_name"), rs.getString("topic"),
                rs.getString("description"), rs.getString("supervisor"),
                JSON.readValue(rs.getString("skills"), new TypeReference<List<String>>() { }), rs.getInt("places"), rs.getString("city"),
                rs.getString("country"), "OPEN".equals(rs.getString("status")));
    }
}
