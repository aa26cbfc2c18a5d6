package eu.aiskills.academy.talent;

import eu.aiskills.academy.identity.AccountId;

/**
 * A candidate's profile, its skills, visibility or consent changed, or it was erased: whatever
 * shows it to employers (the search index) reads it again, and drops it when it is no longer visible.
 */
public record CandidateProfileChanged(AccountId account) {
}
