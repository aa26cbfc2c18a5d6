package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import eu.aiskills.academy.assessment.internal.QuizStore;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.enrolment.CredentialSummary;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestAssignments;
import eu.aiskills.academy.testsupport.TestQuizzes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Quizzes on MariaDB with the demo course's content: attempts drawn and saved as the learner
 * goes, graded once however many tabs submit, the server's deadline submitting what stood, and
 * passing quizzes completing their lessons (and the course).
 */
@AcademyTest
class QuizzesTest {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String COURSE = "generative-ai-foundations";
    private static final String QUIZ = "how-language-models-work";

    @Autowired
    Quizzes quizzes;
    @Autowired
    QuizStore store;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Enrolments enrolments;
    @Autowired
    LessonProgress progress;
    @Autowired
    Credentials credentials;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    private String learner;
    private CourseDetail course;

    @BeforeEach
    void anEnrolledLearner() {
        learner = KaribuSupport.person(context, "quiz-learner-" + COUNT.incrementAndGet() + "-" + UUID.randomUUID() + "@academy.test",
                "Quinn Quiz", Role.STUDENT);
        course = catalogue.publishedCourse(COURSE).orElseThrow();
        KaribuSupport.as(context, learner, () -> enrolments.enrol(course.runs().getFirst().id()));
    }

    @Test
    void theDemoQuizzesAreImportedWithTheirLessons() {
        Quiz quiz = quizzes.quiz(QUIZ).orElseThrow();
        assertThat(quiz.questions()).isEqualTo(6);
        assertThat(quiz.passMark()).isEqualByComparingTo("70");
        assertThat(quiz.attemptsAllowed()).isEqualTo(3);
        assertThat(quiz.timeLimit()).hasMinutes(15);
        assertThat(quizzes.ofLesson(COURSE, "how-language-models-work")).extracting(Quiz::slug).containsExactly(QUIZ);
        assertThat(course.lessons()).extracting(LessonSummary::completion)
                .containsExactly(LessonCompletion.READ, LessonCompletion.QUIZ, LessonCompletion.ASSIGNMENT, LessonCompletion.QUIZ);
        assertThat(course.lessons()).extracting(LessonSummary::weight).containsExactly(1, 1, 2, 1);
    }

    @Test
    void aLearnerFailsThenPassesAndTheQuizzesCompleteTheirLessonsAndTheCourse() throws Exception {
        KaribuSupport.signIn(context, learner);
        LearnerCourse seat = enrolments.seatIn(course.summary().id()).orElseThrow();
        LessonSummary quizLesson = course.lessons().get(1);
        assertThatThrownBy(() -> progress.markLesson(seat.id(), quizLesson.id(), true)).as("a quiz lesson is not marked done by hand")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("enrolment.quiz-lesson"));

