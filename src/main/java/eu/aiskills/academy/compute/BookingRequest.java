package eu.aiskills.academy.compute;

import java.time.Duration;
import java.time.Instant;

/** A lab session to book under an allocation: when, how long, how many seats with how many GPUs each. */
public record BookingRequest(AllocationId allocation, Instant startsAt, Duration duration, int seats, int gpusPerSeat) {

    public static final int SEATS_MAX = 500;
    public static final int GPUS_PER_SEAT_MAX = 8;
    public static final Duration DURATION_MAX = Duration.ofHours(12);
}
