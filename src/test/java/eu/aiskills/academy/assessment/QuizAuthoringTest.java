package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseDraft;
import eu.aiskills.academy.catalogue.CourseFormat;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CourseReviews;
import eu.aiskills.academy.catalogue.CourseRevisions;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonDraft;
import eu.aiskills.academy.catalogue.Sector;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestQuizzes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * An instructor writes a lesson's quiz in the course editor: refused with what to fix (on the
 * field), kept whole, taken as written; the course is submitted only once its quiz lesson has a
 * quiz; nothing changes in review or on the published course; a revision changes its own copy,
 * which the reviewer sees side by side and publishes (or the author discards) with the revision.
 */
@AcademyTest
class QuizAuthoringTest {

    static final String ML = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";

    @Autowired
    QuizAuthoring authoring;
    @Autowired
    Quizzes quizzes;
    @Autowired
    CourseAuthoring courses;
    @Autowired
    CourseReviews reviews;
    @Autowired
    CourseRevisions revisions;
    @Autowired
    ApplicationContext context;

    @Test
    void anInstructorWritesAQuizThatLearnersTakeAsWritten() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        CourseId course = courses.create(new CourseDraft("Quizzed " + UUID.randomUUID().toString().substring(0, 8), "A course with a quiz.",
                "Read, then check yourself.", CourseLevel.INTRODUCTORY, CourseFormat.SELF_PACED, "en", Set.of(), 2, new BigDecimal("0.1"),
                List.of("Check what you read"), Set.of(ML), Set.of(Sector.EDUCATION), Set.of(), Set.of()));
        courses.saveLesson(course, null, new LessonDraft("Reading", null, 10, true, "# Reading\n\nText.", LessonCompletion.READ, null, 1));
        courses.saveLesson(course, null, new LessonDraft("Check yourself", null, 10, true, "# Check\n\nThe quiz.", LessonCompletion.QUIZ,
                null, 1));
        String lesson = courses.authored(course).lessons().get(1).slug();
        String address = courses.authored(course).slug();

