package eu.aiskills.academy.identity;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.aiskills.academy.identity.internal.AccountEntity;
import eu.aiskills.academy.identity.internal.Accounts;
import eu.aiskills.academy.identity.internal.MembershipEntity;
import eu.aiskills.academy.identity.internal.Memberships;
import eu.aiskills.academy.identity.internal.OrganisationEntity;
import eu.aiskills.academy.identity.internal.Organisations;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations and who acts for them. */
@Service
public class OrganisationManagement {

    private static final Logger log = LoggerFactory.getLogger(OrganisationManagement.class);

    private final Organisations organisations;
    private final Memberships memberships;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationManagement(Organisations organisations, Memberships memberships, Accounts accounts,
                           ApplicationEventPublisher events, Clock clock) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public OrganisationId create(NewOrganisation request) {
        if (organisations.existsByNameAndKind(request.name(), request.kind())) {
            throw UserFacingException.onField("name", "organisations.name-taken");
        }
        OrganisationEntity entity = new OrganisationEntity(OrganisationId.random(), request.name(), request.kind(),
                request.country(), request.website(), clock.instant());
        try {
            organisations.saveAndFlush(entity);
        } catch (DataIntegrityViolationException raced) {
            throw UserFacingException.onField("name", "organisations.name-taken");
        }
        log.info("Organisation {} ({}) created", entity.id(), request.kind());
        return entity.id();
    }

    /** The organisation with this name and kind, created if it does not exist yet (content import). */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public OrganisationId ensure(NewOrganisation request) {
        return organisations.findByNameAndKind(request.name(), request.kind())
                .map(existing -> {
                    existing.update(request.name(), request.country(), request.website());
                    return existing.id();
                })
                .orElseGet(() -> create(request));
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void update(OrganisationId id, NewOrganisation changes) {
        OrganisationEntity entity = load(id);
        if (entity.kind() != changes.kind()) {
            throw UserFacingException.onField("kind", "organisations.kind-fixed");
        }
        entity.update(changes.name(), changes.country(), changes.website());
    }

    /** Public facts about an organisation (its name on postings, offers and factory pages). */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<OrganisationSummary> find(OrganisationId id) {
        return organisations.findById(id.value()).map(this::summary);
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public Page<OrganisationSummary> search(String text, Pageable pageable) {
        return organisations.search(text == null ? "" : text.strip(), pageable).map(this::summary);
    }

    /** Members of an organisation: for administrators and the organisation's managers. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Membership> members(OrganisationId id) {
        OrganisationEntity organisation = load(id);
        requireManagerOrAdmin(id);
        List<MembershipEntity> rows = memberships.findByOrganisation(id.value());
        Map<UUID, AccountEntity> people = accounts.findAllById(rows.stream().map(MembershipEntity::accountId).toList())
                .stream().collect(Collectors.toMap(a -> a.id().value(), Function.identity()));
        return rows.stream()
                .map(m -> toMembership(m, organisation, people.get(m.accountId())))
                .sorted(Comparator.comparing(Membership::accountDisplayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Adds (or changes the standing of) the person with {@code email} in an organisation. */
    @SignedIn
    @Transactional
    public void addMember(OrganisationId id, String email, MembershipRole role) {
        load(id);
        requireManagerOrAdmin(id);
        if (role == null) {
            throw UserFacingException.onField("role", "validation.membership.role.required");
        }
        AccountEntity account = accounts.findByEmail(EmailAddress.normalise(email))
                .orElseThrow(() -> UserFacingException.onField("email", "organisations.member-unknown"));
        MembershipEntity.Key key = new MembershipEntity.Key(id.value(), account.id().value());
        memberships.findById(key).ifPresentOrElse(
                existing -> existing.changeRole(role),
                () -> memberships.save(new MembershipEntity(id.value(), account.id().value(), role, clock.instant())));
        log.info("Account {} is now {} of organisation {}", account.id(), role, id);
        events.publishEvent(new MembershipChanged(id, account.id(), role, true));
    }

    @SignedIn
    @Transactional
    public void removeMember(OrganisationId id, AccountId accountId) {
        requireManagerOrAdmin(id);
        MembershipEntity.Key key = new MembershipEntity.Key(id.value(), accountId.value());
        MembershipEntity membership = memberships.findById(key)
                .orElseThrow(() -> new NotFoundException("organisations.membership-not-found"));
        if (CurrentUser.is(accountId) && membership.role() == MembershipRole.MANAGER && !CurrentUser.hasRole(Roles.ADMIN)) {
            throw new UserFacingException("organisations.cannot-remove-self");
        }
        memberships.delete(membership);
        log.info("Account {} left organisation {}", accountId, id);
        events.publishEvent(new MembershipChanged(id, accountId, membership.role(), false));
    }

    /** The signed-in person's organisations. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Membership> myMemberships() {
        return membershipsOf(CurrentUser.requireId());
    }

    /** Another module asks which organisations a person acts for (for its own authorisation rules). */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(AccountId accountId) {
        AccountEntity account = accounts.findById(accountId.value())
                .orElseThrow(() -> new NotFoundException("accounts.not-found", accountId));
        List<MembershipEntity> rows = memberships.findByAccount(accountId.value());
        Map<UUID, OrganisationEntity> orgs = organisations.findAllById(rows.stream().map(MembershipEntity::organisationId).toList())
                .stream().collect(Collectors.toMap(o -> o.id().value(), Function.identity()));
        return rows.stream().map(m -> toMembership(m, orgs.get(m.organisationId()), account)).toList();
    }

    /** Whether the signed-in person acts for {@code id}. */
    @PermitAll
    @Transactional(readOnly = true)
    public boolean isMember(OrganisationId id) {
        return CurrentUser.id()
                .map(me -> memberships.existsById(new MembershipEntity.Key(id.value(), me.value())))
                .orElse(false);
    }

    private void requireManagerOrAdmin(OrganisationId id) {
        if (CurrentUser.hasRole(Roles.ADMIN) || CurrentUser.hasRole(Roles.SYSTEM)) {
            return;
        }
        AccountId me = CurrentUser.requireId();
        boolean manager = memberships.findById(new MembershipEntity.Key(id.value(), me.value()))
                .map(m -> m.role() == MembershipRole.MANAGER)
                .orElse(false);
        if (!manager) {
            throw new AccessDeniedException("Account " + me + " does not manage organisation " + id);
        }
    }

    private OrganisationEntity load(OrganisationId id) {
        return organisations.findById(id.value()).orElseThrow(() -> new NotFoundException("organisations.not-found", id));
    }

    private OrganisationSummary summary(OrganisationEntity o) {
        return new OrganisationSummary(o.id(), o.name(), o.kind(), o.country(), o.website(),
                memberships.countByOrganisation(o.id().value()));
    }

    private static Membership toMembership(MembershipEntity m, OrganisationEntity organisation, AccountEntity account) {
        return new Membership(organisation.id(), organisation.name(), organisation.kind(), account.id(),
                account.displayName(), account.email(), m.role(), m.createdAt());
    }
}
