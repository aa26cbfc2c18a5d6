package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.assessment.internal.QuizStore;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestAssignments;
import eu.aiskills.academy.testsupport.TestQuizzes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Assessment under concurrency on MariaDB through Connector/J, in the production profile: tabs
 * starting and submitting one quiz attempt, sweeps submitting a timed attempt at its deadline,
 * tabs handing in one assignment and graders grading one submission. Each is decided once, by
 * the database.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class AssessmentOnMariaDbTest {

    private static final String COURSE = "generative-ai-foundations";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Quizzes quizzes;
    @Autowired
    QuizStore store;
    @Autowired
    Assignments assignments;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Registration registration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    private String enrolled(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.org";
        People.create(registration, email, name, Role.STUDENT);
        CourseDetail course = catalogue.publishedCourse(COURSE).orElseThrow();
        KaribuSupport.as(context, email, () -> enrolments.enrol(course.runs().getFirst().id()));
        return email;
    }

    @Test
    void tabsStartingAndSubmittingAQuizAttemptAndSweepsAtItsDeadlineDecideOnce() throws Exception {
        String learner = enrolled("maria-quiz");
        List<AttemptId> started = Race.run(4, i -> () -> KaribuSupport.as(context, learner, () -> quizzes.start("how-language-models-work").id()));
        assertThat(started).containsOnly(started.getFirst());
        Paper paper = store.attempt(started.getFirst()).orElseThrow().paper();
        KaribuSupport.as(context, learner, () -> {
            paper.entries().forEach(e -> quizzes.save(started.getFirst(), e.question().key(), TestQuizzes.right(e.question())));
            return null;
        });
        List<Attempt> submitted = Race.run(3, i -> () -> KaribuSupport.as(context, learner, () -> quizzes.submit(started.getFirst())));
        assertThat(submitted).extracting(a -> a.result().submittedAt()).containsOnly(submitted.getFirst().result().submittedAt());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt WHERE id = ? AND submitted_at IS NOT NULL", Integer.class,
                started.getFirst().value().toString())).isEqualTo(1);

        AttemptId timed = KaribuSupport.as(context, learner, () -> quizzes.start("how-language-models-work").id());
        jdbc.update("UPDATE quiz_attempt SET deadline = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)), timed.value().toString());
        List<Integer> swept = Race.run(3, i -> () -> i == 0 ? KaribuSupport.as(context, learner, () -> {
            quizzes.submit(timed);
            return 0;
        }) : SystemActor.call(quizzes::submitOverdue));
        assertThat(jdbc.queryForObject("SELECT submitted_by FROM quiz_attempt WHERE id = ?", String.class, timed.value().toString()))
                .isEqualTo("deadline");
        assertThat(swept.stream().mapToInt(Integer::intValue).sum()).as("a learner's tab and two sweeps at the deadline: graded once")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void tabsHandingInOneAssignmentMakeOneSubmissionAndTwoGradersGradeItOnce() throws Exception {
        String learner = enrolled("maria-assign");
        List<Object> handedIn = Race.run(4, i -> () -> {
            try {
                return KaribuSupport.as(context, learner, () -> assignments.submit("evaluation-plan", "Tab " + i, List.of()));
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
        assertThat(handedIn).filteredOn(o -> o instanceof Submission).hasSize(1);
        assertThat(handedIn).filteredOn(o -> o instanceof String).containsOnly("assignment.awaiting-grade");
        Submission submission = (Submission) handedIn.stream().filter(o -> o instanceof Submission).findFirst().orElseThrow();

        List<String> graders = List.of(grader("maria-grader-a"), grader("maria-grader-b"));
        Assignment assignment = assignments.assignment("evaluation-plan").orElseThrow();
        Map<String, String> best = TestAssignments.levels(assignment.rubric(), true);
        List<Object> graded = Race.run(2, i -> () -> {
            try {
                return KaribuSupport.as(context, graders.get(i), () -> assignments.grade(submission.id(), best, "Good.", false));
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
        assertThat(graded).filteredOn(o -> o instanceof Submission).hasSize(1);
        assertThat(graded).filteredOn(o -> o instanceof String).containsExactly("assignment.grade.already");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assignment_submission WHERE id = ? AND status = 'GRADED'", Integer.class,
                submission.id().toString())).isEqualTo(1);
        CourseDetail course = catalogue.publishedCourse(COURSE).orElseThrow();
        assertThat(KaribuSupport.as(context, learner, () -> enrolments.seatIn(course.summary().id()).orElseThrow().lessonsDone()))
                .contains(course.lessons().get(2).id());
    }

    private String grader(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.org";
        People.create(registration, email, name, Role.ADMIN);
        return email;
    }
}
