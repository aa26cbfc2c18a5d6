package eu.aiskills.academy.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.assessment.AssessmentProperties;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.QuizRules;
import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.Translations;
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

    record BankFile(String slug, String course, String title, List<Question> questions) {
    }

    record QuizFile(String slug, String title, String course, String lesson, String bank, Integer draw, Boolean shuffle,
                    BigDecimal passMark, Integer attempts, Integer timeLimitMinutes, Quiz.ShowAnswers showAnswers) {
    }

    private final AssessmentProperties properties;
    private final QuizStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Catalogue catalogue;
    private final Clock clock;

    QuizContentImport(AssessmentProperties properties, QuizStore store, JdbcTemplate jdbc, TransactionTemplate transactions,
                      Catalogue catalogue, Clock clock) {
        this.properties = properties;
        this.store = store;
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
            if (store.bankHash(bank.slug()).filter(hash::equals).isPresent()) {
                return false;
            }
            store.writeBank(bank.slug(), bank.course(), bank.title().strip(), bank.questions(), hash, clock.instant());
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
            if (store.quizHash(quiz.slug()).filter(hash::equals).isPresent()) {
                return false;
            }
            store.writeQuiz(new QuizStore.Settings(quiz.slug(), quiz.title().strip(), quiz.course(), quiz.lesson(),
                    UUID.fromString(bank.getFirst()), quiz.draw() == null ? QuizStore.DRAW_ALL : quiz.draw(),
                    quiz.shuffle() == null || quiz.shuffle(), quiz.passMark(), quiz.attempts() == null ? 1 : quiz.attempts(),
                    quiz.timeLimitMinutes(), quiz.showAnswers() == null ? Quiz.ShowAnswers.AFTER_EACH : quiz.showAnswers()), hash,
                    clock.instant());
            return true;
        }));
    }

    private List<String> problems(QuizFile quiz) {
        List<String> problems = new ArrayList<>();
        if (quiz.slug() == null || !SLUG.matcher(quiz.slug()).matches() || quiz.slug().length() > 80) {
            problems.add("slug must be lower-case words joined by '-' (at most 80 characters)");
        }
        CourseDetail course = quiz.course() == null ? null : catalogue.publishedCourse(quiz.course()).orElse(null);
        if (course == null) {
            problems.add("course must name a published course's slug");
        } else if (course.lessons().stream().noneMatch(l -> l.slug().equals(quiz.lesson()))) {
            problems.add("lesson must be the address of one of the course's lessons");
        }
        problems.addAll(english(QuizRules.settings(quiz.title(), quiz.draw(), quiz.passMark(), quiz.attempts(), quiz.timeLimitMinutes())));
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
        problems.addAll(english(QuizRules.questions(bank.questions())));
        return problems;
    }

    /** The problems as an English sentence each, for the start-up's report of a faulty file. */
    private static List<String> english(List<QuizRules.Problem> problems) {
        return problems.stream().map(p -> Translations.get(Locale.ENGLISH, p.key(), p.arguments().toArray())).toList();
    }
}
