package eu.aiskills.academy.fellowships;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applicant-proposing deferred acceptance (Gale–Shapley with capacities): each applicant
 * proposes to their choices in order; each offer keeps, among those who proposed, the best
 * its host ranks, up to its places, and turns the others away. The result is stable (no
 * applicant and offer would both rather have each other) and the best stable result for every
 * applicant. An applicant an offer's host did not rank is not acceptable to it.
 *
 * @param <A> applicants
 * @param <O> offers
 */
public final class StableMatching<A extends Comparable<A>, O> {

    /** Why an applicant got what they got: for each choice before the one they got, who held its places. */
    public record Outcome<A, O>(O placed, int choice, Map<O, List<A>> heldBy) {
    }

    private final Map<A, List<O>> preferences;
    private final Map<O, Integer> capacities;
    private final Map<O, Map<A, Integer>> hostRanks;

    /**
     * @param preferences each applicant's offers, most wanted first
     * @param capacities  each offer's places
     * @param hostRanks   for each offer, the rank (1 = best) its host gives each acceptable applicant
     */
    public StableMatching(Map<A, List<O>> preferences, Map<O, Integer> capacities, Map<O, Map<A, Integer>> hostRanks) {
        this.preferences = preferences;
        this.capacities = capacities;
        this.hostRanks = hostRanks;
    }

    public Map<A, Outcome<A, O>> run() {
        Map<O, TreeSet<A>> held = new HashMap<>();
        Map<A, Integer> next = new HashMap<>();
        Deque<A> free = new ArrayDeque<>(preferences.keySet().stream().sorted().toList());
        while (!free.isEmpty()) {
            A applicant = free.poll();
            List<O> wanted = preferences.getOrDefault(applicant, List.of());
            int index = next.getOrDefault(applicant, 0);
            if (index >= wanted.size()) {
                continue;
            }
            next.put(applicant, index + 1);
            O offer = wanted.get(index);
            Integer rank = hostRanks.getOrDefault(offer, Map.of()).get(applicant);
            int places = capacities.getOrDefault(offer, 0);
            if (rank == null || places <= 0) {
                free.addFirst(applicant);
                continue;
            }
            TreeSet<A> keeping = held.computeIfAbsent(offer, o -> new TreeSet<>(order(o)));
            keeping.add(applicant);
            if (keeping.size() > places) {
                A turnedAway = keeping.pollLast();
                free.addFirst(turnedAway);
            }
        }
        Map<A, O> placed = new HashMap<>();
        held.forEach((offer, applicants) -> applicants.forEach(a -> placed.put(a, offer)));
        Map<A, Outcome<A, O>> outcomes = new LinkedHashMap<>();
        for (A applicant : preferences.keySet().stream().sorted().toList()) {
            O offer = placed.get(applicant);
            List<O> wanted = preferences.getOrDefault(applicant, List.of());
            int choice = offer == null ? -1 : wanted.indexOf(offer);
            Map<O, List<A>> heldBy = new LinkedHashMap<>();
            for (O better : offer == null ? wanted : wanted.subList(0, choice)) {
                heldBy.put(better, new ArrayList<>(held.getOrDefault(better, new TreeSet<>(order(better)))));
            }
            outcomes.put(applicant, new Outcome<>(offer, choice + 1, heldBy));
        }
        return outcomes;
    }

    private Comparator<A> order(O offer) {
        Map<A, Integer> ranks = hostRanks.getOrDefault(offer, Map.of());
        return Comparator.<A>comparingInt(a -> ranks.getOrDefault(a, Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder());
    }
}
