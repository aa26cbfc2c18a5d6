package eu.aiskills.academy.enrolment;

import java.time.Instant;

/** An issued credential as lists and the verification page show it. */
public record CredentialSummary(CredentialId id, CredentialKind kind, String recipientName, String achievementName,
                                Instant issuedAt, Instant revokedAt, String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
