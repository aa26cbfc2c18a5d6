package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One question of a bank, with its answer, in one of seven kinds. A learner's response is a list
 * of strings whose meaning depends on the kind (an option's key, "true", a number, a text, or
 * keys in order); {@link #credit} is the share of the question's points it earns, from 0 to 1.
 * Every kind has a {@code key} (unique in its bank), a {@code prompt} (Markdown), its
 * {@code points} and general {@code feedback} (may be null).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Question.SingleChoice.class, name = "single"),
        @JsonSubTypes.Type(value = Question.MultipleChoice.class, name = "multiple"),
        @JsonSubTypes.Type(value = Question.TrueFalse.class, name = "true-false"),
        @JsonSubTypes.Type(value = Question.Numeric.class, name = "numeric"),
        @JsonSubTypes.Type(value = Question.ShortText.class, name = "text"),
        @JsonSubTypes.Type(value = Question.Matching.class, name = "matching"),
        @JsonSubTypes.Type(value = Question.Ordering.class, name = "ordering")})
public sealed interface Question {

    /** The longest response text accepted for one question (a longer one earns nothing). */
    int RESPONSE_MAX_CHARS = 500;

    String key();

    String prompt();

    int points();

    String feedback();

    /** The share of the points the response earns, 0 to 1; a response of the wrong shape earns 0. */
    double credit(List<String> response);

    /** The options of a choice question (single or multiple); none for the other kinds. */
    default List<Option> options() {
        return List.of();
    }

    /** A choice of a single- or multiple-choice question; {@code feedback} is shown to a learner who chose it. */
    record Option(String key, String text, Boolean correct, String feedback) {
        public Option {
            correct = Boolean.TRUE.equals(correct);
        }
    }

    /** A pair of a matching question: the learner matches each {@code prompt} with its {@code match}. */
    record Pair(String key, String prompt, String match) {
    }

    /** An item of an ordering question. */
    record Item(String key, String text) {
    }

    /** Exactly one option is correct; the response is its key. */
    record SingleChoice(String key, String prompt, int points, String feedback, List<Option> options) implements Question {
        public SingleChoice {
            options = List.copyOf(options);
        }

        @Override
        public double credit(List<String> response) {
            return response.size() == 1 && options.stream().anyMatch(o -> o.correct() && o.key().equals(response.getFirst())) ? 1 : 0;
        }
    }

    /**
     * Any number of options are correct; the response is the keys chosen. Each correct option
     * chosen earns its share, each wrong one chosen takes a share of the wrong ones away (never
     * below 0), as Moodle's multiple-answer questions do: choosing everything earns nothing.
     */
    record MultipleChoice(String key, String prompt, int points, String feedback, List<Option> options) implements Question {
        public MultipleChoice {
            options = List.copyOf(options);
        }

        @Override
        public double credit(List<String> response) {
            Set<String> chosen = new HashSet<>(response);
            if (chosen.size() != response.size() || chosen.stream().anyMatch(k -> options.stream().noneMatch(o -> o.key().equals(k)))) {
                return 0;
            }
            long correct = options.stream().filter(Option::correct).count();
            long wrong = options.size() - correct;
            long right = options.stream().filter(o -> o.correct() && chosen.contains(o.key())).count();
            long mistaken = options.stream().filter(o -> !o.correct() && chosen.contains(o.key())).count();
            double credit = (correct == 0 ? 0 : (double) right / correct) - (wrong == 0 ? 0 : (double) mistaken / wrong);
            return Math.max(0, credit);
        }
    }

    /** A statement that is true or false; the response is "true" or "false". */
    record TrueFalse(String key, String prompt, int points, String feedback, Boolean answer) implements Question {
        @Override
        public double credit(List<String> response) {
            return answer != null && response.size() == 1 && answer.toString().equals(response.getFirst()) ? 1 : 0;
        }
    }

    /** A number, right within {@code tolerance} (inclusive); the response may use a decimal comma. */
    record Numeric(String key, String prompt, int points, String feedback, BigDecimal answer, BigDecimal tolerance) implements Question {

