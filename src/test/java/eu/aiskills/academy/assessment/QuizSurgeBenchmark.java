package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import eu.aiskills.academy.assessment.internal.QuizContentImport;
import eu.aiskills.academy.assessment.internal.QuizStore;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.testsupport.BenchmarkReport.Latencies;
import eu.aiskills.academy.testsupport.BenchmarkReport;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.Surge;
import eu.aiskills.academy.testsupport.TestCourses;
import eu.aiskills.academy.testsupport.TestQuizzes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 2,000 learners take a 20-question quiz on MariaDB: each starts an attempt and saves 20
 * answers, then every learner submits from two tabs at the same instant. Checks that every
 * attempt is graded once (both tabs get the same grading) and no answer is lost, that the
 * submissions are all graded within a minute, and reports grading latency beside the database's
 * own cost of the same guard (lock the attempt's row, update it) in the same run.
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class QuizSurgeBenchmark {

    static final int LEARNERS = Integer.getInteger("bench.quiz.learners", 2_000);
    static final int QUESTIONS = 20;
    static final int THREADS = Integer.getInteger("bench.quiz.threads", 32);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Quizzes quizzes;
    @Autowired
    QuizStore store;
    @Autowired
    QuizContentImport imports;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path courses;
    @TempDir
    Path assessment;

    @Test
    void twoThousandLearnersSubmitATwentyQuestionQuiz() throws Exception {
        new TestCourses(courses, context).course("quiz-surge").lessons(1).quizLastLesson().capacity(LEARNERS + 10)
                .instructor("nobody@example.org").create();
        CourseRun run = catalogue.publishedCourse("quiz-surge").orElseThrow().runs().getFirst();
        writeQuiz();
        imports.importAll(assessment.toUri().toString());
        List<Authentication> learners = Surge.learners(jdbc, users, "quiz-surge", LEARNERS);
        Surge.Measured enrolled = Surge.race(learners, THREADS, learner -> enrolments.enrol(run.id()));
        assertThat(enrolled.failures()).isZero();

        Map<String, AttemptId> attempts = new ConcurrentHashMap<>();
        Surge.Measured started = Surge.race(learners, THREADS, learner -> attempts.put(learner.getName(), quizzes.start("surge-quiz").id()));
        List<Long> saveNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        // Every other learner gets the first question wrong: about half pass (and complete the course), all are graded.
        java.util.Set<String> careless = java.util.stream.IntStream.range(0, LEARNERS).filter(i -> i % 2 == 0)
                .mapToObj(i -> learners.get(i).getName()).collect(java.util.stream.Collectors.toSet());
        Surge.Measured answered = Surge.race(learners, THREADS, learner -> {
            AttemptId id = attempts.get(learner.getName());
            int n = 0;
            for (Paper.Entry entry : store.attempt(id).orElseThrow().paper().entries()) {
                long begin = System.nanoTime();
                quizzes.save(id, entry.question().key(), n++ == 0 && careless.contains(learner.getName())
                        ? TestQuizzes.wrong(entry.question()) : TestQuizzes.right(entry.question()));
                saveNanos.add(System.nanoTime() - begin);
            }
            return null;
        });
        assertThat(started.failures() + answered.failures()).isZero();

        // Two tabs per learner submit at the same instant.
        List<Authentication> tabs = new ArrayList<>(learners);
        tabs.addAll(learners);
        java.util.Collections.shuffle(tabs, new java.util.Random(7));
        Map<String, List<String>> gradings = new ConcurrentHashMap<>();
        Surge.Measured submitted = Surge.race(tabs, THREADS, learner -> {
            Attempt.Result result = quizzes.submit(attempts.get(learner.getName())).result();
            gradings.computeIfAbsent(learner.getName(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(result.score() + "@" + result.submittedAt());
            return null;
        });
        assertThat(submitted.failures()).isZero();

        // The same guard, the database alone: lock each attempt's row and update it, one transaction each.
        Surge.Measured guard = Surge.race(learners, THREADS, learner -> transactions.execute(status -> {
            String id = attempts.get(learner.getName()).value().toString();
            jdbc.queryForObject("SELECT id FROM quiz_attempt WHERE id = ? FOR UPDATE", String.class, id);
            return jdbc.update("UPDATE quiz_attempt SET submitted_by = submitted_by WHERE id = ? AND submitted_at IS NOT NULL", id);
        }));

        int graded = jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE q.slug = 'surge-quiz'"
                + " AND a.submitted_at IS NOT NULL AND a.results IS NOT NULL", Integer.class);
        int attemptRows = jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE q.slug = 'surge-quiz'",
                Integer.class);
        int answers = jdbc.queryForObject("SELECT COUNT(*) FROM quiz_answer s JOIN quiz_attempt a ON a.id = s.attempt_id JOIN quiz q"
                + " ON q.id = a.quiz_id WHERE q.slug = 'surge-quiz'", Integer.class);
        int passed = jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE q.slug = 'surge-quiz'"
                + " AND a.passed", Integer.class);
        assertThat(attemptRows).as("one attempt per learner").isEqualTo(LEARNERS);
        assertThat(graded).as("every attempt graded").isEqualTo(LEARNERS);
        assertThat(answers).as("no answer lost").isEqualTo(LEARNERS * QUESTIONS);
        assertThat(gradings).hasSize(LEARNERS).allSatisfy((learner, seen) -> {
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).as("both tabs see the one grading").isEqualTo(seen.get(1));
        });
        assertThat(submitted.seconds()).as("all submissions graded within a minute").isLessThan(60);
        assertThat(passed).as("the careful half passes").isBetween(LEARNERS / 2 - LEARNERS / 10, LEARNERS / 2 + LEARNERS / 10);

        Latencies grading = Latencies.of(submitted.nanos());
        Latencies db = Latencies.of(guard.nanos());
        Latencies save = Latencies.of(saveNanos);
        Latencies start = Latencies.of(started.nanos());
        BenchmarkReport.write("quiz", "2,000 learners submit a 20-question quiz (MariaDB)", String.format(Locale.ROOT, """
                %,d learners enrolled in one run take a quiz of %d questions (all seven kinds) through `Quizzes`, the service
                the quiz page calls, from %d threads sharing the application's connection pool (%s connections), on MariaDB
                %s through MySQL Connector/J. Each learner starts an attempt (its paper drawn and stored) and saves its
                %d answers one by one; then every learner submits from two tabs at the same instant (%,d submissions,
                shuffled). A passed quiz completes its lesson, and so the course, under the run's counter lock.

                Outcome: %,d attempts, %,d graded, %,d passed; %,d answers stored (none lost); for every learner both
                tabs got the same grading (score and time): graded once. All %,d submissions took %.1f s.

                | operation | count | per second | p50 ms | p95 ms | p99 ms | max ms |
                | --- | --- | --- | --- | --- | --- | --- |
                | start an attempt | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f |
                | save one answer | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f |
                | submit and grade (two tabs each) | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f |
                | the guard alone: lock the row, update it (database) | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f |

                Grading p95 is %.1fx the database's own guard p95 in the same run: the rest is reading the paper and
                the answers, marking, writing the result and recording the lesson's completion, which serialises on the
                run's counter row (ADR 0011) for the passing learners of one run.
                """, LEARNERS, QUESTIONS, THREADS,
                context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
                jdbc.queryForObject("SELECT VERSION()", String.class), QUESTIONS, tabs.size(),
                attemptRows, graded, passed, answers, tabs.size(), submitted.seconds(),
                started.count(), started.perSecond(), start.p50(), start.p95(), start.p99(), start.max(),
                save.count(), save.count() / answered.seconds(), save.p50(), save.p95(), save.p99(), save.max(),
                submitted.count(), submitted.perSecond(), grading.p50(), grading.p95(), grading.p99(), grading.max(),
                guard.count(), guard.perSecond(), db.p50(), db.p95(), db.p99(), db.max(), grading.p95() / db.p95()));
    }

    /** A bank of 20 questions, all seven kinds in turn, and a quiz drawing all of them. */
    private void writeQuiz() throws java.io.IOException {
        StringBuilder bank = new StringBuilder("slug: surge-bank\ncourse: quiz-surge\ntitle: Surge bank\nquestions:\n");
        for (int i = 0; i < QUESTIONS; i++) {
            String line = switch (i % 7) {
                case 0 -> "  - {kind: single, key: q%d, points: 1, prompt: Pick, options: [{key: a, text: A, correct: true}, {key: b, text: B}, {key: c, text: C}]}\n";
                case 1 -> "  - {kind: multiple, key: q%d, points: 2, prompt: Pick all, options: [{key: a, text: A, correct: true}, {key: b, text: B, correct: true}, {key: c, text: C}]}\n";
                case 2 -> "  - {kind: true-false, key: q%d, points: 1, prompt: True?, answer: true}\n";
                case 3 -> "  - {kind: numeric, key: q%d, points: 1, prompt: How many?, answer: 42, tolerance: 0.5}\n";
                case 4 -> "  - {kind: text, key: q%d, points: 1, prompt: Name it, accepted: [gradient descent]}\n";
                case 5 -> "  - {kind: matching, key: q%d, points: 3, prompt: Match, pairs: [{key: a, prompt: A, match: '1'}, {key: b, prompt: B, match: '2'}, {key: c, prompt: C, match: '3'}]}\n";
                default -> "  - {kind: ordering, key: q%d, points: 2, prompt: Order, items: [{key: a, text: one}, {key: b, text: two}, {key: c, text: three}]}\n";
            };
            bank.append(line.formatted(i));
        }
        Files.createDirectories(assessment.resolve("banks"));
        Files.createDirectories(assessment.resolve("quizzes"));
        Files.writeString(assessment.resolve("banks/surge-bank.yaml"), bank.toString());
        Files.writeString(assessment.resolve("quizzes/surge-quiz.yaml"), """
                slug: surge-quiz
                title: Surge quiz
                course: quiz-surge
                lesson: lesson-1
                bank: surge-bank
                passMark: 97
                attempts: 1
                timeLimitMinutes: 30
                """);
    }
}
