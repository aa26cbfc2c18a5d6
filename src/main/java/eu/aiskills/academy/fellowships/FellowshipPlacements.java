package eu.aiskills.academy.fellowships;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.fellowships.internal.FellowshipApplicationStore;
import eu.aiskills.academy.fellowships.internal.PlacementStore;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing funded fellows at host offers: a stable matching (applicant-proposing) of the funded
 * applicants' ranked choices against the offers' places and the hosts' preferences (their own
 * order where they gave one, the panel's ranking otherwise), explained to each applicant; each
 * placement is offered with a deadline to accept; a decline or a missed deadline frees the place
 * and the next applicant in the ranking (a reserve, once the funded ones are placed) is offered it.
 * <p>Long because offering, answering, expiring and refilling places are one cycle around the
 * stable matching, whose guarantee (a place is never offered twice) is read across all of them.
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

    private final PlacementStore store;
    private final FellowshipApplicationStore applicationStore;
    private final FellowshipCalls calls;
    private final FellowshipReviews reviews;
    private final FellowshipApplications applications;
    private final Clock clock;
    private final ObjectProvider<FellowshipPlacements> proxy;
    private final Catalogue catalogue;
    private final AccountManagement accounts;
    private final org.springframework.context.ApplicationEventPublisher events;

    FellowshipPlacements(PlacementStore store, FellowshipApplicationStore applicationStore, FellowshipCalls calls, FellowshipReviews reviews, FellowshipApplications applications,
                         Clock clock, ObjectProvider<FellowshipPlacements> proxy,
                         Catalogue catalogue, AccountManagement accounts, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.proxy = proxy;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.store = store;
        this.applicationStore = applicationStore;
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
        Map<FellowshipApplicationId, Integer> own = store.hostOrders(List.of(offerId)).get(offerId);
        List<FellowshipApplication> chose = applicationStore.submittedTo(offer.callId()).stream()
                .filter(a -> a.choices().contains(offerId)).toList();
        return chose.stream().sorted(Comparator.comparingInt((FellowshipApplication a) -> own.getOrDefault(a.id(), Integer.MAX_VALUE)))
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
        store.replaceHostOrder(offerId, applicationsInOrder);
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
        if (store.anyIn(callId)) {
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
        return applications.mine(callId).flatMap(a -> store.latestOf(a.id()));
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<Placement> placements(FellowshipCallId callId) {
        return store.ofCall(callId);
    }

    /** The applicant accepts or declines their placement before its deadline; a decline frees the place for the next in the ranking. */
    @SignedIn
    @Transactional
    public Placement respond(UUID placementId, boolean accept) {
        Placement placement = store.locked(placementId).orElseThrow(() -> new NotFoundException("fellowship.placement.not-found"));
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
        store.answer(placementId, accept, now);
        if (!accept) {
            fill(calls.locked(application.callId()));
        }
        return store.placement(placementId).orElseThrow();
    }

    /**
     * A fellow in post teaches in the Academy: an administrator makes the fellow of an accepted
     * placement a co-instructor of a published course (they get the instructor role for it).
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void assignTeaching(UUID placementId, String courseSlug) {
        Placement placement = store.placement(placementId).orElseThrow(() -> new NotFoundException("fellowship.placement.not-found"));
        if (placement.status() != Status.ACCEPTED) {
            throw new UserFacingException("fellowship.teaching.not-accepted");
        }
        var course = catalogue.publishedCourse(courseSlug).orElseThrow(() -> UserFacingException.onField("course", "fellowship.teaching.no-course"));
        AccountId fellow = applicationStore.applicantOf(placement.application()).orElseThrow();
        catalogue.addCoInstructor(course.summary().id(), fellow);
        var roles = new java.util.HashSet<>(accounts.get(fellow).roles());
        if (roles.add(Role.INSTRUCTOR)) {
            accounts.changeRoles(fellow, roles);
        }
        store.teaches(placementId, course.summary().id().value(), CurrentUser.requireId(), clock.instant());
    }

    /** A fellow in post: where, and the courses they teach. */
    public record Fellowship(String callTitle, String offerTopic, String host, List<CourseSummary> teaching) {
    }

    /** The signed-in person's accepted fellowships, for their profile. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Fellowship> myFellowships() {
        List<PlacementStore.Accepted> accepted = store.acceptedOf(CurrentUser.requireId());
        Map<CourseId, CourseSummary> courses = catalogue.publishedCourses(accepted.stream().flatMap(a -> a.courses().stream())
                .map(CourseId::new).distinct().toList());
        return accepted.stream().map(a -> new Fellowship(a.callTitle(), a.offerTopic(), a.host(), a.courses().stream()
                .map(id -> courses.get(new CourseId(id))).filter(Objects::nonNull).toList())).toList();
    }

    /** Placements not answered by their deadline expire and their places go to the next applicants (every call). */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public int expireOverdue() {
        return store.callsWithOverdue(clock.instant()).stream().mapToInt(call -> self().expire(call)).sum();
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public int expire(FellowshipCallId callId) {
        FellowshipCall call = this.calls.locked(callId);
        int expired = store.expireOverdue(callId, clock.instant());
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
        int room = call.fundedPlaces() - store.liveIn(call.id());
        if (room <= 0) {
            return;
        }
        Set<FellowshipApplicationId> done = store.offeredIn(call.id());
        List<FellowshipReviews.Ranked> waiting = ranking.stream().filter(r -> r.standing() != FellowshipReviews.Standing.PENDING)
                .filter(r -> !done.contains(r.application())).toList();
        int round = 1 + store.lastRound(call.id());
        place(call, waiting.subList(0, Math.min(room, waiting.size())), ranking, DEFAULT_RESPONSE_TIME, round);
    }

    private void place(FellowshipCall call, List<FellowshipReviews.Ranked> who, List<FellowshipReviews.Ranked> ranking, Duration respondWithin,
                       int round) {
        Map<FellowshipApplicationId, FellowshipApplication> byId = new HashMap<>();
        Map<String, List<String>> preferences = new LinkedHashMap<>();
        // The call's submitted applications read once, not once per ranked applicant.
        Map<FellowshipApplicationId, FellowshipApplication> submitted = new HashMap<>();
        applicationStore.submittedTo(call.id()).forEach(a -> submitted.put(a.id(), a));
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
        List<HostOffer> offers = calls.offers(call.id());
        Map<UUID, Integer> live = store.livePerOffer(call.id());
        Map<UUID, Map<FellowshipApplicationId, Integer>> orders = store.hostOrders(offers.stream().map(HostOffer::id).toList());
        for (HostOffer offer : offers) {
            capacities.put(offer.id().toString(), Math.max(0, offer.places() - live.getOrDefault(offer.id(), 0)));
            Map<FellowshipApplicationId, Integer> own = orders.get(offer.id());
            Map<String, Integer> ranks = new HashMap<>();
            // The host's own order first; applicants it did not order follow in the panel's order.
            preferences.keySet().forEach(a -> ranks.put(a, own.getOrDefault(FellowshipApplicationId.of(a),
                    10_000 + panelRank.getOrDefault(a, 5_000))));
            hostRanks.put(offer.id().toString(), ranks);
        }
        Map<String, StableMatching.Outcome<String, String>> outcomes = new StableMatching<>(preferences, capacities, hostRanks).run();
        Instant now = clock.instant();
        outcomes.forEach((application, outcome) -> {
            if (outcome.placed() == null) {
                return;
            }
            Map<UUID, Integer> fullBefore = new LinkedHashMap<>();
            outcome.heldBy().forEach((offer, holders) -> fullBefore.put(UUID.fromString(offer), holders.size()));
            store.offer(call.id(), FellowshipApplicationId.of(application), UUID.fromString(outcome.placed()), round, outcome.choice(),
                    fullBefore, now, now.plus(respondWithin));
            FellowshipApplication placedApplication = byId.get(FellowshipApplicationId.of(application));
            events.publishEvent(new PlacementOffered(placedApplication.applicant(), call.slug(), call.title(),
                    offers.stream().filter(o -> o.id().toString().equals(outcome.placed())).findFirst().map(HostOffer::topic).orElse("")));
        });
    }
}
