package eu.aiskills.academy.enrolment;

import eu.aiskills.academy.identity.AccountId;

/** An administrator revoked a credential: what it attested no longer counts. */
public record CredentialRevoked(CredentialId credential, AccountId learner) {
}
