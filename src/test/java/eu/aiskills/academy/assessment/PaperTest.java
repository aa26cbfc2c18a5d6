package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Drawing papers: every learner gets a valid quiz, and the same seed always gives the same quiz. */
class PaperTest {

    @Property(tries = 300)
    void everyPaperIsAValidQuizOfTheBank(@ForAll("banks") List<Question> bank, @ForAll @IntRange(min = 1, max = 30) int count,
                                         @ForAll boolean shuffle, @ForAll long seed) {
        Paper paper = Paper.draw(bank, count, shuffle, seed);
        assertThat(paper.entries()).hasSize(Math.min(count, bank.size()));
        Set<String> keys = new HashSet<>();
        for (Paper.Entry entry : paper.entries()) {
            assertThat(bank).contains(entry.question());
            assertThat(keys.add(entry.question().key())).as("no question twice").isTrue();
            assertThat(entry.shown()).containsExactlyInAnyOrderElementsOf(keysOf(entry.question()));
            if (entry.question() instanceof Question.Ordering ordering) {
                assertThat(entry.shown()).as("never shown in the right order")
                        .isNotEqualTo(ordering.items().stream().map(Question.Item::key).toList());
            }
        }
        if (!shuffle) {
            List<Integer> positions = paper.entries().stream().map(e -> bank.indexOf(e.question())).toList();
            assertThat(positions).isSorted();
        }
    }

    @Property(tries = 200)
    void theSameSeedGivesTheSamePaper(@ForAll("banks") List<Question> bank, @ForAll @IntRange(min = 1, max = 30) int count,
                                      @ForAll long seed) {
        assertThat(Paper.draw(bank, count, true, seed)).isEqualTo(Paper.draw(bank, count, true, seed));
    }

    @Property(tries = 50)
    void seedsSpreadTheDraw(@ForAll("banks") List<Question> bank) {
        Set<List<String>> drawn = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            drawn.add(Paper.draw(bank, 2, true, seed).entries().stream().map(e -> e.question().key()).toList());
        }
        assertThat(drawn.size()).as("forty seeds give more than one paper").isGreaterThan(bank.size() >= 3 ? 1 : 0);
    }

    @Provide
    Arbitrary<List<Question>> banks() {
        return Arbitraries.integers().between(1, 25).flatMap(size -> Arbitraries.integers().between(0, 6).list().ofSize(size)
                .map(kinds -> {
                    List<Question> bank = new ArrayList<>();
                    for (int i = 0; i < kinds.size(); i++) {
                        bank.add(question("q" + i, kinds.get(i), 2 + i % 4));
                    }
                    return bank;
                }));
    }

    private static Question question(String key, int kind, int size) {
        List<Question.Option> options = IntStream.range(0, size).mapToObj(i -> new Question.Option("o" + i, "Option " + i, i == 0, null))
                .toList();
        return switch (kind) {
            case 0 -> new Question.SingleChoice(key, "Pick", 1, null, options);
            case 1 -> new Question.MultipleChoice(key, "Pick all", 2, null, options);
            case 2 -> new Question.TrueFalse(key, "True?", 1, null, true);
            case 3 -> new Question.Numeric(key, "How many?", 1, null, BigDecimal.TEN, BigDecimal.ONE);
            case 4 -> new Question.ShortText(key, "Name", 1, null, List.of("x"), null, false);
            case 5 -> new Question.Matching(key, "Match", 3, null, IntStream.range(0, size)
                    .mapToObj(i -> new Question.Pair("p" + i, "Left " + i, "Right " + i)).toList());
            default -> new Question.Ordering(key, "Order", 2, null, IntStream.range(0, size)
                    .mapToObj(i -> new Question.Item("i" + i, "Item " + i)).toList());
        };
    }

    private static List<String> keysOf(Question question) {
        return switch (question) {
            case Question.SingleChoice q -> q.options().stream().map(Question.Option::key).toList();
            case Question.MultipleChoice q -> q.options().stream().map(Question.Option::key).toList();
            case Question.Matching q -> q.pairs().stream().map(Question.Pair::key).toList();
            case Question.Ordering q -> q.items().stream().map(Question.Item::key).toList();
            default -> List.of();
        };
    }
}
