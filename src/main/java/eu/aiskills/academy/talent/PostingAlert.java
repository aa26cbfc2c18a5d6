package eu.aiskills.academy.talent;

import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;

/** A candidate's saved search found a new posting, or a posting it found closes soon. */
public record PostingAlert(AccountId candidate, UUID posting, String postingTitle, String searchName, boolean closingSoon) {
}
