package eu.aiskills.academy.talent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;

/**
 * How well texts match, beyond skills: the search module implements it over its indices, and
 * matching adds it to the skills' score. Every method answers empty, never fails, when search is
 * unavailable: matching then ranks by skills alone.
 */
public interface MatchRelevance {

    /**
     * Open postings whose text best matches {@code text} (a candidate's headline, experience and
     * skills), best first, each with its relevance from 0 to 1 relative to the best.
     */
    Map<UUID, Double> postingsFor(String text, int max);

    /** Candidates visible to employers whose profile text best matches {@code text} (a posting's), as above. */
    Map<AccountId, Double> candidatesFor(String text, int max);

    /** Open postings most like this one ("more like this"), best first. */
    List<UUID> similarPostings(UUID posting, int max);
}
