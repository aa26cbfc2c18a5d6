package eu.aiskills.academy.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * What one attempt presents: questions drawn from the quiz's bank and, for each, the order its
 * options, matches or items are shown in. It is drawn from the attempt's seed alone, so the same
 * seed always gives the same paper; the attempt stores it, so a later change to the bank never
 * changes an attempt under way or its grading.
 */
public record Paper(List<Entry> entries) {

    public Paper {
        entries = List.copyOf(entries);
    }

    /** A question and the keys of its options, matches or items in the order shown (empty for the other kinds). */
    public record Entry(Question question, List<String> shown) {
        public Entry {
            shown = List.copyOf(shown);
        }
    }

    /**
     * Draws {@code count} questions of {@code bank} (all of them when count is not below its
     * size). With {@code shuffle}, questions and options come in an order of their own per seed;
     * without, in the bank's order. Ordering questions always show their items out of order.
     */
    public static Paper draw(List<Question> bank, int count, boolean shuffle, long seed) {
        Random random = new Random(seed);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < bank.size(); i++) {
            picked.add(i);
        }
        Collections.shuffle(picked, random);
        picked = new ArrayList<>(picked.subList(0, Math.min(Math.max(count, 0), bank.size())));
        if (!shuffle) {
            picked.sort(Comparator.naturalOrder());
        }
        List<Entry> entries = new ArrayList<>();
        for (int index : picked) {
            Question question = bank.get(index);
            entries.add(new Entry(question, shown(question, shuffle, random)));
        }
        return new Paper(entries);
    }

    private static List<String> shown(Question question, boolean shuffle, Random random) {
        List<String> keys = switch (question) {
            case Question.SingleChoice q -> new ArrayList<>(q.options().stream().map(Question.Option::key).toList());
            case Question.MultipleChoice q -> new ArrayList<>(q.options().stream().map(Question.Option::key).toList());
            case Question.Matching q -> new ArrayList<>(q.pairs().stream().map(Question.Pair::key).toList());
            case Question.Ordering q -> new ArrayList<>(q.items().stream().map(Question.Item::key).toList());
            case Question.TrueFalse q -> new ArrayList<String>();
            case Question.Numeric q -> new ArrayList<String>();
            case Question.ShortText q -> new ArrayList<String>();
        };
        if (question instanceof Question.Ordering && keys.size() > 1) {
            List<String> right = List.copyOf(keys);
            do {
                Collections.shuffle(keys, random);
            } while (keys.equals(right));
        } else if (shuffle || question instanceof Question.Matching) {
            Collections.shuffle(keys, random);
        }
        return keys;
    }

    /** The points of all questions. */
    public int points() {
        return entries.stream().mapToInt(e -> e.question().points()).sum();
    }
}
