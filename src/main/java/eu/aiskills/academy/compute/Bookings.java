package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.compute.internal.AllocationEntity;
import eu.aiskills.academy.compute.internal.AllocationRecords;
import eu.aiskills.academy.compute.internal.BookingStore;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lab sessions booked on a partition under an approved allocation. A booking is checked against
 * the partition's GPUs over its window (summed over every overlapping booking) and against the
 * allocation's remaining GPU-hours; both are reserved in one transaction, or it is refused with
 * the reason and the nearest starts that would fit. The partition's row is locked for the check,
 * so concurrent bookings never overbook it.
 */
@Service
public class Bookings {

    private static final Logger log = LoggerFactory.getLogger(Bookings.class);
    /** How far from the asked start the nearest fitting starts are looked for, hour by hour. */
    static final int SEARCH_HOURS = 7 * 24;

    private final AllocationRecords allocations;
    private final FactoryRegistry registry;
    private final Ledger ledger;
    private final BookingStore store;
    private final Clock clock;

    Bookings(AllocationRecords allocations, FactoryRegistry registry, Ledger ledger, BookingStore store, Clock clock) {
        this.allocations = allocations;
        this.registry = registry;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Booking book(BookingRequest request) {
        AllocationEntity allocation = allocations.findById(request.allocation().value())
                .orElseThrow(() -> new NotFoundException("allocation.not-found"));
        AccountId me = CurrentUser.requireId();
        if (!CurrentUser.hasRole(Roles.ADMIN) && !allocation.requesterId().equals(me.value())) {
            throw new AccessDeniedException("Allocation " + allocation.id() + " is not " + me + "'s");
        }
        if (allocation.status() != AllocationStatus.APPROVED) {
            throw new UserFacingException("booking.allocation-not-approved");
        }
        if (request.startsAt() == null || request.duration() == null || request.duration().isNegative() || request.duration().isZero()
                || request.duration().compareTo(BookingRequest.DURATION_MAX) > 0) {
            throw UserFacingException.onField("duration", "booking.invalid.duration", BookingRequest.DURATION_MAX.toHours());
        }
        if (request.seats() <= 0 || request.seats() > BookingRequest.SEATS_MAX) {
            throw UserFacingException.onField("seats", "booking.invalid.seats", BookingRequest.SEATS_MAX);
        }
        if (request.gpusPerSeat() < 1 || request.gpusPerSeat() > BookingRequest.GPUS_PER_SEAT_MAX) {
            throw UserFacingException.onField("gpusPerSeat", "booking.invalid.gpus", BookingRequest.GPUS_PER_SEAT_MAX);
        }
        Instant start = request.startsAt().truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(request.duration());
        if (start.isBefore(clock.instant())) {
            throw UserFacingException.onField("startsAt", "booking.invalid.past");
        }
        if (start.isBefore(allocation.validFrom().atStartOfDay(ZoneOffset.UTC).toInstant())
                || end.isAfter(allocation.validUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw UserFacingException.onField("startsAt", "booking.invalid.validity", allocation.validFrom(), allocation.validUntil());
        }
        // The partition's row, exclusively: bookings of one partition decide one after the other.
        BookingStore.LockedPartition partition = store.lockPartition(allocation.factoryId(), allocation.partition());
        String partitionId = partition.id();
        int capacity = partition.capacity();
        int gpus = request.seats() * request.gpusPerSeat();
        int held = store.held(partitionId, start, end);
        if (held + gpus > capacity) {
            throw new BookingRefused(Math.max(0, capacity - held), gpus, alternatives(partitionId, capacity, gpus, start,
                    request.duration(), allocation));
        }
        BigDecimal gpuHours = BigDecimal.valueOf(gpus).multiply(BigDecimal.valueOf(request.duration().toMinutes()))
                .divide(BigDecimal.valueOf(60), 3, RoundingMode.HALF_UP);
        UUID id = UUID.randomUUID();
        store.insert(new BookingStore.NewBooking(id, allocation.id(), partitionId, start, end, request.seats(), request.gpusPerSeat(), gpus,
                gpuHours, me.value(), clock.instant()));
        // Refused (and the booking rolled back with it) when the allocation has fewer hours left.
        ledger.move(ledger.allocationAccount(allocation.id().value()), QuotaEntryKind.RESERVED, gpuHours.negate(),
                "booking:" + id + ":reserved", me.value(), "Lab session " + start + " (" + request.seats() + " seats)");
        log.info("Booking {}: {} GPUs on {} from {} to {} under allocation {}", id, gpus, allocation.partition(), start, end,
                allocation.id());
        return load(id);
    }

    /** Cancels a booking: its GPUs free up and its GPU-hours return to the allocation. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Booking cancel(UUID bookingId) {
        Booking booking = ownBooking(bookingId);
        if (!booking.active()) {
            return booking;
        }
        store.cancel(bookingId);
        ledger.move(ledger.allocationAccount(booking.allocation().value()), QuotaEntryKind.RELEASED, booking.gpuHours(),
                "booking:" + bookingId + ":released", CurrentUser.requireId().value(), "Lab session cancelled");
        return load(bookingId);
    }

    /** Ends a booking earlier: the hours no longer needed return to the allocation. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Booking shorten(UUID bookingId, Instant newEnd) {
        Booking booking = ownBooking(bookingId);
        if (!booking.active() || newEnd == null || !newEnd.isAfter(booking.startsAt()) || !newEnd.isBefore(booking.endsAt())) {
            throw UserFacingException.onField("endsAt", "booking.invalid.shorten");
        }
        Instant end = newEnd.truncatedTo(ChronoUnit.MINUTES);
        BigDecimal hours = BigDecimal.valueOf(booking.gpus()).multiply(BigDecimal.valueOf(Duration.between(booking.startsAt(), end)
                .toMinutes())).divide(BigDecimal.valueOf(60), 3, RoundingMode.HALF_UP);
        BigDecimal released = booking.gpuHours().subtract(hours);
        store.shorten(bookingId, end, hours);
        ledger.move(ledger.allocationAccount(booking.allocation().value()), QuotaEntryKind.RELEASED, released,
                "booking:" + bookingId + ":shortened:" + end.getEpochSecond(), CurrentUser.requireId().value(),
                "Lab session shortened to end " + end);
        return load(bookingId);
    }

    /** The bookings of an allocation, soonest first. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public List<Booking> ofAllocation(AllocationId allocation) {
        return store.ofAllocation(allocation);
    }

    /** The longest period a calendar covers. */
    public static final java.time.Duration CALENDAR_MAX = java.time.Duration.ofDays(92);

    /**
     * A partition's bookings that overlap [from, to). Operators of the factory and administrators
     * see every booking with its purpose; instructors see their own, and the others only as GPUs taken.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.FACTORY_OPERATOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public PartitionCalendar calendar(String factorySlug, String partition, Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).compareTo(CALENDAR_MAX) > 0) {
            throw new UserFacingException("booking.invalid.calendar-range", CALENDAR_MAX.toDays());
        }
        FactorySummary factory = registry.bySlug(factorySlug).orElseThrow(() -> new NotFoundException("factory.not-found"));
        PartitionSummary part = factory.partitions().stream().filter(p -> p.name().equals(partition)).findFirst()
                .orElseThrow(() -> new NotFoundException("booking.partition-not-found"));
        boolean operator = registry.mayEdit(factory);
        String me = CurrentUser.requireId().value().toString();
        List<PartitionCalendar.Entry> entries = store.calendar(factory.id().value(), partition, from, to).stream().map(row -> {
            boolean mine = me.equals(row.bookedBy());
            return new PartitionCalendar.Entry(row.id(), row.start(), row.end(), row.gpus(), row.seats(),
                    operator || mine ? firstLine(row.justification()) : null, mine);
        }).toList();
        return new PartitionCalendar(factory.slug(), factory.name(), partition, part.totalGpus(), from, to, entries);
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private Booking load(UUID id) {
        return store.load(id).orElseThrow(() -> new NotFoundException("booking.not-found"));
    }

    private Booking ownBooking(UUID id) {
        Booking booking = load(id);
        if (!CurrentUser.hasRole(Roles.ADMIN) && !CurrentUser.requireId().value().toString().equals(store.bookedBy(id))) {
            throw new AccessDeniedException("Booking " + id + " is not the caller's");
        }
        return booking;
    }

    /**
     * Up to three starts nearest to the one asked for, hour by hour either way, that fit. The
     * partition's bookings around the window are read once and the candidates checked in memory,
     * so that a refusal keeps the partition's lock only briefly.
     */
    private List<Instant> alternatives(String partitionId, int capacity, int gpus, Instant start, Duration duration,
                                       AllocationEntity allocation) {
        List<Instant> found = new ArrayList<>();
        if (gpus > capacity) {
            return found;
        }
        Instant earliest = clock.instant();
        Instant from = allocation.validFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = allocation.validUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant rangeStart = start.minus(Duration.ofHours(SEARCH_HOURS));
        Instant rangeEnd = start.plus(Duration.ofHours(SEARCH_HOURS)).plus(duration);
        List<BookingStore.Held> around = store.heldAround(partitionId, rangeStart, rangeEnd);
        for (int step = 1; step <= SEARCH_HOURS && found.size() < 3; step++) {
            for (int sign : new int[] {1, -1}) {
                Instant candidate = start.plus(Duration.ofHours((long) sign * step));
                Instant candidateEnd = candidate.plus(duration);
                if (candidate.isBefore(earliest) || candidate.isBefore(from) || candidateEnd.isAfter(until) || found.size() >= 3) {
                    continue;
                }
                int held = around.stream().filter(h -> h.start().isBefore(candidateEnd) && h.end().isAfter(candidate))
                        .mapToInt(BookingStore.Held::gpus).sum();
                if (held + gpus <= capacity) {
                    found.add(candidate);
                }
            }
        }
        found.sort(null);
        return found;
    }
}
