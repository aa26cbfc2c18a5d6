package eu.aiskills.academy.compute;

import java.util.Locale;

/** The movements of GPU-hours the ledger records. */
public enum QuotaEntryKind {
    GRANTED,
    RESERVED,
    CONSUMED,
    RELEASED,
    EXPIRED,
    ADJUSTED;

    public String messageKey() {
        return "quota.entry." + name().toLowerCase(Locale.ROOT);
    }
}
