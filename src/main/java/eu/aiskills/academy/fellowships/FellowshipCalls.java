package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.fellowships.internal.CallStore;
import eu.aiskills.academy.identity.AccountId;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fellowship calls and their host offers. Administrators write and publish calls; members of a
 * host institution, university or company add placement offers to a call until it closes;
 * anyone reads a published call.
 * <p>Long because calls and their host offers share one life cycle (an offer is open only while its
 * call is) and one set of checks on who writes them.
 */
@Service
public class FellowshipCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<OrganisationKind> HOSTS = Set.of(OrganisationKind.HOST_INSTITUTION, OrganisationKind.UNIVERSITY,
            OrganisationKind.EMPLOYER);

    private final CallStore store;
    private final OrganisationManagement organisations;
    private final Catalogue catalogue;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    FellowshipCalls(CallStore store, OrganisationManagement organisations, Catalogue catalogue, Clock clock,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
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
            store.insert(id, draft, opens(draft), closes(draft), CurrentUser.id().map(AccountId::value).orElse(new UUID(0, 0)), now);
        } catch (DuplicateKeyException e) {
            throw UserFacingException.onField("slug", "fellowship.invalid.slug-taken", draft.slug());
        }
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
        store.update(id, draft, opens(draft), closes(draft), clock.instant());
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
        store.publish(id, clock.instant());
        events.publishEvent(new CallPublished(id));
        return load(id);
    }

    /** Published calls that have not closed, soonest deadline first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<FellowshipCall> open() {
        return store.open(clock.instant());
    }

    /** Every call, newest first, for administrators (and the search index's rebuild). */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public List<FellowshipCall> all() {
        return store.all();
    }

    /** A published call by its address; drafts only for administrators. */
    @PermitAll
    @Transactional(readOnly = true)
    public FellowshipCall bySlug(String slug) {
        FellowshipCall call = store.bySlug(slug).orElseThrow(() -> new NotFoundException("fellowship.call-not-found"));
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
        return store.openOffers(callId);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public HostOffer offer(UUID offerId) {
        return store.offer(offerId).orElseThrow(() -> new NotFoundException("fellowship.offer-not-found"));
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
        UUID id = store.insertOffer(callId, draft, CurrentUser.id().map(AccountId::value).orElse(new UUID(0, 0)), clock.instant());
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
        store.withdrawOffer(offerId);
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

    private static Instant opens(CallDraft d) {
        return d.opens().atZone(d.timeZone()).toInstant();
    }

    private static Instant closes(CallDraft d) {
        return d.closes().atZone(d.timeZone()).toInstant();
    }

    private void validate(CallDraft d) {
        if (d.slug() == null || d.slug().length() > CallDraft.SLUG_MAX || !SLUG.matcher(d.slug()).matches()) {
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
        if (d.supervisor() == null || d.supervisor().isBlank() || d.supervisor().length() > OfferDraft.SUPERVISOR_MAX) {
            throw UserFacingException.onField("supervisor", "fellowship.invalid.supervisor");
        }
        Set<String> known = new HashSet<>(catalogue.skills().stream().map(Skill::uri).toList());
        if (d.skills().size() > 20 || !known.containsAll(d.skills())) {
            throw UserFacingException.onField("skills", "candidate.invalid.skills");
        }
        if (d.places() < 1 || d.places() > 100) {
            throw UserFacingException.onField("places", "fellowship.invalid.offer-places");
        }
        if (d.city() == null || d.city().isBlank() || d.city().length() > OfferDraft.CITY_MAX) {
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

    FellowshipCall locked(FellowshipCallId id) {
        return store.locked(id).orElseThrow(() -> new NotFoundException("fellowship.call-not-found"));
    }

    FellowshipCall load(FellowshipCallId id) {
        return store.load(id).orElseThrow(() -> new NotFoundException("fellowship.call-not-found"));
    }
}
