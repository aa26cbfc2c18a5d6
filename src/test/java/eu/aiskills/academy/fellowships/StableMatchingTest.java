package eu.aiskills.academy.fellowships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The placement matching on random instances: capacities kept, only acceptable pairs, no blocking pair; and a worked example. */
class StableMatchingTest {

    record Instance(Map<String, List<String>> preferences, Map<String, Integer> capacities, Map<String, Map<String, Integer>> ranks) {
    }

    @Provide
    Arbitrary<Instance> instances() {
        return Arbitraries.randomValue(StableMatchingTest::instance);
    }

    static Instance instance(Random random) {
        int applicants = 1 + random.nextInt(15);
        int offers = 1 + random.nextInt(6);
        List<String> offerIds = new ArrayList<>();
        Map<String, Integer> capacities = new LinkedHashMap<>();
        for (int o = 0; o < offers; o++) {
            offerIds.add("o" + o);
            capacities.put("o" + o, random.nextInt(4));
        }
        Map<String, List<String>> preferences = new LinkedHashMap<>();
        List<String> applicantIds = new ArrayList<>();
        for (int a = 0; a < applicants; a++) {
            String id = String.format("a%02d", a);
            applicantIds.add(id);
            List<String> shuffled = new ArrayList<>(offerIds);
            Collections.shuffle(shuffled, random);
            preferences.put(id, List.copyOf(shuffled.subList(0, random.nextInt(Math.min(3, offers) + 1))));
        }
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        for (String offer : offerIds) {
            List<String> order = new ArrayList<>(applicantIds);
            Collections.shuffle(order, random);
            Map<String, Integer> rank = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                if (random.nextInt(10) > 0) {
                    rank.put(order.get(i), i + 1);
                }
            }
            ranks.put(offer, rank);
        }
        return new Instance(preferences, capacities, ranks);
    }

    @Property(tries = 500)
    void placementsAreStableAndWithinCapacity(@ForAll("instances") Instance instance) {
        Map<String, StableMatching.Outcome<String, String>> result = new StableMatching<>(instance.preferences(), instance.capacities(),
                instance.ranks()).run();
        Map<String, List<String>> holders = new HashMap<>();
        result.forEach((applicant, outcome) -> {
            if (outcome.placed() != null) {
                holders.computeIfAbsent(outcome.placed(), o -> new ArrayList<>()).add(applicant);
                assertThat(instance.preferences().get(applicant)).as("only offers the applicant chose").contains(outcome.placed());
                assertThat(instance.ranks().get(outcome.placed())).as("only applicants the host accepts").containsKey(applicant);
                assertThat(instance.preferences().get(applicant).indexOf(outcome.placed()) + 1).isEqualTo(outcome.choice());
            }
        });
        holders.forEach((offer, placed) -> assertThat(placed.size()).isLessThanOrEqualTo(instance.capacities().get(offer)));
        // No blocking pair: nobody prefers an offer that accepts them and has a free place or holds someone its host ranks lower.
        result.forEach((applicant, outcome) -> {
            List<String> wanted = instance.preferences().get(applicant);
            List<String> better = outcome.placed() == null ? wanted : wanted.subList(0, wanted.indexOf(outcome.placed()));
            for (String offer : better) {
                Integer rank = instance.ranks().get(offer).get(applicant);
                if (rank == null) {
                    continue;
                }
                List<String> held = holders.getOrDefault(offer, List.of());
                assertThat(held.size()).as("%s would take %s: it has a free place", offer, applicant)
                        .isEqualTo(instance.capacities().get(offer));
                assertThat(held).as("%s would rather have %s than whom it holds", offer, applicant)
                        .allMatch(h -> instance.ranks().get(offer).get(h) < rank);
                assertThat(outcome.heldBy().get(offer)).as("the explanation names who held it").containsExactlyInAnyOrderElementsOf(held);
            }
        });
    }

    @Example
    void aWorkedExampleWithReasons() {
        // Two places at Helsinki, one at Barcelona. Ana and Bo want Helsinki first; its host ranks Bo, Cy, Ana.
        Map<String, List<String>> preferences = Map.of("ana", List.of("helsinki", "barcelona"), "bo", List.of("helsinki"),
                "cy", List.of("helsinki", "barcelona"));
        Map<String, Integer> capacities = Map.of("helsinki", 2, "barcelona", 1);
        Map<String, Map<String, Integer>> ranks = Map.of("helsinki", Map.of("bo", 1, "cy", 2, "ana", 3),
                "barcelona", Map.of("ana", 1, "cy", 2));
        var result = new StableMatching<>(preferences, capacities, ranks).run();
        assertThat(result.get("bo").placed()).isEqualTo("helsinki");
        assertThat(result.get("cy").placed()).isEqualTo("helsinki");
        assertThat(result.get("ana").placed()).isEqualTo("barcelona");
        assertThat(result.get("ana").choice()).isEqualTo(2);
        assertThat(result.get("ana").heldBy().get("helsinki")).containsExactly("bo", "cy");
    }
}