        Attempt first = quizzes.start(QUIZ);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.questions()).hasSize(6);
        assertThat(first.deadline()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        assertThat(quizzes.start(QUIZ).id()).as("a second tab gets the attempt under way").isEqualTo(first.id());
        Paper paper = store.attempt(first.id()).orElseThrow().paper();
        for (Paper.Entry entry : paper.entries().subList(0, 2)) {
            assertThat(quizzes.save(first.id(), entry.question().key(), TestQuizzes.wrong(entry.question())).timeUp()).isFalse();
        }
        Attempt resumed = quizzes.attempt(first.id());
        assertThat(resumed.answers()).as("answers saved as the learner went").hasSize(2);
        assertThatThrownBy(() -> quizzes.save(first.id(), "no-such-question", List.of("a")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("quiz.no-such-question"));
        assertThatThrownBy(() -> quizzes.save(first.id(), paper.entries().getFirst().question().key(), List.of("x".repeat(501))))
                .isInstanceOf(UserFacingException.class);

        Attempt failed = quizzes.submit(first.id());
        assertThat(failed.result().score()).isEqualByComparingTo("0");
        assertThat(failed.result().passed()).isFalse();
        assertThat(failed.result().submittedBy()).isEqualTo("learner");
        assertThat(failed.result().answersShown()).as("shown after each attempt").isTrue();
        assertThat(failed.result().questions()).allSatisfy(m -> assertThat(m.rightAnswer()).isNotBlank());
        assertThatThrownBy(() -> quizzes.save(first.id(), paper.entries().getFirst().question().key(), TestQuizzes.right(paper.entries().getFirst()
                .question()))).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("quiz.submitted"));
        assertThat(enrolments.seatIn(course.summary().id()).orElseThrow().lessonsDone()).doesNotContain(quizLesson.id());

        Attempt second = quizzes.start(QUIZ);
        assertThat(second.number()).isEqualTo(2);
        for (Paper.Entry entry : store.attempt(second.id()).orElseThrow().paper().entries()) {
            quizzes.save(second.id(), entry.question().key(), TestQuizzes.right(entry.question()));
        }
        // Two tabs (or a double click) submit at once: one graded attempt, the same result for both.
        List<Attempt> racing = Race.run(2, i -> () -> KaribuSupport.as(context, learner, () -> quizzes.submit(second.id())));
        assertThat(racing).extracting(a -> a.result().score().toPlainString()).containsExactly("100.00", "100.00");
        assertThat(racing.get(0).result().submittedAt()).isEqualTo(racing.get(1).result().submittedAt());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE q.slug = ?"
                + " AND a.learner_id = (SELECT id FROM account WHERE email = ?) AND a.submitted_at IS NOT NULL", Integer.class, QUIZ, learner))
                .isEqualTo(2);
        assertThat(enrolments.seatIn(course.summary().id()).orElseThrow().lessonsDone()).contains(quizLesson.id());
        assertThat(quizzes.overview(QUIZ).passed()).isTrue();
        assertThat(quizzes.overview(QUIZ).attemptsLeft()).isEqualTo(1);

        // The rest of the course: the first lesson read, the evaluation plan passed, the AI Act quiz passed: the course is complete.
        progress.recordRead(course.summary().id(), course.lessons().get(0).id());
        assertThat(TestAssignments.pass(context, "evaluation-plan").passed()).isTrue();
        assertThat(enrolments.seatIn(course.summary().id()).orElseThrow().status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(TestQuizzes.pass(context, "responsible-generative-ai").result().passed()).isTrue();
        assertThat(enrolments.seatIn(course.summary().id()).orElseThrow().status()).isEqualTo(EnrolmentStatus.COMPLETED);

        // The credential carries its evidence in the order it was graded: both quizzes and the assignment with their scores,
        // and the lesson the learner read.
        CredentialSummary credential = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> KaribuSupport.as(context, learner, credentials::mine).stream()
                        .filter(c -> c.achievementName().equals(course.summary().title())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        tools.jackson.databind.JsonNode evidence = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(credentials.json(credential.id())).path("evidence");
        assertThat(evidence).extracting(e -> e.path("genre").asString()).containsExactly("Quiz", "Assignment", "Quiz", "Self-declared");
        assertThat(evidence.get(0).path("name").asString()).isEqualTo("Quiz: Check yourself — how language models work");
        assertThat(evidence.get(0).path("narrative").asString()).startsWith("Score 100 out of 100, graded ").contains("- attempt: 2 of 3")
                .contains("- questions: 6 drawn at random");
        assertThat(evidence.get(1).path("narrative").asString()).startsWith("Score 100 out of 100, graded ")
                .contains("- rubric: Pass checks: Objective (6 of 6 points)").contains("(on time)");
        assertThat(evidence.get(3).path("narrative").asString()).contains("What is generative AI? (opened)");
        assertThat(evidence.get(0).path("type").get(0).asString()).isEqualTo("Evidence");
        // Earned through assessed work: the course's skills are verified, and say by what.
        assertThat(credentials.attestedSkills(eu.aiskills.academy.identity.CurrentUser.requireId()))
                .isNotEmpty().allSatisfy(skill -> assertThat(skill.assessedBy())
                        .containsExactly("Quiz: Check yourself — how language models work", "Assignment: An evaluation plan for a prompt",
                                "Quiz: Check yourself — the AI Act"));
    }

    @Test
    void answersAreShownAfterTheLastAttemptWhenTheQuizSaysSo() {
        KaribuSupport.signIn(context, learner);
        Attempt first = quizzes.start("responsible-generative-ai");
        Attempt.Result result = quizzes.submit(first.id()).result();
        assertThat(result.answersShown()).isFalse();
        assertThat(result.questions()).allSatisfy(m -> {
            assertThat(m.rightAnswer()).isNull();
            assertThat(m.feedback()).isEmpty();
        });
        Attempt last = quizzes.start("responsible-generative-ai");
        assertThat(quizzes.submit(last.id()).result().answersShown()).as("the last of two attempts").isTrue();
        assertThatThrownBy(() -> quizzes.start("responsible-generative-ai")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("quiz.no-attempts-left"));
    }

    @Test
    void nobodyElseSeesOrAnswersAnAttemptAndStrangersCannotStartOne() {
        Attempt mine = KaribuSupport.as(context, learner, () -> quizzes.start(QUIZ));
        String stranger = KaribuSupport.person(context, "quiz-stranger-" + UUID.randomUUID() + "@academy.test", "Sam Stranger", Role.STUDENT);
        KaribuSupport.signIn(context, stranger);
        assertThatThrownBy(() -> quizzes.attempt(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> quizzes.save(mine.id(), mine.questions().getFirst().key(), List.of("a")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> quizzes.submit(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> quizzes.start(QUIZ)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("quiz.not-enrolled"));
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> quizzes.start(QUIZ)).isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void manyTabsStartingAtOnceGetOneAttempt() throws Exception {
        List<AttemptId> started = Race.run(6, i -> () -> KaribuSupport.as(context, learner, () -> quizzes.start(QUIZ).id()));
        assertThat(started).containsOnly(started.getFirst());
        assertThat(KaribuSupport.as(context, learner, () -> quizzes.overview(QUIZ).attempts())).hasSize(1);
    }

    @Test
    void atTheDeadlineTheAttemptIsSubmittedAsItStoodOnceWhoeverAsks() throws Exception {
        KaribuSupport.signIn(context, learner);
        Attempt attempt = quizzes.start(QUIZ);
        Paper paper = store.attempt(attempt.id()).orElseThrow().paper();
        for (Paper.Entry entry : paper.entries().subList(0, 3)) {
            quizzes.save(attempt.id(), entry.question().key(), TestQuizzes.right(entry.question()));
        }
        Instant deadline = Instant.now().minusSeconds(1);
        jdbc.update("UPDATE quiz_attempt SET deadline = ? WHERE id = ?", Timestamp.from(deadline), attempt.id().value().toString());

        Quizzes.Saved late = quizzes.save(attempt.id(), paper.entries().get(3).question().key(), TestQuizzes.right(paper.entries().get(3).question()));
        assertThat(late.timeUp()).as("an answer after the deadline is not saved").isTrue();
        Attempt graded = quizzes.attempt(attempt.id());
        assertThat(graded.answers()).hasSize(3);
        assertThat(graded.result().submittedBy()).isEqualTo("deadline");
        assertThat(java.time.Duration.between(deadline, graded.result().submittedAt()).abs()).as("graded as of its deadline")
                .isLessThan(java.time.Duration.ofMillis(1));
        int points = paper.points();
        int earned = paper.entries().subList(0, 3).stream().mapToInt(e -> e.question().points()).sum();
        assertThat(graded.result().score()).isEqualByComparingTo(new java.math.BigDecimal(earned * 100.0 / points)
                .setScale(2, java.math.RoundingMode.HALF_UP));

        // A tab closed on a timed attempt: the sweep submits it, once, however many instances sweep at the same moment.
        Attempt next = quizzes.start(QUIZ);
        jdbc.update("UPDATE quiz_attempt SET deadline = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                next.id().value().toString());
        SecurityContextHolder.clearContext();
        List<Integer> swept = Race.run(3, i -> () -> SystemActor.call(quizzes::submitOverdue));
        assertThat(jdbc.queryForObject("SELECT submitted_by FROM quiz_attempt WHERE id = ?", String.class, next.id().value().toString()))
                .isEqualTo("deadline");
        assertThat(swept.stream().mapToInt(Integer::intValue).sum()).as("three sweeps at once: the attempt submitted by one").isEqualTo(1);
        assertThat(KaribuSupport.as(context, learner, () -> quizzes.submit(next.id()).result().submittedBy())).isEqualTo("deadline");
    }
}
