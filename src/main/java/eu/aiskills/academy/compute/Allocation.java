package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A request for GPU-hours on a factory partition, and what became of it. */
public record Allocation(AllocationId id, FactoryId factory, String factoryName, String factorySlug, String partition, String accessMode,
                         UUID requester, UUID runId, BigDecimal requestedHours, BigDecimal grantedHours,
                         String justification, AllocationStatus status, LocalDate validFrom, LocalDate validUntil,
                         Instant requestedAt, String decisionNote, QuotaAccountId account, BigDecimal remaining) {
}
