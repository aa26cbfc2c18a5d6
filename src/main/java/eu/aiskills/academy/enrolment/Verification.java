package eu.aiskills.academy.enrolment;

import java.util.Optional;

/**
 * The result of checking a credential: {@code credential} is present when it was found, and
 * {@code payload} is the signed content (pretty JSON) when the signature held.
 */
public record Verification(Status status, Optional<CredentialSummary> credential, Optional<String> payload) {

    public enum Status {
        /** Signed by the platform, unchanged, not revoked. */
        VALID,
        /** Genuine, but revoked by the platform; the reason is on the credential. */
        REVOKED,
        /** The signature does not hold, or the content differs from what was issued. */
        TAMPERED,
        /** No credential with this id was issued here. */
        NOT_FOUND
    }
}
