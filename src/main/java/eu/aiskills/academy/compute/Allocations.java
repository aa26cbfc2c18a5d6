package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.compute.internal.AllocationEntity;
import eu.aiskills.academy.compute.internal.AllocationQueries;
import eu.aiskills.academy.compute.internal.AllocationRecords;
import eu.aiskills.academy.compute.internal.Factories;
import eu.aiskills.academy.compute.internal.FactoryEntity;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * GPU-hour allocations: instructors request hours on a factory partition under an access mode;
 * the factory's operators approve (possibly fewer hours) or reject; unused hours expire with the
 * validity period. Every granted or expired hour is an entry in the quota ledger.
 * <p>Long because an allocation's life (request, decision, expiry) and the ledger entries each step
 * writes must be read together to see that no hour is granted or expired twice.
 */
@Service
public class Allocations {

    private static final Logger log = LoggerFactory.getLogger(Allocations.class);
    public static final int NOTE_MAX_LENGTH = 1000;

    private final AllocationRecords allocations;
    private final Factories factories;
    private final Ledger ledger;
    private final Catalogue catalogue;
    private final OrganisationManagement organisations;
    private final AllocationQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Allocations(AllocationRecords allocations, Factories factories, Ledger ledger, Catalogue catalogue,
                OrganisationManagement organisations, AllocationQueries queries, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.allocations = allocations;
        this.factories = factories;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.queries = queries;
        this.clock = clock;
    }

    /** The access modes one may request under. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<AccessMode> accessModes() {
        return queries.accessModes();
    }

    /**
     * Requests GPU-hours for a course run the caller teaches. Under an access mode without review
     * the hours are granted at once.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Allocation request(AllocationRequest request) {
        AccountId me = CurrentUser.requireId();
        FactoryEntity factory = factories.findBySlug(request.factorySlug() == null ? "" : request.factorySlug())
                .orElseThrow(() -> UserFacingException.onField("factory", "allocation.invalid.factory"));
        if (factory.toSummary().partitions().stream().noneMatch(p -> p.name().equals(request.partition()))) {
            throw UserFacingException.onField("partition", "allocation.invalid.partition", factory.toSummary().name());
        }
        AccessMode mode = accessModes().stream().filter(m -> m.code().equals(request.accessMode())).findFirst()
                .orElseThrow(() -> UserFacingException.onField("accessMode", "allocation.invalid.mode"));
        if (request.hours() == null || request.hours().signum() <= 0 || request.hours().compareTo(mode.maxGpuHours()) > 0
                || request.hours().scale() > 3) {
            throw UserFacingException.onField("hours", "allocation.invalid.hours", mode.name(),
                    mode.maxGpuHours().stripTrailingZeros().toPlainString());
        }
        if (request.validFrom() == null || request.validUntil() == null || request.validUntil().isBefore(request.validFrom())) {
            throw UserFacingException.onField("validUntil", "allocation.invalid.validity");
        }
        if (ChronoUnit.DAYS.between(request.validFrom(), request.validUntil()) + 1 > mode.maxDays()) {
            throw UserFacingException.onField("validUntil", "allocation.invalid.duration", mode.name(), mode.maxDays());
        }
        if (request.validUntil().isBefore(LocalDate.now(clock))) {
            throw UserFacingException.onField("validUntil", "allocation.invalid.past");
        }
        String justification = request.justification() == null ? "" : request.justification().strip();
        if (justification.isEmpty() || justification.length() > AllocationRequest.JUSTIFICATION_MAX_LENGTH) {
            throw UserFacingException.onField("justification", "allocation.invalid.justification",
                    AllocationRequest.JUSTIFICATION_MAX_LENGTH);
        }
        if (request.runId() != null) {
            CourseRun run = catalogue.runs(List.of(new RunId(request.runId()))).get(new RunId(request.runId()));
            if (run == null) {
                throw UserFacingException.onField("run", "enrolment.run-not-found");
            }
            if (!CurrentUser.hasRole(Roles.ADMIN) && !catalogue.teaches(run.courseId())) {
                throw new AccessDeniedException("Account " + me + " does not teach the course of run " + run.id());
            }
        }
        AllocationEntity allocation = new AllocationEntity(AllocationId.random(), factory.toSummary().id().value(),
                request.partition(), mode.code(), me.value(), request.runId(), request.hours(), justification,
                request.validFrom(), request.validUntil(), clock.instant());
        allocations.saveAndFlush(allocation);
        log.info("Allocation {} requested by {}: {} GPU-hours on {}/{}", allocation.id(), me, request.hours(),
                factory.toSummary().slug(), request.partition());
        if (!mode.reviewNeeded()) {
            grant(allocation, request.hours(), null, null);
        }
        return view(allocation);
    }

    /** Approves a request, for the hours asked or fewer: the factory's operators (or administrators) decide. */
    @RolesAllowed({Roles.FACTORY_OPERATOR, Roles.ADMIN})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Allocation approve(AllocationId id, BigDecimal hours, String note) {
        AllocationEntity allocation = decidable(id);
        if (hours == null || hours.signum() <= 0 || hours.compareTo(allocation.requestedHours()) > 0 || hours.scale() > 3) {
            throw UserFacingException.onField("hours", "allocation.invalid.granted",
                    allocation.requestedHours().stripTrailingZeros().toPlainString());
        }
        grant(allocation, hours, CurrentUser.requireId().value(), cleanNote(note));
        return view(allocation);
    }

