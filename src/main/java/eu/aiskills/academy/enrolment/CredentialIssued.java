package eu.aiskills.academy.enrolment;

import eu.aiskills.academy.identity.AccountId;

/** A credential was signed and stored for a learner. */
public record CredentialIssued(CredentialId credential, AccountId learner, String achievementName) {
}
