package eu.aiskills.academy.compute;

import java.math.BigDecimal;

/**
 * A factory's operators (or the access mode, without review) decided an allocation request.
 *
 * @param granted GPU-hours granted; {@code null} when rejected
 */
public record AllocationDecided(AllocationId allocation, String factory, String partition, BigDecimal requested, BigDecimal granted) {
}
