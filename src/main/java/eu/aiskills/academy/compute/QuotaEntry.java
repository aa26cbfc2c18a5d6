package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One movement in the ledger: positive hours add to the account's balance, negative take from it. */
public record QuotaEntry(UUID id, QuotaAccountId account, QuotaEntryKind kind, BigDecimal hours, String reason,
                         UUID actor, Instant createdAt) {
}
