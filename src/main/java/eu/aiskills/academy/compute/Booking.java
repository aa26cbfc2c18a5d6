package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A lab session booked on a partition: its window, GPUs held over it and GPU-hours reserved for it. */
public record Booking(UUID id, AllocationId allocation, String partition, Instant startsAt, Instant endsAt, int seats,
                      int gpusPerSeat, int gpus, BigDecimal gpuHours, String status) {

    public boolean active() {
        return "BOOKED".equals(status);
    }
}