    @RolesAllowed({Roles.FACTORY_OPERATOR, Roles.ADMIN})
    @Transactional
    public Allocation reject(AllocationId id, String note) {
        AllocationEntity allocation = decidable(id);
        String reason = cleanNote(note);
        if (reason == null) {
            throw UserFacingException.onField("note", "allocation.invalid.reason");
        }
        allocation.reject(CurrentUser.requireId().value(), reason, clock.instant());
        allocations.save(allocation);
        events.publishEvent(new AllocationDecided(allocation.id(), factoryName(allocation), allocation.partition(),
                allocation.requestedHours(), null));
        return view(allocation);
    }

    /**
     * Ends allocations whose validity is over: requests nobody decided expire; approved ones
     * give up their remaining hours with an EXPIRED entry. Safe to run repeatedly and on several
     * instances (each movement has its key).
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int expireDue() {
        LocalDate today = LocalDate.now(clock);
        int expired = 0;
        for (AllocationEntity allocation : allocations.findByStatusInAndValidUntilBefore(
                List.of(AllocationStatus.REQUESTED, AllocationStatus.APPROVED), today)) {
            if (allocation.status() == AllocationStatus.APPROVED) {
                QuotaAccountId account = ledger.allocationAccount(allocation.id().value());
                BigDecimal remaining = ledger.balance(account);
                if (remaining.signum() > 0) {
                    ledger.move(account, QuotaEntryKind.EXPIRED, remaining.negate(), "allocation:" + allocation.id() + ":expired",
                            null, "Validity ended " + allocation.validUntil());
                }
            }
            boolean wasApproved = allocation.status() == AllocationStatus.APPROVED;
            allocation.expire(clock.instant());
            allocations.save(allocation);
            if (wasApproved && allocation.runId() != null) {
                events.publishEvent(new AllocationChanged(allocation.runId()));
            }
            expired++;
        }
        return expired;
    }

    /** A course run's approved allocations, oldest first: what its learners' GPU labs draw on. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<Allocation> approvedForRun(UUID runId) {
        return allocations.findByRunIdAndStatusOrderByRequestedAtAsc(runId, AllocationStatus.APPROVED).stream().map(this::view).toList();
    }

    /** For each of these runs, the names of the AI Factories that granted it GPU-hours (approved allocations), for search. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public Map<UUID, List<String>> factoriesOfRuns(Collection<UUID> runIds) {
        return queries.factoriesOfRuns(runIds);
    }

    /** The caller's own requests, newest first. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<Allocation> mine() {
        return allocations.findByRequesterIdOrderByRequestedAtDesc(CurrentUser.requireId().value()).stream().map(this::view).toList();
    }

    /** The factories the caller operates (all for administrators). */
    @RolesAllowed({Roles.FACTORY_OPERATOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<FactorySummary> operatedFactories() {
        return factories.findAllByOrderByNameAsc().stream().map(FactoryEntity::toSummary)
                .filter(f -> CurrentUser.hasRole(Roles.ADMIN) || (f.operator() != null && organisations.isMember(f.operator())))
                .toList();
    }

    /** The requests for a factory, for its operators. */
    @RolesAllowed({Roles.FACTORY_OPERATOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<Allocation> forFactory(FactoryId factory) {
        FactoryEntity entity = factories.findById(factory.value())
                .orElseThrow(() -> new NotFoundException("allocation.invalid.factory"));
        requireOperator(entity);
        return allocations.findByFactoryIdOrderByRequestedAtDesc(factory.value()).stream().map(this::view).toList();
    }

    /** Every movement of an allocation's hours, newest first: for its requester, the factory's operators, administrators. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<QuotaEntry> ledger(AllocationId id, int limit) {
        AllocationEntity allocation = allocations.findById(id.value())
                .orElseThrow(() -> new NotFoundException("allocation.not-found"));
        if (!CurrentUser.is(new AccountId(allocation.requesterId()))) {
            requireOperator(factories.findById(allocation.factoryId()).orElseThrow());
        }
        return ledger.entries(ledger.allocationAccount(allocation.id().value()), Math.clamp(limit, 1, 500));
    }

    private void grant(AllocationEntity allocation, BigDecimal hours, UUID by, String note) {
        allocation.approve(hours, by, note, clock.instant());
        allocations.save(allocation);
        QuotaAccountId account = ledger.allocationAccount(allocation.id().value());
        ledger.move(account, QuotaEntryKind.GRANTED, hours, "allocation:" + allocation.id() + ":granted", by,
                note != null ? note : by == null ? "Granted without review (" + allocation.accessMode() + ")" : "Granted");
        log.info("Allocation {} granted: {} GPU-hours", allocation.id(), hours);
        events.publishEvent(new AllocationDecided(allocation.id(), factoryName(allocation), allocation.partition(),
                allocation.requestedHours(), hours));
        if (allocation.runId() != null) {
            events.publishEvent(new AllocationChanged(allocation.runId()));
        }
    }

    private String factoryName(AllocationEntity allocation) {
        return factories.findById(allocation.factoryId()).map(f -> f.toSummary().name()).orElse("");
    }

    private AllocationEntity decidable(AllocationId id) {
        AllocationEntity allocation = allocations.findById(id.value())
                .orElseThrow(() -> new NotFoundException("allocation.not-found"));
        requireOperator(factories.findById(allocation.factoryId()).orElseThrow());
        if (allocation.status() != AllocationStatus.REQUESTED) {
            throw new UserFacingException("allocation.already-decided");
        }
        return allocation;
    }

    /** Administrators, or operators who act for the factory's operator organisation. */
    private void requireOperator(FactoryEntity factory) {
        if (CurrentUser.hasRole(Roles.ADMIN)) {
            return;
        }
        var operator = factory.toSummary().operator();
        if (!CurrentUser.hasRole(Roles.FACTORY_OPERATOR) || operator == null || !organisations.isMember(operator)) {
            CurrentUser.requireId();
            throw new AccessDeniedException("Not an operator of factory " + factory.toSummary().slug());
        }
    }

    private static String cleanNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String cleaned = note.strip();
        if (cleaned.length() > NOTE_MAX_LENGTH) {
            throw UserFacingException.onField("note", "allocation.invalid.note", NOTE_MAX_LENGTH);
        }
        return cleaned;
    }

    private Allocation view(AllocationEntity allocation) {
        Optional<FactoryEntity> factory = factories.findById(allocation.factoryId());
        QuotaAccountId account = allocation.status() == AllocationStatus.REQUESTED || allocation.status() == AllocationStatus.REJECTED
                ? null : ledger.allocationAccount(allocation.id().value());
        return new Allocation(allocation.id(), new FactoryId(allocation.factoryId()),
                factory.map(f -> f.toSummary().name()).orElse("?"), factory.map(f -> f.toSummary().slug()).orElse(""),
                allocation.partition(), allocation.accessMode(),
                allocation.requesterId(), allocation.runId(), allocation.requestedHours(), allocation.grantedHours(),
                allocation.justification(), allocation.status(), allocation.validFrom(), allocation.validUntil(),
                allocation.requestedAt(), allocation.decisionNote(), account,
                account == null ? BigDecimal.ZERO : ledger.balance(account));
    }
}