        private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?\\d{1,18}(?:[.,]\\d{1,18})?");
        public Numeric {
            tolerance = tolerance == null ? BigDecimal.ZERO : tolerance.abs();
        }

        @Override
        public double credit(List<String> response) {
            BigDecimal given = number(response);
            return given != null && given.subtract(answer).abs().compareTo(tolerance) <= 0 ? 1 : 0;
        }

        /** The response as a number, or null when it is not one. */
        public static BigDecimal number(List<String> response) {
            if (response.size() != 1 || response.getFirst() == null || response.getFirst().length() > 40) {
                return null;
            }
            String text = response.getFirst().strip().replace('\u2212', '-').replace(" ", "");
            // Plain decimals only: an exponent ("1e999999999") would make the subtraction explode.
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                return null;
            }
            return new BigDecimal(text.replace(',', '.'));
        }
    }

    /**
     * A short text: right when, with spaces around and between words tidied, it equals one of
     * {@code accepted} or matches {@code pattern} (a Java regular expression over the whole
     * text); letter case counts only when {@code caseSensitive}.
     */
    record ShortText(String key, String prompt, int points, String feedback, List<String> accepted, String pattern,
                     Boolean caseSensitive) implements Question {
        public ShortText {
            caseSensitive = Boolean.TRUE.equals(caseSensitive);
            accepted = accepted == null ? List.of() : List.copyOf(accepted);
            if (pattern != null) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("pattern of question " + key + " is not a regular expression: " + e.getDescription());
                }
            }
        }

        @Override
        public double credit(List<String> response) {
            if (response.size() != 1 || response.getFirst() == null || response.getFirst().length() > RESPONSE_MAX_CHARS) {
                return 0;
            }
            String given = tidy(response.getFirst());
            boolean listed = accepted.stream().map(ShortText::tidy).anyMatch(a -> caseSensitive ? a.equals(given) : a.equalsIgnoreCase(given));
            boolean matched = pattern != null
                    && Pattern.compile(pattern, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(given).matches();
            return listed || matched ? 1 : 0;
        }

        private static String tidy(String text) {
            return text.strip().replaceAll("\\s+", " ");
        }
    }

    /**
     * Prompts to match with answers; the response holds "pairKey=matchedPairKey" for each prompt.
     * Each right match earns its share.
     */
    record Matching(String key, String prompt, int points, String feedback, List<Pair> pairs) implements Question {
        public Matching {
            pairs = List.copyOf(pairs);
        }

        @Override
        public double credit(List<String> response) {
            Set<String> seen = new HashSet<>();
            long right = 0;
            for (String match : response) {
                String[] parts = match == null ? new String[0] : match.split("=", 2);
                if (parts.length != 2 || !seen.add(parts[0])) {
                    return 0;
                }
                if (parts[0].equals(parts[1]) && pairs.stream().anyMatch(p -> p.key().equals(parts[0]))) {
                    right++;
                }
            }
            return pairs.isEmpty() ? 0 : (double) right / pairs.size();
        }
    }

    /** Items to put in order ({@code items} are in the right order); each item in its right place earns its share. */
    record Ordering(String key, String prompt, int points, String feedback, List<Item> items) implements Question {
        public Ordering {
            items = List.copyOf(items);
        }

        @Override
        public double credit(List<String> response) {
            if (response.size() != items.size() || new HashSet<>(response).size() != items.size()) {
                return 0;
            }
            long placed = 0;
            for (int i = 0; i < items.size(); i++) {
                placed += items.get(i).key().equals(response.get(i)) ? 1 : 0;
            }
            return (double) placed / items.size();
        }
    }

    /** The kind's name as content files write it. */
    static String kind(Question question) {
        return switch (question) {
            case SingleChoice q -> "single";
            case MultipleChoice q -> "multiple";
            case TrueFalse q -> "true-false";
            case Numeric q -> "numeric";
            case ShortText q -> "text";
            case Matching q -> "matching";
            case Ordering q -> "ordering";
        };
    }
}
