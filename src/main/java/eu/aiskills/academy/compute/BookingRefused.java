package eu.aiskills.academy.compute;

import java.time.Instant;
import java.util.List;

import eu.aiskills.academy.shared.UserFacingException;

/** The partition is too full over the window asked for; {@code alternatives} are the nearest starts that fit. */
public class BookingRefused extends UserFacingException {

    private final transient List<Instant> alternatives;

    public BookingRefused(int free, int needed, List<Instant> alternatives) {
        super("booking.capacity", free, needed);
        this.alternatives = List.copyOf(alternatives);
    }

    public List<Instant> alternatives() {
        return alternatives;
    }
}
