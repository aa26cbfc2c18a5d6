package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a quiz and its questions sound, for the content files and the course editor alike:
 * each problem is a message key (with its arguments) of the translation bundles, so the editor
 * shows it in the instructor's language and a content import names it in English.
 */
public final class QuizRules {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{1,80}$");
    public static final int PROMPT_MAX = 4000;
    public static final int OPTIONS_MAX = 12;

    /** One problem: the form field it belongs to ({@code questions} for a question's), its message key and arguments. */
    public record Problem(String field, String key, List<Object> arguments) {

        public static Problem of(String field, String key, Object... arguments) {
            return new Problem(field, key, List.of(arguments));
        }
    }

    private QuizRules() {
    }

    /** The problems of a quiz's settings (title, questions drawn, pass mark, attempts, time limit). */
    public static List<Problem> settings(String title, Integer draw, BigDecimal passMark, Integer attempts, Integer timeLimitMinutes) {
        List<Problem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.strip().length() > QuizDraft.TITLE_MAX || title.chars().anyMatch(Character::isISOControl)) {
            problems.add(Problem.of("title", "quiz.problem.title", QuizDraft.TITLE_MAX));
        }
        if (draw != null && draw < 1) {
            problems.add(Problem.of("draw", "quiz.problem.draw"));
        }
        if (passMark == null || passMark.signum() <= 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(Problem.of("passMark", "quiz.problem.pass-mark"));
        }
        if (attempts != null && (attempts < 1 || attempts > 100)) {
            problems.add(Problem.of("attempts", "quiz.problem.attempts"));
        }
        if (timeLimitMinutes != null && (timeLimitMinutes < 1 || timeLimitMinutes > 600)) {
            problems.add(Problem.of("timeLimitMinutes", "quiz.problem.time-limit"));
        }
        return problems;
    }

    /** The problems of a bank's questions, each naming the question by its place (1 for the first). */
    public static List<Problem> questions(List<Question> questions) {
        List<Problem> problems = new ArrayList<>();
        if (questions == null || questions.isEmpty() || questions.size() > QuizDraft.QUESTIONS_MAX) {
            problems.add(Problem.of("questions", "quiz.problem.no-questions", QuizDraft.QUESTIONS_MAX));
            return problems;
        }
        Set<String> keys = new HashSet<>();
        int number = 0;
        for (Question question : questions) {
            number++;
            if (question.key() == null || !KEY.matcher(question.key()).matches()) {
                problems.add(Problem.of("questions", "quiz.problem.key", number));
            } else if (!keys.add(question.key())) {
                problems.add(Problem.of("questions", "quiz.problem.key-twice", number, question.key()));
            }
            problems.addAll(question(number, question));
        }
        return problems;
    }

    /** The problems of one question (its key aside), as question {@code number}. */
    public static List<Problem> question(int number, Question question) {
        List<Problem> problems = new ArrayList<>();
        if (question.prompt() == null || question.prompt().isBlank() || question.prompt().length() > PROMPT_MAX) {
            problems.add(Problem.of("questions", "quiz.problem.prompt", number, PROMPT_MAX));
        }
        if (question.points() < 1 || question.points() > 100) {
            problems.add(Problem.of("questions", "quiz.problem.points", number));
        }
        kind(question).ifPresent(key -> problems.add(Problem.of("questions", key, number)));
        return problems;
    }

    private static java.util.Optional<String> kind(Question question) {
        String problem = switch (question) {
            case Question.SingleChoice q -> !optionsSound(q.options()) ? "quiz.problem.options"
                    : q.options().stream().filter(Question.Option::correct).count() != 1 ? "quiz.problem.single" : null;
            case Question.MultipleChoice q -> !optionsSound(q.options()) ? "quiz.problem.options"
                    : q.options().stream().noneMatch(Question.Option::correct) ? "quiz.problem.multiple" : null;
            case Question.TrueFalse q -> q.answer() == null ? "quiz.problem.true-false" : null;
            case Question.Numeric q -> q.answer() == null ? "quiz.problem.numeric" : null;
            case Question.ShortText q -> q.accepted().stream().allMatch(String::isBlank) && (q.pattern() == null || q.pattern().isBlank())
                    ? "quiz.problem.text" : null;
            case Question.Matching q -> q.pairs().size() < 2 || q.pairs().stream().anyMatch(p -> blank(p.key()) || blank(p.prompt()) || blank(p.match()))
                    || q.pairs().stream().map(Question.Pair::key).distinct().count() != q.pairs().size() ? "quiz.problem.matching" : null;
            case Question.Ordering q -> q.items().size() < 2 || q.items().stream().anyMatch(i -> blank(i.key()) || blank(i.text()))
                    || q.items().stream().map(Question.Item::key).distinct().count() != q.items().size() ? "quiz.problem.ordering" : null;
        };
        return java.util.Optional.ofNullable(problem);
    }

    private static boolean optionsSound(List<Question.Option> options) {
        return options.size() >= 2 && options.size() <= OPTIONS_MAX && options.stream().noneMatch(o -> blank(o.key()) || blank(o.text()))
                && options.stream().map(Question.Option::key).distinct().count() == options.size();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
