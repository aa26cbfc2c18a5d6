package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Marks a paper against its answers: each question earns its points times its credit (two
 * decimals), the score is the points earned out of all points, out of 100 (two decimals, half
 * up); a question without an answer earns nothing. Feedback is the question's own and that of
 * the options the learner chose; the right answer is written for people to read.
 */
final class QuizMarking {

    private QuizMarking() {
    }

    /** The marks of every question, in the paper's order. */
    static List<Attempt.Marked> mark(Paper paper, Map<String, List<String>> answers) {
        List<Attempt.Marked> marks = new ArrayList<>();
        for (Paper.Entry entry : paper.entries()) {
            Question question = entry.question();
            List<String> response = answers.getOrDefault(question.key(), List.of());
            BigDecimal earned = BigDecimal.valueOf(question.credit(response)).multiply(BigDecimal.valueOf(question.points()))
                    .setScale(2, RoundingMode.HALF_UP);
            marks.add(new Attempt.Marked(question.key(), earned, question.points(), feedback(question, response), rightAnswer(question)));
        }
        return marks;
    }

    /** The score out of 100 of these marks. */
    static BigDecimal score(List<Attempt.Marked> marks) {
        int points = marks.stream().mapToInt(Attempt.Marked::points).sum();
        BigDecimal earned = marks.stream().map(Attempt.Marked::earned).reduce(BigDecimal.ZERO, BigDecimal::add);
        return points == 0 ? BigDecimal.ZERO.setScale(2)
                : earned.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(points), 2, RoundingMode.HALF_UP);
    }

    /** The marks without what the quiz does not show yet (feedback and right answers). */
    static List<Attempt.Marked> withoutAnswers(List<Attempt.Marked> marks) {
        return marks.stream().map(m -> new Attempt.Marked(m.key(), m.earned(), m.points(), List.of(), null)).toList();
    }

    private static List<String> feedback(Question question, List<String> response) {
        List<String> feedback = new ArrayList<>();
        question.options().stream().filter(o -> response.contains(o.key()) && o.feedback() != null && !o.feedback().isBlank())
                .forEach(o -> feedback.add(o.feedback().strip()));
        if (question.feedback() != null && !question.feedback().isBlank()) {
            feedback.add(question.feedback().strip());
        }
        return feedback;
    }

    static String rightAnswer(Question question) {
        return switch (question) {
            case Question.SingleChoice q -> correctTexts(q);
            case Question.MultipleChoice q -> correctTexts(q);
            case Question.TrueFalse q -> String.valueOf(q.answer());
            case Question.Numeric q -> q.answer().stripTrailingZeros().toPlainString()
                    + (q.tolerance().signum() == 0 ? "" : " ± " + q.tolerance().stripTrailingZeros().toPlainString());
            case Question.ShortText q -> q.accepted().isEmpty() ? q.pattern() : q.accepted().getFirst();
            case Question.Matching q -> q.pairs().stream().map(p -> p.prompt() + " → " + p.match()).collect(Collectors.joining("; "));
            case Question.Ordering q -> q.items().stream().map(Question.Item::text).collect(Collectors.joining(" → "));
        };
    }

    private static String correctTexts(Question question) {
        return question.options().stream().filter(Question.Option::correct).map(Question.Option::text).collect(Collectors.joining("; "));
    }

    /** A choice question's options in the order shown, without which are correct. */
    private static List<Attempt.Choice> shownOptions(Question question, List<String> shown) {
        return shown.stream().flatMap(k -> question.options().stream().filter(o -> o.key().equals(k)).findFirst().stream())
                .map(o -> new Attempt.Choice(o.key(), o.text())).toList();
    }

    /** The question as a learner sees it: no answers, choices in the paper's order. */
    static Attempt.Shown shown(Paper.Entry entry) {
        Question question = entry.question();
        List<Attempt.Choice> choices = new ArrayList<>();
        List<Attempt.Choice> prompts = new ArrayList<>();
        switch (question) {
            case Question.SingleChoice q -> choices.addAll(shownOptions(q, entry.shown()));
            case Question.MultipleChoice q -> choices.addAll(shownOptions(q, entry.shown()));
            case Question.Matching q -> {
                q.pairs().forEach(p -> prompts.add(new Attempt.Choice(p.key(), p.prompt())));
                entry.shown().forEach(k -> q.pairs().stream().filter(p -> p.key().equals(k)).findFirst()
                        .ifPresent(p -> choices.add(new Attempt.Choice(p.key(), p.match()))));
            }
            case Question.Ordering q -> entry.shown().forEach(k -> q.items().stream().filter(i -> i.key().equals(k)).findFirst()
                    .ifPresent(i -> choices.add(new Attempt.Choice(i.key(), i.text()))));
            case Question.TrueFalse q -> {
            }
            case Question.Numeric q -> {
            }
            case Question.ShortText q -> {
            }
        }
        return new Attempt.Shown(question.key(), Question.kind(question), question.prompt(), question.points(), choices, prompts);
    }
}
