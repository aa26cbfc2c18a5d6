package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.fellowships.internal.FellowshipApplicationStore;
import eu.aiskills.academy.fellowships.internal.ReviewStore;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review of a call's submitted applications: administrators build the panel (reviewers, a chair)
 * and assign applications, never to a reviewer with a conflict of interest (a member of an
 * organisation whose offer the applicant chose, or a declared conflict); each reviewer scores
 * each criterion with a comment and submits, and only then sees the others' scores; the chair
 * records the consensus; the ranking follows from the weighted scores ({@link Ranking}). Its SQL is in
 * {@code internal/ReviewStore}; what stays here are the checks of who may do what, and the review's
 * records (a fifth of the file), which views and placements read.
 * <p>Long because the review's records and its checks of who may see what (a reviewer sees others'
 * scores only after submitting) belong to one set of rules.
 */
@Service
public class FellowshipReviews {

    /** Longest reason a reviewer gives for a conflict of interest. */
    public static final int CONFLICT_REASON_MAX = 500;

    /** A reviewer's score for one criterion (by its position in the call). */
    public record CriterionScore(int criterion, BigDecimal score, String comment) {

        public static final int COMMENT_MAX = 4_000;
    }

    /** A panel member. */
    public record PanelMember(AccountId reviewer, String name, boolean chair) {
    }

    /** An application as its reviewer sees it, with their own scores so far. */
    public record ReviewSheet(FellowshipApplication application, FellowshipCall call, List<CriterionScore> mine, Instant submittedAt,
                              List<OtherReview> others) {
    }

    /** Another reviewer's scores, shown once the reader has submitted their own. */
    public record OtherReview(String reviewer, List<CriterionScore> scores, Instant submittedAt) {
    }

    /** An application to review: who, for which call, whether the reviewer submitted. */
    public record Assignment(FellowshipApplicationId application, FellowshipCallId callId, String callTitle, String applicantName, Instant submittedAt) {
    }

    /**
     * One line of the ranking.
     *
     * @param perCriterion the consensus score per criterion, or the mean of the submitted reviews
     * @param weighted     Σ weight × score / Σ weight, on the call's scale
     * @param standing     FUNDED within the funded places, RESERVE after, PENDING while reviews are missing
     */
    public record Ranked(FellowshipApplicationId application, AccountId applicant, String applicantName, int rank, List<BigDecimal> perCriterion,
                         BigDecimal weighted, boolean consensus, Standing standing, Instant submittedAt) {
    }

    public enum Standing {
        FUNDED, RESERVE, PENDING;

