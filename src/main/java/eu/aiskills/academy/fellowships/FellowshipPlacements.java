package eu.aiskills.academy.fellowships;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Placing funded fellows at host offers: a stable matching (applicant-proposing) of the funded
 * applicants' ranked choices against the offers' places and the hosts' preferences (their own
 * order where they gave one, the panel's ranking otherwise), explained to each applicant; each
 * placement is offered with a deadline to accept; a decline or a missed deadline frees the place
 * and the next applicant in the ranking (a reserve, once the funded ones are placed) is offered it.
 */
@Service
public class FellowshipPlacements {

    public static final Duration DEFAULT_RESPONSE_TIME = Duration.ofDays(14);

    /**
     * A placement as the applicant and administrators see it.
     *
     * @param choice     which of the applicant's choices it is (1 = first)
     * @param fullBefore for each better choice, how many places its host filled with applicants it ranked higher
     */
    public record Placement(UUID id, FellowshipCallId callId, FellowshipApplicationId application, UUID offer, String offerTopic, String host, int round, Status status,
                            int choice, Map<String, Integer> fullBefore, Instant offeredAt, Instant respondBy, Instant respondedAt) {
    }

    public enum Status {
        OFFERED, ACCEPTED, DECLINED, EXPIRED;

        public String messageKey() {
            return "fellowship.placement." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcTemplate jdbc;
    private final FellowshipCalls calls;
    private final FellowshipReviews reviews;
    private final FellowshipApplications applications;
    private final Clock clock;
    private final ObjectProvider<FellowshipPlacements> proxy;
    private final Catalogue catalogue;
    private final AccountManagement accounts;
    private final org.springframework.context.ApplicationEventPublisher events;

    FellowshipPlacements(JdbcTemplate jdbc, FellowshipCalls calls, FellowshipReviews reviews, FellowshipApplications applications,
                         Clock clock, ObjectProvider<FellowshipPlacements> proxy,
                         Catalogue catalogue, AccountManagement accounts, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.proxy = proxy;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.calls = calls;
        this.reviews = reviews;
        this.applications = applications;
        this.clock = clock;
    }

    /** An applicant who chose a host's offer, as the host orders them. */
    public record Candidate(FellowshipApplicationId application, String name, int choice, String proposal) {
    }

    /**
     * The submitted applicants who chose an offer, in the host's order where it gave one, the rest
     * in the order they applied: for the host's members once the call has closed.
     */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Candidate> applicantsFor(UUID offerId) {
        HostOffer offer = calls.offer(offerId);
        if (!calls.mayHost(offer.organisation())) {
            throw new org.springframework.security.access.AccessDeniedException("Not a member of the offer's host");
        }
        if (clock.instant().isBefore(calls.get(offer.callId()).closesAt())) {
            throw new UserFacingException("fellowship.host.still-open");
        }
        Map<String, Integer> own = new HashMap<>();
        jdbc.query("SELECT application_id, rank_position FROM host_preference WHERE offer_id = ?",
                rs -> {
                    own.put(rs.getString(1), rs.getInt(2));
                }, offerId.toString());
        List<FellowshipApplication> chose = applications.submittedTo(offer.callId()).stream()
                .filter(a -> a.choices().contains(offerId)).toList();
        return chose.stream().sorted(java.util.Comparator.comparingInt((FellowshipApplication a) -> own.getOrDefault(a.id().toString(),
                        Integer.MAX_VALUE)))
                .map(a -> new Candidate(a.id(), a.applicantName(), a.choices().indexOf(offerId) + 1, a.proposal())).toList();
    }

    /** Hosts order the applicants who chose their offer (optional; the panel's ranking decides otherwise). */
    @SignedIn
    @Transactional
    public void rankApplicants(UUID offerId, List<FellowshipApplicationId> applicationsInOrder) {
        HostOffer offer = calls.offer(offerId);
        if (!calls.mayHost(offer.organisation())) {
            throw new org.springframework.security.access.AccessDeniedException("Not a member of the offer's host");
        }
        List<FellowshipApplicationId> eligible = applicantsFor(offerId).stream().map(Candidate::application).toList();
        if (!eligible.containsAll(applicationsInOrder) || new java.util.HashSet<>(applicationsInOrder).size() != applicationsInOrder.size()) {
            throw new UserFacingException("fellowship.host.order-invalid");
        }
        jdbc.update("DELETE FROM host_preference WHERE offer_id = ?", offerId.toString());
        for (int i = 0; i < applicationsInOrder.size(); i++) {
            jdbc.update("INSERT INTO host_preference (offer_id, application_id, rank_position) VALUES (?, ?, ?)", offerId.toString(),
                    applicationsInOrder.get(i).toString(), i + 1);
        }
    }

    /** Runs the matching for the funded applicants of a call whose reviews are complete; placements are offered with a deadline. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public List<Placement> match(FellowshipCallId callId, Duration respondWithin) {
        FellowshipCall call = calls.locked(callId);
        List<FellowshipReviews.Ranked> ranking = reviews.rank(call);
        if (ranking.stream().anyMatch(r -> r.standing() == FellowshipReviews.Standing.PENDING)) {
            throw new UserFacingException("fellowship.review.pending");
        }
        if (count("SELECT COUNT(*) FROM fellowship_placement WHERE call_id = ?", callId.toString()) > 0) {
            throw new UserFacingException("fellowship.placement.already-matched");
        }
        List<FellowshipReviews.Ranked> funded = ranking.stream().filter(r -> r.standing() == FellowshipReviews.Standing.FUNDED).toList();
        place(call, funded, ranking, respondWithin, 1);
        return placements(callId);
    }

    /** The signed-in applicant's live or latest placement in a call. */
    @SignedIn
    @Transactional(readOnly = true)
    public Optional<Placement> mine(FellowshipCallId callId) {
        return applications.mine(callId).flatMap(a -> jdbc.query(SELECT + " WHERE p.application_id = ? ORDER BY p.offered_at DESC", this::row,
                a.id().toString()).stream().findFirst());
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<Placement> placements(FellowshipCallId callId) {
        return jdbc.query(SELECT + " WHERE p.call_id = ? ORDER BY p.round, p.offered_at", this::row, callId.toString());
    }

    /** The applicant accepts or declines their placement before its deadline; a decline frees the place for the next in the ranking. */
    @SignedIn
    @Transactional
    public Placement respond(UUID placementId, boolean accept) {
        jdbc.queryForList("SELECT id FROM fellowship_placement WHERE id = ? FOR UPDATE", String.class, placementId.toString());
        Placement placement = jdbc.query(SELECT + " WHERE p.id = ?", this::row, placementId.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("fellowship.placement.not-found"));
        FellowshipApplication application = applications.mine(placement.callId())
                .filter(a -> a.id().equals(placement.application()))
                .orElseThrow(() -> new NotFoundException("fellowship.placement.not-found"));
        Instant now = clock.instant();
        if (placement.status() != Status.OFFERED) {
            throw new UserFacingException("fellowship.placement.answered");
        }
        if (!now.isBefore(placement.respondBy())) {
            throw new UserFacingException("fellowship.placement.too-late");
        }
        jdbc.update("UPDATE fellowship_placement SET status = ?, responded_at = ?, live = ? WHERE id = ?", accept ? "ACCEPTED" : "DECLINED",
                Timestamp.from(now), accept ? Boolean.TRUE : null, placementId.toString());
        if (!accept) {
            fill(calls.locked(application.callId()));
        }
        return jdbc.query(SELECT + " WHERE p.id = ?", this::row, placementId.toString()).getFirst();
    }

    /**
     * A fellow in post teaches in the Academy: an administrator makes the fellow of an accepted
     * placement a co-instructor of a published course (they get the instructor role for it).
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void assignTeaching(UUID placementId, String courseSlug) {
        Placement placement = jdbc.query(SELECT + " WHERE p.id = ?", this::row, placementId.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("fellowship.placement.not-found"));
        if (placement.status() != Status.ACCEPTED) {
            throw new UserFacingException("fellowship.teaching.not-accepted");
        }
        var course = catalogue.publishedCourse(courseSlug).orElseThrow(() -> UserFacingException.onField("course", "fellowship.teaching.no-course"));
        AccountId fellow = new AccountId(UUID.fromString(jdbc.queryForObject(
                "SELECT applicant_id FROM fellowship_application WHERE id = ?", String.class, placement.application().toString())));
        catalogue.addCoInstructor(course.summary().id(), fellow);
        var roles = new java.util.HashSet<>(accounts.get(fellow).roles());
        if (roles.add(Role.INSTRUCTOR)) {
            accounts.changeRoles(fellow, roles);
        }
        if (count("SELECT COUNT(*) FROM fellow_teaching WHERE placement_id = ? AND course_id = ?", placementId.toString(),
                course.summary().id().value().toString()) == 0) {
            jdbc.update("INSERT INTO fellow_teaching (placement_id, course_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)",
                    placementId.toString(), course.summary().id().value().toString(),
                    CurrentUser.requireId().value().toString(), Timestamp.from(clock.instant()));
        }
    }

    /** A fellow in post: where, and the courses they teach. */
    public record Fellowship(String callTitle, String offerTopic, String host, List<CourseSummary> teaching) {
    }

    /** The signed-in person's accepted fellowships, for their profile. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Fellowship> myFellowships() {
        var me = CurrentUser.requireId();
        return jdbc.query("SELECT p.id, c.title, h.topic, o.name FROM fellowship_placement p JOIN fellowship_application a ON a.id = p.application_id"
                        + " JOIN fellowship_call c ON c.id = p.call_id JOIN host_offer h ON h.id = p.offer_id JOIN organisation o ON o.id = h.organisation_id"
                        + " WHERE a.applicant_id = ? AND p.status = 'ACCEPTED'",
                (rs, n) -> {
                    List<UUID> courses = jdbc.queryForList("SELECT course_id FROM fellow_teaching WHERE placement_id = ?", String.class,
                            rs.getString(1)).stream().map(UUID::fromString).toList();
                    return new Fellowship(rs.getString(2), rs.getString(3), rs.getString(4), catalogue.publishedCourses(
                            courses.stream().map(CourseId::new).toList()).values().stream().toList());
                }, me.value().toString());
    }

    /** Placements not answered by their deadline expire and their places go to the next applicants (every call). */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public int expireOverdue() {
        List<String> due = jdbc.queryForList("SELECT DISTINCT call_id FROM fellowship_placement WHERE status = 'OFFERED' AND respond_by <= ?",
                String.class, Timestamp.from(clock.instant()));
        return due.stream().mapToInt(call -> self().expire(FellowshipCallId.of(call))).sum();
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public int expire(FellowshipCallId callId) {
        FellowshipCall call = this.calls.locked(callId);
        int expired = jdbc.update("UPDATE fellowship_placement SET status = 'EXPIRED', live = NULL WHERE call_id = ? AND status = 'OFFERED'"
                + " AND respond_by <= ?", callId.toString(), Timestamp.from(clock.instant()));
        if (expired > 0) {
            fill(call);
        }
        return expired;
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** This service through its proxy, so that each call's expiry runs in its own transaction. */
    private FellowshipPlacements self() {
        return proxy.getObject();
    }

    /**
     * Offers freed places to the next applicants in ranking order who have no live placement and
     * did not turn one down, while fewer placements are live than the call funds.
     */
    private void fill(FellowshipCall call) {
        List<FellowshipReviews.Ranked> ranking = reviews.rank(call);
        int live = count("SELECT COUNT(*) FROM fellowship_placement WHERE call_id = ? AND live = TRUE", call.id().toString());
        int room = call.fundedPlaces() - live;
        if (room <= 0) {
            return;
        }
        List<String> done = jdbc.queryForList("SELECT application_id FROM fellowship_placement WHERE call_id = ?", String.class,
                call.id().toString());
        List<FellowshipReviews.Ranked> waiting = ranking.stream().filter(r -> r.standing() != FellowshipReviews.Standing.PENDING)
                .filter(r -> !done.contains(r.application().toString())).toList();
        int round = 1 + count("SELECT COALESCE(MAX(round), 0) FROM fellowship_placement WHERE call_id = ?", call.id().toString());
        place(call, waiting.subList(0, Math.min(room, waiting.size())), ranking, DEFAULT_RESPONSE_TIME, round);
    }

    private void place(FellowshipCall call, List<FellowshipReviews.Ranked> who, List<FellowshipReviews.Ranked> ranking, Duration respondWithin,
                       int round) {
        Map<FellowshipApplicationId, FellowshipApplication> byId = new HashMap<>();
        Map<String, List<String>> preferences = new LinkedHashMap<>();
        // The call's submitted applications read once, not once per ranked applicant.
        Map<FellowshipApplicationId, FellowshipApplication> submitted = new HashMap<>();
        applications.submittedTo(call.id()).forEach(a -> submitted.put(a.id(), a));
        for (FellowshipReviews.Ranked r : who) {
            FellowshipApplication application = submitted.get(r.application());
            if (application != null) {
                byId.put(application.id(), application);
                preferences.put(application.id().toString(), application.choices().stream().map(UUID::toString).toList());
            }
        }
        Map<String, Integer> panelRank = new HashMap<>();
        ranking.forEach(r -> panelRank.put(r.application().toString(), r.rank()));
        Map<String, Integer> capacities = new HashMap<>();
        Map<String, Map<String, Integer>> hostRanks = new HashMap<>();
        for (HostOffer offer : calls.offers(call.id())) {
            int live = count("SELECT COUNT(*) FROM fellowship_placement WHERE offer_id = ? AND live = TRUE", offer.id().toString());
            capacities.put(offer.id().toString(), Math.max(0, offer.places() - live));
            Map<String, Integer> own = new HashMap<>();
            jdbc.query("SELECT application_id, rank_position FROM host_preference WHERE offer_id = ?",
                    rs -> {
                        own.put(rs.getString(1), rs.getInt(2));
                    }, offer.id().toString());
            Map<String, Integer> ranks = new HashMap<>();
            // The host's own order first; applicants it did not order follow in the panel's order.
            preferences.keySet().forEach(a -> ranks.put(a, own.containsKey(a) ? own.get(a) : 10_000 + panelRank.getOrDefault(a, 5_000)));
            hostRanks.put(offer.id().toString(), ranks);
        }
        Map<String, StableMatching.Outcome<String, String>> outcomes = new StableMatching<>(preferences, capacities, hostRanks).run();
        Instant now = clock.instant();
        outcomes.forEach((application, outcome) -> {
            if (outcome.placed() == null) {
                return;
            }
            Map<String, Integer> fullBefore = new LinkedHashMap<>();
            outcome.heldBy().forEach((offer, holders) -> fullBefore.put(offer, holders.size()));
            jdbc.update("INSERT INTO fellowship_placement (id, call_id, application_id, offer_id, round, status, explanation, offered_at,"
                            + " respond_by, live) VALUES (?, ?, ?, ?, ?, 'OFFERED', ?, ?, ?, TRUE)", UUID.randomUUID().toString(), call.id().toString(),
                    application, outcome.placed(), round, FellowshipCalls.JSON.writeValueAsString(
                            Map.of("choice", outcome.choice(), "fullBefore", fullBefore)),
                    Timestamp.from(now), Timestamp.from(now.plus(respondWithin)));
            FellowshipApplication placedApplication = byId.get(FellowshipApplicationId.of(application));
            events.publishEvent(new PlacementOffered(placedApplication.applicant(), call.slug(), call.title(),
                    calls.offer(UUID.fromString(outcome.placed())).topic()));
        });
    }

    private static final String SELECT = "SELECT p.*, h.topic, o.name AS host FROM fellowship_placement p JOIN host_offer h ON h.id = p.offer_id"
            + " JOIN organisation o ON o.id = h.organisation_id";

    private Placement row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> explanation = FellowshipCalls.JSON.readValue(rs.getString("explanation"), new TypeReference<Map<String, Object>>() { });
        Map<String, Integer> fullBefore = new LinkedHashMap<>();
        if (explanation.get("fullBefore") instanceof Map<?, ?> map) {
            map.forEach((offer, count) -> fullBefore.put(topic(String.valueOf(offer)), ((Number) count).intValue()));
        }
        Timestamp responded = rs.getTimestamp("responded_at");
        return new Placement(UUID.fromString(rs.getString("id")), FellowshipCallId.of(rs.getString("call_id")),
                FellowshipApplicationId.of(rs.getString("application_id")), UUID.fromString(rs.getString("offer_id")), rs.getString("topic"),
                rs.getString("host"), rs.getInt("round"), Status.valueOf(rs.getString("status")),
                ((Number) explanation.getOrDefault("choice", 0)).intValue(), fullBefore, rs.getTimestamp("offered_at").toInstant(),
                rs.getTimestamp("respond_by").toInstant(), responded == null ? null : responded.toInstant());
    }

    private String topic(String offerId) {
        return jdbc.query("SELECT topic FROM host_offer WHERE id = ?", rs -> rs.next() ? rs.getString(1) : offerId, offerId);
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }
}
