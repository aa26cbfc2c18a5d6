package eu.aiskills.academy.compute;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partition's bookings over a period, and its GPUs. Operators of the factory see every booking
 * with what it is for; others see their own, and the rest only as GPUs taken.
 *
 * @param capacity GPUs of the partition
 */
public record PartitionCalendar(String factorySlug, String factoryName, String partition, int capacity, Instant from, Instant to,
                                List<Entry> bookings) {

    public PartitionCalendar {
        bookings = List.copyOf(bookings);
    }

    /**
     * One booking.
     *
     * @param label what it is for, or {@code null} when the caller may not know
     * @param mine  whether the caller booked it
     */
    public record Entry(UUID id, Instant startsAt, Instant endsAt, int gpus, int seats, String label, boolean mine) {
    }

    /** GPUs held at an instant. */
    public int heldAt(Instant at) {
        return bookings.stream().filter(b -> !b.startsAt().isAfter(at) && b.endsAt().isAfter(at)).mapToInt(Entry::gpus).sum();
    }

    /** The most GPUs held at once within [start, end). */
    public int peakHeld(Instant start, Instant end) {
        int peak = heldAt(start);
        for (Entry b : bookings) {
            if (b.startsAt().isAfter(start) && b.startsAt().isBefore(end)) {
                peak = Math.max(peak, heldAt(b.startsAt()));
            }
        }
        return peak;
    }
}
