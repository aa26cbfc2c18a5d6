package eu.aiskills.academy.fellowships;

import eu.aiskills.academy.identity.AccountId;

/** A placement was offered to an applicant, to be answered by a deadline. */
public record PlacementOffered(AccountId applicant, String callSlug, String callTitle, String offerTopic) {
}