        QuizDraft fresh = authoring.draft(course, lesson);
        assertThat(fresh.title()).isEqualTo("Check yourself");
        assertThat(fresh.questions()).isEmpty();
        assertThat(authoring.existing(course, lesson)).isEmpty();
        assertThatThrownBy(() -> reviews.submitForReview(course)).as("a quiz lesson without its quiz is not submitted")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("authoring.submit.no-quiz"));

        refused(course, lesson, fresh, "questions", "quiz.problem.no-questions");
        List<Question> written = List.of(
                new Question.SingleChoice("q1", "Which model predicts the next token?", 2, "Language models do.",
                        List.of(new Question.Option("a", "A language model", true, null), new Question.Option("b", "A spreadsheet", false,
                                "It sums numbers."))),
                new Question.Numeric("q2", "How many bits in a byte?", 1, null, new BigDecimal("8"), BigDecimal.ZERO),
                new Question.Ordering("q3", "Order the steps", 1, null, List.of(new Question.Item("i1", "Tokenise"),
                        new Question.Item("i2", "Embed"), new Question.Item("i3", "Predict"))));
        refused(course, lesson, draft(fresh, new BigDecimal("0"), written), "passMark", "quiz.problem.pass-mark");
        refused(course, lesson, fresh.withQuestions(List.of(new Question.SingleChoice("q1", "Pick", 1, null, List.of(
                new Question.Option("a", "One", true, null), new Question.Option("b", "Two", true, null))))), "questions", "quiz.problem.single");
        refused(course, lesson, fresh.withQuestions(List.of(written.get(1), written.get(1))), "questions", "quiz.problem.key-twice");
        assertThat(authoring.existing(course, lesson)).as("nothing half-written is left behind").isEmpty();

        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> authoring.draft(course, lesson)).isInstanceOf(AccessDeniedException.class);
        KaribuSupport.signIn(context, KaribuSupport.person(context, "other-teacher-" + UUID.randomUUID() + "@academy.test", "Other Teacher",
                Role.INSTRUCTOR));
        assertThatThrownBy(() -> authoring.save(course, lesson, fresh.withQuestions(written))).as("only the course's instructors")
                .isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, "instructor@academy.test");
        QuizDraft settings = new QuizDraft(null, lesson, "Check yourself: models", new BigDecimal("60"), 3, 10, 2, true,
                Quiz.ShowAnswers.AFTER_LAST, written, 0);
        Quiz quiz = authoring.save(course, lesson, settings);
        assertThat(quiz.courseSlug()).isEqualTo(address);
        assertThat(quiz.lessonSlug()).isEqualTo(lesson);
        assertThat(quiz.questions()).as("an attempt draws 2 of the 3").isEqualTo(2);
        assertThat(quiz.timed()).isTrue();
        assertThat(quiz.showAnswers()).isEqualTo(Quiz.ShowAnswers.AFTER_LAST);
        assertThat(quizzes.ofLesson(address, lesson)).extracting(Quiz::slug).containsExactly(quiz.slug());
        QuizDraft reread = authoring.draft(course, lesson);
        assertThat(reread.questions()).isEqualTo(written);
        assertThat(reread.draw()).isEqualTo(2);
        assertThat(reread.timeLimitMinutes()).isEqualTo(10);

        // The instructor tries it; a course never published has no learners, so it stays open to changes.
        Attempt tried = TestQuizzes.pass(context, quiz.slug());
        assertThat(tried.result().score()).isEqualByComparingTo("100");
        Quiz everything = authoring.save(course, lesson, new QuizDraft(null, lesson, "Check yourself: models", new BigDecimal("60"), 3, null,
                null, false, Quiz.ShowAnswers.AFTER_EACH, written.subList(0, 2), 0));
        assertThat(everything.slug()).as("the same quiz, changed").isEqualTo(quiz.slug());
        assertThat(everything.questions()).isEqualTo(2);
        assertThat(everything.timed()).isFalse();
        assertThat(authoring.draft(course, lesson).questions()).extracting(Question::key).containsExactly("q1", "q2");

        reviews.submitForReview(course);
        refused(course, lesson, authoring.draft(course, lesson), null, "authoring.locked-in-review");
        KaribuSupport.signIn(context, "admin@academy.test");
        reviews.publish(course);
        KaribuSupport.signIn(context, "instructor@academy.test");
        refused(course, lesson, authoring.draft(course, lesson), null, "quiz.authoring.published");

        // Within a revision the quiz changes in the revision's own copy: learners keep the published one until a reviewer publishes it.
        CourseId revision = revisions.start(course);
        String revisedLesson = courses.authored(revision).lessons().get(1).slug();
        QuizDraft inRevision = authoring.draft(revision, revisedLesson);
        assertThat(inRevision.questions()).as("the revision's copy starts from the published quiz").hasSize(2);
        assertThat(inRevision.attempted()).as("the instructor's try before publication").isEqualTo(1);
        List<Question> revisedQuestions = List.of(written.get(0), new Question.Numeric("q2", "How many bits in a byte?", 1,
                "Eight, since the 1960s.", new BigDecimal("8"), BigDecimal.ZERO), written.get(2));
        Quiz copy = authoring.save(revision, revisedLesson, new QuizDraft(null, revisedLesson, "Check yourself: models", new BigDecimal("80"),
                3, null, null, false, Quiz.ShowAnswers.AFTER_EACH, revisedQuestions, 0));
        assertThat(copy.slug()).isNotEqualTo(quiz.slug());
        assertThat(quizzes.ofLesson(address, lesson)).singleElement().satisfies(live -> {
            assertThat(live.slug()).isEqualTo(quiz.slug());
            assertThat(live.passMark()).as("learners still take the published quiz").isEqualByComparingTo("60");
        });
        assertThat(revisions.changes(revision)).filteredOn(c -> c.field().equals("quiz")).singleElement().satisfies(change -> {
            assertThat(change.lesson()).isEqualTo("Check yourself");
            assertThat(change.structural()).isTrue();
            assertThat(change.lines()).anySatisfy(line -> {
                assertThat(line.before()).isEqualTo("Pass mark: 60 %");
                assertThat(line.after()).isEqualTo("Pass mark: 80 %");
            });
            assertThat(change.lines()).anySatisfy(line -> assertThat(line.after()).isEqualTo("3. [ordering, 1 points] Order the steps"));
        });
        assertThatThrownBy(() -> reviews.submitRevision(revision, true)).as("a changed quiz is not a typo")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("revision.not-minor"));
        reviews.submitRevision(revision, false);
        KaribuSupport.signIn(context, "admin@academy.test");
        reviews.publish(revision);
        assertThat(quizzes.ofLesson(address, lesson)).singleElement().satisfies(live -> {
            assertThat(live.slug()).as("the published quiz keeps its address").isEqualTo(quiz.slug());
            assertThat(live.passMark()).isEqualByComparingTo("80");
            assertThat(live.questions()).isEqualTo(3);
        });
        assertThat(quizzes.quiz(copy.slug())).as("the revision's copy is merged, not left behind").isEmpty();
        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThat(authoring.draft(course, lesson).questions()).isEqualTo(revisedQuestions);

        // A discarded revision takes its quiz copy with it.
        CourseId discarded = revisions.start(course);
        String again = courses.authored(discarded).lessons().get(1).slug();
        Quiz dropped = authoring.save(discarded, again, authoring.draft(discarded, again).withQuestions(written));
        revisions.discard(discarded);
        assertThat(quizzes.quiz(dropped.slug())).isEmpty();
        assertThat(quizzes.ofLesson(address, lesson)).singleElement().satisfies(live -> assertThat(live.questions()).isEqualTo(3));
    }

    private static QuizDraft draft(QuizDraft base, BigDecimal passMark, List<Question> questions) {
        return new QuizDraft(base.courseSlug(), base.lessonSlug(), base.title(), passMark, base.attempts(), base.timeLimitMinutes(),
                base.draw(), base.shuffle(), base.showAnswers(), questions, 0);
    }

    private void refused(CourseId course, String lesson, QuizDraft draft, String field, String key) {
        assertThatThrownBy(() -> authoring.save(course, lesson, draft)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
