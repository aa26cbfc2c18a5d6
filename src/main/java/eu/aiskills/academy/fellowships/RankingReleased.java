package eu.aiskills.academy.fellowships;

import java.util.List;

import eu.aiskills.academy.identity.AccountId;

/** A call's ranking was released: each applicant may now read their result. */
public record RankingReleased(String callSlug, String callTitle, List<AccountId> applicants) {

    public RankingReleased {
        applicants = List.copyOf(applicants);
    }
}
