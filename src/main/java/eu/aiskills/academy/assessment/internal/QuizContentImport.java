package eu.aiskills.academy.assessment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.assessment.AssessmentProperties;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.shared.ContentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports {@code banks/*.yaml} (a course's questions) and {@code quizzes/*.yaml} (a lesson's quiz
 * drawing from a bank) at start-up; unchanged files are left alone. A question gone from its
 * bank's file is retired, not deleted: attempts keep what they presented. A fault in a file
 * stops the start-up with what to fix, as the other content imports do.
 */
@Component
@Order(45)
public class QuizContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QuizContentImport.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{1,80}$");
    static final int PROMPT_MAX = 4000;

    record BankFile(String slug, String course, String title, List<Question> questions) {
    }

    record QuizFile(String slug, String title, String course, String lesson, String bank, Integer draw, Boolean shuffle,
                    BigDecimal passMark, Integer attempts, Integer timeLimitMinutes, Quiz.ShowAnswers showAnswers) {
    }

    private final AssessmentProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Catalogue catalogue;
    private final Clock clock;

    QuizContentImport(AssessmentProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions, Catalogue catalogue, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importContent()) {
            importAll(properties.location());
        }
    }

    /** Imports the banks, then the quizzes, under {@code location}; returns how many files changed something. */
    public int importAll(String location) {
        int changed = 0;
        Resource[] banks = ContentFiles.list(location, "banks/*.yaml");
        for (Resource file : banks) {
            changed += importBank(file) ? 1 : 0;
        }
        Resource[] quizzes = ContentFiles.list(location, "quizzes/*.yaml");
        for (Resource file : quizzes) {
            changed += importQuiz(file) ? 1 : 0;
        }
        log.info("Assessment: {} banks and {} quizzes read, {} created or changed", banks.length, quizzes.length, changed);
        return changed;
    }

    private boolean importBank(Resource file) {
        byte[] raw = ContentFiles.read(file);
        BankFile bank = ContentFiles.yaml(file, raw, BankFile.class, "Question bank");
        List<String> problems = problems(bank);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Question bank " + file.getDescription() + ": " + String.join("; ", problems));
        }
        String hash = ContentFiles.fingerprint(raw);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            List<String> existing = jdbc.queryForList("SELECT id FROM question_bank WHERE slug = ? FOR UPDATE", String.class, bank.slug());
            if (!existing.isEmpty() && jdbc.queryForObject("SELECT content_hash FROM question_bank WHERE id = ?", String.class,
                    existing.getFirst()).equals(hash)) {
                return false;
            }
            String id = existing.isEmpty() ? UUID.randomUUID().toString() : existing.getFirst();
            Timestamp now = Timestamp.from(clock.instant());
            if (existing.isEmpty()) {
                jdbc.update("INSERT INTO question_bank (id, slug, course_slug, title, content_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                        id, bank.slug(), bank.course(), bank.title().strip(), hash, now);
            } else {
                jdbc.update("UPDATE question_bank SET course_slug = ?, title = ?, content_hash = ?, updated_at = ? WHERE id = ?",
                        bank.course(), bank.title().strip(), hash, now, id);
            }
            jdbc.update("UPDATE bank_question SET retired = TRUE WHERE bank_id = ?", id);
            int position = 0;
            for (Question question : bank.questions()) {
                jdbc.update("INSERT INTO bank_question (bank_id, question_key, position, kind, points, body, retired)"
                        + " VALUES (?, ?, ?, ?, ?, ?, FALSE) ON DUPLICATE KEY UPDATE position = VALUES(position), kind = VALUES(kind),"
                        + " points = VALUES(points), body = VALUES(body), retired = FALSE", id, question.key(), ++position,
                        Question.kind(question), question.points(), QuizStore.JSON.writeValueAsString(question));
            }
            return true;
        }));
    }

    private boolean importQuiz(Resource file) {
        byte[] raw = ContentFiles.read(file);
        QuizFile quiz = ContentFiles.yaml(file, raw, QuizFile.class, "Quiz");
        List<String> problems = problems(quiz);
        List<String> bank = quiz.bank() == null ? List.of()
                : jdbc.queryForList("SELECT id FROM question_bank WHERE slug = ? AND course_slug = ?", String.class, quiz.bank(), quiz.course());
        if (bank.isEmpty()) {
            problems.add("bank must name a question bank of the same course (banks/<slug>.yaml)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Quiz " + file.getDescription() + ": " + String.join("; ", problems));
        }
        String hash = ContentFiles.fingerprint(raw);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            List<String> existing = jdbc.queryForList("SELECT content_hash FROM quiz WHERE slug = ? FOR UPDATE", String.class, quiz.slug());
            if (!existing.isEmpty() && existing.getFirst().equals(hash)) {
                return false;
            }
            Object[] values = {quiz.title().strip(), quiz.course(), quiz.lesson(), bank.getFirst(), quiz.draw() == null ? 1_000 : quiz.draw(),
                    quiz.shuffle() == null || quiz.shuffle(), quiz.passMark(), quiz.attempts() == null ? 1 : quiz.attempts(),
                    quiz.timeLimitMinutes() == null ? null : quiz.timeLimitMinutes() * 60,
                    (quiz.showAnswers() == null ? Quiz.ShowAnswers.AFTER_EACH : quiz.showAnswers()).name(), hash,
                    Timestamp.from(clock.instant()), quiz.slug()};
            if (existing.isEmpty()) {
                Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
                withId[values.length] = UUID.randomUUID().toString();
                jdbc.update("INSERT INTO quiz (title, course_slug, lesson_slug, bank_id, draw_count, shuffle, pass_mark, attempts_allowed,"
                        + " time_limit_seconds, show_answers, content_hash, updated_at, slug, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        withId);
            } else {
                jdbc.update("UPDATE quiz SET title = ?, course_slug = ?, lesson_slug = ?, bank_id = ?, draw_count = ?, shuffle = ?,"
                        + " pass_mark = ?, attempts_allowed = ?, time_limit_seconds = ?, show_answers = ?, content_hash = ?, updated_at = ?"
                        + " WHERE slug = ?", values);
            }
            return true;
        }));
    }

    private List<String> problems(QuizFile quiz) {
        List<String> problems = new ArrayList<>();
        if (quiz.slug() == null || !SLUG.matcher(quiz.slug()).matches() || quiz.slug().length() > 80) {
            problems.add("slug must be lower-case words joined by '-' (at most 80 characters)");
        }
        if (quiz.title() == null || quiz.title().isBlank() || quiz.title().length() > 200) {
            problems.add("title is required (at most 200 characters)");
        }
        CourseDetail course = quiz.course() == null ? null : catalogue.publishedCourse(quiz.course()).orElse(null);
        if (course == null) {
            problems.add("course must name a published course's slug");
        } else if (course.lessons().stream().noneMatch(l -> l.slug().equals(quiz.lesson()))) {
            problems.add("lesson must be the address of one of the course's lessons");
        }
        if (quiz.draw() != null && quiz.draw() < 1) {
            problems.add("draw is at least 1 (leave it out to use every question of the bank)");
        }
        if (quiz.passMark() == null || quiz.passMark().signum() <= 0 || quiz.passMark().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add("passMark is above 0 and at most 100");
        }
        if (quiz.attempts() != null && (quiz.attempts() < 1 || quiz.attempts() > 100)) {
            problems.add("attempts is 1 to 100");
        }
        if (quiz.timeLimitMinutes() != null && (quiz.timeLimitMinutes() < 1 || quiz.timeLimitMinutes() > 600)) {
            problems.add("timeLimitMinutes is 1 to 600 (leave it out for no limit)");
        }
        return problems;
    }

    /** What is wrong with a bank, in words an author can act on (empty: nothing). */
    static List<String> problems(BankFile bank) {
        List<String> problems = new ArrayList<>();
        if (bank.slug() == null || !SLUG.matcher(bank.slug()).matches() || bank.slug().length() > 80) {
            problems.add("slug must be lower-case words joined by '-' (at most 80 characters)");
        }
        if (bank.course() == null || !SLUG.matcher(bank.course()).matches()) {
            problems.add("course must name the course's slug");
        }
        if (bank.title() == null || bank.title().isBlank() || bank.title().length() > 200) {
            problems.add("title is required (at most 200 characters)");
        }
        if (bank.questions() == null || bank.questions().isEmpty()) {
            problems.add("questions: at least one");
            return problems;
        }
        Set<String> keys = new HashSet<>();
        for (Question question : bank.questions()) {
            String name = "question '" + question.key() + "'";
            if (question.key() == null || !KEY.matcher(question.key()).matches()) {
                problems.add("each question has a key of letters, digits, '-' or '_' (at most 80)");
            } else if (!keys.add(question.key())) {
                problems.add(name + " appears twice");
            }
            if (question.prompt() == null || question.prompt().isBlank() || question.prompt().length() > PROMPT_MAX) {
                problems.add(name + " needs a prompt (at most " + PROMPT_MAX + " characters)");
            }
            if (question.points() < 1 || question.points() > 100) {
                problems.add(name + " has 1 to 100 points");
            }
            problems.addAll(kindProblems(question).stream().map(p -> name + " " + p).toList());
        }
        return problems;
    }

    private static List<String> kindProblems(Question question) {
        List<String> problems = new ArrayList<>();
        switch (question) {
            case Question.SingleChoice q -> {
                options(q.options(), problems);
                if (q.options().stream().filter(Question.Option::correct).count() != 1) {
                    problems.add("(single) has exactly one correct option");
                }
            }
            case Question.MultipleChoice q -> {
                options(q.options(), problems);
                if (q.options().stream().noneMatch(Question.Option::correct)) {
                    problems.add("(multiple) has at least one correct option");
                }
            }
            case Question.TrueFalse q -> {
                if (q.answer() == null) {
                    problems.add("(true-false) needs its answer: true or false");
                }
            }
            case Question.Numeric q -> {
                if (q.answer() == null) {
                    problems.add("(numeric) needs its answer");
                }
            }
            case Question.ShortText q -> {
                if (q.accepted().isEmpty() && q.pattern() == null) {
                    problems.add("(text) needs accepted answers or a pattern");
                }
            }
            case Question.Matching q -> {
                if (q.pairs().size() < 2 || q.pairs().stream().anyMatch(p -> p.key() == null || p.prompt() == null || p.match() == null)
                        || q.pairs().stream().map(Question.Pair::key).distinct().count() != q.pairs().size()) {
                    problems.add("(matching) has at least two pairs, each with its own key, a prompt and a match");
                }
            }
            case Question.Ordering q -> {
                if (q.items().size() < 2 || q.items().stream().anyMatch(i -> i.key() == null || i.text() == null)
                        || q.items().stream().map(Question.Item::key).distinct().count() != q.items().size()) {
                    problems.add("(ordering) has at least two items, each with its own key and a text");
                }
            }
        }
        return problems;
    }

    private static void options(List<Question.Option> options, List<String> problems) {
        if (options.size() < 2 || options.size() > 12 || options.stream().anyMatch(o -> o.key() == null || o.text() == null || o.text().isBlank())
                || options.stream().map(Question.Option::key).distinct().count() != options.size()) {
            problems.add("has 2 to 12 options, each with its own key and a text");
        }
    }

}
