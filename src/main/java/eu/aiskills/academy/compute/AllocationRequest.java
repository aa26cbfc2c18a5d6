package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What an instructor asks for: hours on a factory's partition under an access mode, for a course
 * run (its id, or null for a programme-wide request), with a justification and validity period.
 */
public record AllocationRequest(String factorySlug, String partition, String accessMode, UUID runId, BigDecimal hours,
                                String justification, LocalDate validFrom, LocalDate validUntil) {

    public static final int JUSTIFICATION_MAX_LENGTH = 2000;
}