        public String messageKey() {
            return "fellowship.standing." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ReviewStore store;
    private final FellowshipCalls calls;
    private final FellowshipApplicationStore applications;
    private final AccountManagement accounts;
    private final OrganisationManagement organisations;
    private final eu.aiskills.academy.documents.Documents documents;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    FellowshipReviews(ReviewStore store, FellowshipCalls calls, FellowshipApplicationStore applications, AccountManagement accounts,
                      OrganisationManagement organisations, eu.aiskills.academy.documents.Documents documents,
                      org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.events = events;
        this.store = store;
        this.calls = calls;
        this.applications = applications;
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    // ---- the panel and assignments (administrators) ----------------------------------------

    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void addToPanel(FellowshipCallId callId, AccountId reviewer, boolean chair) {
        calls.get(callId);
        if (!accounts.get(reviewer).has(Role.REVIEWER)) {
            throw UserFacingException.onField("reviewer", "fellowship.review.not-a-reviewer");
        }
        store.putPanelMember(callId, reviewer, chair, clock.instant());
    }

    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public List<PanelMember> panel(FellowshipCallId callId) {
        List<ReviewStore.PanelRow> rows = store.panel(callId);
        Map<AccountId, String> names = accounts.displayNames(rows.stream().map(ReviewStore.PanelRow::reviewer).toList());
        return rows.stream().map(r -> new PanelMember(r.reviewer(), names.getOrDefault(r.reviewer(), ""), r.chair())).toList();
    }

    /**
     * Gives every submitted application {@code perApplication} reviewers from the panel (chair
     * included), the least loaded first, never a conflicted one. Returns the applications that could
     * not get enough reviewers.
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public List<FellowshipApplicationId> assign(FellowshipCallId callId, int perApplication) {
        if (perApplication < 1 || perApplication > 10) {
            throw UserFacingException.onField("perApplication", "fellowship.review.per-application");
        }
        List<PanelMember> panel = panel(callId);
        Map<AccountId, Integer> load = new HashMap<>(store.load(callId));
        panel.forEach(m -> load.putIfAbsent(m.reviewer(), 0));
        List<FellowshipApplicationId> short_ = new ArrayList<>();
        for (FellowshipApplication application : applications.submittedTo(callId)) {
            Set<AccountId> already = new HashSet<>(store.assigned(application.id()));
            List<AccountId> candidates = panel.stream().map(PanelMember::reviewer).filter(r -> !already.contains(r))
                    .filter(r -> conflict(application, r) == null)
                    .sorted(Comparator.comparingInt((AccountId r) -> load.get(r)).thenComparing(r -> r.value())).toList();
            int missing = perApplication - already.size();
            for (AccountId reviewer : candidates.subList(0, Math.max(0, Math.min(missing, candidates.size())))) {
                store.assign(application.id(), reviewer, clock.instant());
                load.merge(reviewer, 1, Integer::sum);
            }
            if (already.size() + Math.min(Math.max(missing, 0), candidates.size()) < perApplication) {
                short_.add(application.id());
            }
        }
        return short_;
    }

    /** Assigns one reviewer to one application; refused when they have a conflict of interest. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void assignOne(FellowshipApplicationId applicationId, AccountId reviewer) {
        FellowshipApplication application = submittedApplication(applicationId);
        if (panel(application.callId()).stream().noneMatch(m -> m.reviewer().equals(reviewer))) {
            throw UserFacingException.onField("reviewer", "fellowship.review.not-on-panel");
        }
        String conflict = conflict(application, reviewer);
        if (conflict != null) {
            throw UserFacingException.onField("reviewer", "fellowship.review.conflict", conflict);
        }
        if (!store.assigned(applicationId).contains(reviewer)) {
            store.assign(applicationId, reviewer, clock.instant());
        }
    }

    // ---- reviewing (reviewers) -------------------------------------------------------------

    /** The signed-in reviewer's applications to review. */
    @RolesAllowed(Roles.REVIEWER)
    @Transactional(readOnly = true)
    public List<Assignment> myAssignments() {
        return store.assignmentsOf(CurrentUser.requireId());
    }

    /** An application assigned to the signed-in reviewer, with their scores; others' scores only once theirs are submitted. */
    @RolesAllowed(Roles.REVIEWER)
    @Transactional(readOnly = true)
    public ReviewSheet sheet(FellowshipApplicationId applicationId) {
        AccountId me = CurrentUser.requireId();
        Instant submitted = requireAssigned(applicationId, me);
        FellowshipApplication application = submittedApplication(applicationId);
        List<OtherReview> others = submitted == null ? List.of() : others(applicationId, me);
        return new ReviewSheet(application, calls.get(application.callId()), store.scores(applicationId, me), submitted, others);
    }

    /** A document of an application assigned to the signed-in reviewer; the caller closes the stream. */
    @RolesAllowed(Roles.REVIEWER)
    public java.io.InputStream openDocument(FellowshipApplicationId applicationId, eu.aiskills.academy.documents.DocumentId document) {
        requireAssigned(applicationId, CurrentUser.requireId());
        FellowshipApplication application = submittedApplication(applicationId);
        if (application.documents().stream().noneMatch(a -> a.document().equals(document))) {
            throw new NotFoundException("fellowship.application-not-found");
        }
        return SystemActor.call(() -> documents.open(document));
    }

    /** Declares a conflict of interest with an application: the reviewer is taken off it (unless already submitted). */
    @RolesAllowed(Roles.REVIEWER)
    @Transactional
    public void declareConflict(FellowshipApplicationId applicationId, String reason) {
        AccountId me = CurrentUser.requireId();
        Instant submitted = requireAssigned(applicationId, me);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > CONFLICT_REASON_MAX) {
            throw UserFacingException.onField("reason", "fellowship.review.conflict-reason");
        }
        if (submitted != null) {
            throw new UserFacingException("fellowship.review.already-submitted");
        }
        store.declareConflict(applicationId, me, text, clock.instant());
    }

    /** Saves the signed-in reviewer's scores (all criteria or some); refused once submitted. */
    @RolesAllowed(Roles.REVIEWER)
    @Transactional
    public ReviewSheet score(FellowshipApplicationId applicationId, List<CriterionScore> scores) {
        AccountId me = CurrentUser.requireId();
        if (requireAssigned(applicationId, me) != null) {
            throw new UserFacingException("fellowship.review.already-submitted");
        }
        FellowshipCall call = calls.get(submittedApplication(applicationId).callId());
        validate(call, scores);
        scores.forEach(score -> store.putScore(applicationId, me, score));
        return sheet(applicationId);
    }

    /** Submits the reviewer's scores: every criterion scored; then final, and the others' scores become visible to them. */
    @RolesAllowed(Roles.REVIEWER)
    @Transactional
    public ReviewSheet submitReview(FellowshipApplicationId applicationId) {
        AccountId me = CurrentUser.requireId();
        if (requireAssigned(applicationId, me) != null) {
            throw new UserFacingException("fellowship.review.already-submitted");
        }
        FellowshipCall call = calls.get(submittedApplication(applicationId).callId());
        if (store.scores(applicationId, me).size() != call.criteria().size()) {
            throw new UserFacingException("fellowship.review.incomplete");
        }
        store.submit(applicationId, me, clock.instant());
        return sheet(applicationId);
    }

    /** The panel chair (or an administrator) records the agreed scores once every assigned reviewer has submitted. */
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional
    public void consensus(FellowshipApplicationId applicationId, List<CriterionScore> scores) {
        FellowshipApplication application = submittedApplication(applicationId);
        AccountId me = CurrentUser.requireId();
        boolean chair = panel(application.callId()).stream().anyMatch(m -> m.chair() && m.reviewer().equals(me));
        if (!chair && !CurrentUser.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("Only the panel's chair records a consensus");
        }
        if (chair && conflict(application, me) != null) {
            throw new AccessDeniedException("A conflicted chair does not record this consensus");
        }
        if (store.openReviews(applicationId) > 0 || store.assigned(applicationId).isEmpty()) {
            throw new UserFacingException("fellowship.review.not-all-submitted");
        }
        FellowshipCall call = calls.get(application.callId());
        validate(call, scores);
        if (scores.size() != call.criteria().size()) {
            throw new UserFacingException("fellowship.review.incomplete");
        }
        store.putConsensus(applicationId, scores, me, clock.instant());
    }

    // ---- ranking ---------------------------------------------------------------------------

    /**
     * The call's ranking by weighted score. Ties are broken, in order, by the score on the
     * heaviest criterion (the first of equal weights), then the earlier submission, then the
     * application's id. Applications whose reviews are not all submitted are PENDING, after the others.
     */
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public List<Ranked> ranking(FellowshipCallId callId) {
        FellowshipCall call = calls.get(callId);
        if (!CurrentUser.hasRole(Roles.ADMIN) && panel(callId).stream().noneMatch(m -> m.chair() && CurrentUser.is(m.reviewer()))) {
            throw new AccessDeniedException("The ranking is for administrators and the panel's chair");
        }
        return rank(call);
    }

    /** Publishes the ranking to applicants: each then sees their own scores, rank and standing. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void releaseRanking(FellowshipCallId callId) {
        FellowshipCall call = calls.get(callId);
        if (clock.instant().isBefore(call.closesAt())) {
            throw new UserFacingException("fellowship.review.still-open");
        }
        if (rank(call).stream().anyMatch(r -> r.standing() == Standing.PENDING)) {
            throw new UserFacingException("fellowship.review.pending");
        }
        if (store.releaseRanking(callId, clock.instant())) {
            events.publishEvent(new RankingReleased(call.slug(), call.title(),
                    applications.submittedTo(callId).stream().map(FellowshipApplication::applicant).toList()));
        }
    }

    /** The signed-in applicant's line of the ranking, once released; never before. */
    @SignedIn
    @Transactional(readOnly = true)
    public java.util.Optional<Ranked> myResult(FellowshipCallId callId) {
        FellowshipCall call = calls.get(callId);
        if (call.rankingReleasedAt() == null) {
            return java.util.Optional.empty();
        }
        return rank(call).stream().filter(r -> CurrentUser.is(r.applicant())).findFirst();
    }

    /** The call's ranking: four queries whatever the number of applications and criteria. */
    List<Ranked> rank(FellowshipCall call) {
        ReviewStore.RankInputs inputs = store.rankInputs(call.id());
        List<Ranking.Reviews> reviews = applications.submittedTo(call.id()).stream().map(application -> {
            int[] counts = inputs.assignments().getOrDefault(application.id(), new int[2]);
            return new Ranking.Reviews(application, inputs.consensus().getOrDefault(application.id(), Map.of()),
                    inputs.means().getOrDefault(application.id(), Map.of()), counts[0], counts[1]);
        }).toList();
        return Ranking.rank(call.criteria(), call.fundedPlaces(), reviews);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * Why a reviewer may not review an application, or null: they belong to an organisation one of
     * the applicant's chosen offers comes from, they declared a conflict, or they are the applicant.
     */
    String conflict(FellowshipApplication application, AccountId reviewer) {
        if (application.applicant().equals(reviewer)) {
            return "self";
        }
        String declared = store.declaredConflict(application.id(), reviewer);
        if (declared != null) {
            return declared;
        }
        Set<UUID> hosts = new HashSet<>();
        for (UUID choice : application.choices()) {
            hosts.add(calls.offer(choice).organisation().value());
        }
        return SystemActor.call(() -> organisations.membershipsOf(reviewer)).stream()
                .filter(m -> hosts.contains(m.organisationId().value())).map(m -> m.organisationName()).findFirst().orElse(null);
    }

    private void validate(FellowshipCall call, List<CriterionScore> scores) {
        Set<Integer> seen = new HashSet<>();
        BigDecimal max = BigDecimal.valueOf(call.scoreMax());
        for (CriterionScore s : scores) {
            if (s.criterion() < 0 || s.criterion() >= call.criteria().size() || !seen.add(s.criterion()) || s.score() == null
                    || s.score().signum() < 0 || s.score().compareTo(max) > 0 || s.score().scale() > 2) {
                throw UserFacingException.onField("scores", "fellowship.review.score-range", call.scoreMax());
            }
            if (s.comment() != null && s.comment().length() > CriterionScore.COMMENT_MAX) {
                throw UserFacingException.onField("scores", "fellowship.review.comment-too-long", CriterionScore.COMMENT_MAX);
            }
        }
    }

    private FellowshipApplication submittedApplication(FellowshipApplicationId id) {
        return applications.submitted(id).orElseThrow(() -> new NotFoundException("fellowship.application-not-found"));
    }

    /** The reviewer's submission time (null while a draft); not assigned reads as not found: another's application does not exist for them. */
    private Instant requireAssigned(FellowshipApplicationId applicationId, AccountId reviewer) {
        return store.assignment(applicationId, reviewer).orElseThrow(() -> new NotFoundException("fellowship.application-not-found"))
                .orElse(null);
    }

    private List<OtherReview> others(FellowshipApplicationId applicationId, AccountId me) {
        List<ReviewStore.Submitted> submitted = store.submittedBesides(applicationId, me);
        Map<AccountId, String> names = accounts.displayNames(submitted.stream().map(ReviewStore.Submitted::reviewer).toList());
        Map<AccountId, OtherReview> reviews = new LinkedHashMap<>();
        for (ReviewStore.Submitted review : submitted) {
            reviews.put(review.reviewer(), new OtherReview(names.getOrDefault(review.reviewer(), ""),
                    store.scores(applicationId, review.reviewer()), review.at()));
        }
        return List.copyOf(reviews.values());
    }
}
