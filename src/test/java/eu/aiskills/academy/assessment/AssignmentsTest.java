package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestAssignments;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Assignments on MariaDB: hand-ins checked against what the assignment takes, files kept as
 * handed in, grading against the rubric by the course's instructors only, a return for
 * resubmission, late work marked or refused by the server's clock, and the database deciding
 * between two tabs handing in and two graders grading at once.
 */
@AcademyTest
class AssignmentsTest {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String INSTRUCTOR = "instructor@academy.test";

    @Autowired
    Assignments assignments;
    @Autowired
    Documents documents;
    @Autowired
    Enrolments enrolments;
    @Autowired
    LessonProgress progress;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    private TestCourses.Enrolled course(String name, int dueDays, boolean late, LocalDate startsOn) {
        String slug = name + "-" + COUNT.incrementAndGet();
        TestCourses.Builder builder = new TestCourses(content, context).course(slug).assignmentLastLesson(dueDays, late);
        if (startsOn != null) {
            builder.startsOn(startsOn);
        }
        return builder.createWithLearner(slug + "-" + UUID.randomUUID() + "@academy.test", "Ada Assignee");
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLearnerHandsInTheInstructorReturnsThenGradesItAndTheLessonAndCourseAreDone() throws Exception {
        TestCourses.Enrolled learner = course("assign", 14, true, null);
        String slug = learner.run().courseSlug() + "-assignment";
        KaribuSupport.signIn(context, learner.email());
        Assignments.Overview overview = assignments.overview(slug);
        assertThat(overview.standing()).isEqualTo(Assignments.Standing.OPEN);
        assertThat(overview.dueAt()).as("the end of the 14th day after the run starts, in its time zone")
                .isEqualTo(learner.run().startsOn().plusDays(15).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThatThrownBy(() -> progress.markLesson(learner.seat().id(), learner.lessons().get(1).id(), true))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("enrolment.assignment-lesson"));

        StoredDocument plan = documents.store(DocumentPurpose.ASSIGNMENT, "plan.md", text("# My plan\n\nTen cases, objective checks."));
        StoredDocument other = documents.store(DocumentPurpose.ASSIGNMENT, "other.md", text("# Another file\n\nMore."));
        StoredDocument cv = documents.store(DocumentPurpose.CV, "cv.md", text("# Ada\n\nAn engineer."));
        assertRefused(() -> assignments.submit(slug, "  ", List.of()), "assignment.empty-text-or-files");
        assertRefused(() -> assignments.submit(slug, "x".repeat(Assignment.TEXT_MAX + 1), List.of()), "assignment.text-too-long");
        assertRefused(() -> assignments.submit(slug, null, List.of(plan.id(), other.id())), "assignment.too-many-files");
        assertRefused(() -> assignments.submit(slug, null, List.of(cv.id())), "assignment.not-your-file");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assignment_submission s JOIN assignment a ON a.id = s.assignment_id"
                + " WHERE a.slug = ?", Integer.class, slug)).as("nothing half-written after refusals").isZero();

        Submission first = assignments.submit(slug, "My plan is attached.", List.of(plan.id()));
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(Submission.Status.SUBMITTED);
        assertThat(first.late()).isFalse();
        assertThat(first.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("plan.md");
            assertThat(f.sha256()).isEqualTo(plan.sha256());
        });
        assertThat(assignments.overview(slug).standing()).isEqualTo(Assignments.Standing.AWAITING_GRADE);
        assertRefused(() -> assignments.submit(slug, "Second thoughts.", List.of()), "assignment.awaiting-grade");
        assertRefused(() -> documents.delete(plan.id()), "assignment.file-kept");
        documents.delete(other.id());

        String stranger = KaribuSupport.person(context, "assign-stranger-" + UUID.randomUUID() + "@academy.test", "Sam", Role.STUDENT);
        KaribuSupport.signIn(context, stranger);
        assertThatThrownBy(() -> assignments.openFile(first.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.submissions(slug)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.grade(first.id(), Map.of(), "", false)).isInstanceOf(AccessDeniedException.class);
        String otherInstructor = KaribuSupport.person(context, "assign-other-" + UUID.randomUUID() + "@academy.test", "Ola", Role.INSTRUCTOR);
        KaribuSupport.signIn(context, otherInstructor);
        assertThatThrownBy(() -> assignments.submissions(slug)).as("an instructor of another course").isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, INSTRUCTOR);
        assertThat(assignments.submissions(slug)).singleElement().satisfies(s -> assertThat(s.learnerName()).isEqualTo("Ada Assignee"));
        try (InputStream file = assignments.openFile(first.id(), 1)) {
            assertThat(new String(file.readAllBytes(), StandardCharsets.UTF_8)).startsWith("# My plan");
        }
        assertRefused(() -> assignments.grade(first.id(), Map.of("content", "some"), "Nearly.", false), "assignment.grade.level-missing");
        assertRefused(() -> assignments.grade(first.id(), Map.of("content", "some", "form", "poor"), " ", true),
                "assignment.grade.feedback-needed");
        Submission returned = assignments.grade(first.id(), Map.of("content", "some", "form", "poor"), "Add the checks.", true);
        assertThat(returned.status()).isEqualTo(Submission.Status.RETURNED);
        assertThat(returned.score()).isEqualByComparingTo("20");
        assertThat(returned.passed()).isFalse();
        assertThat(returned.graderName()).isNotBlank();

        KaribuSupport.signIn(context, learner.email());
        assertThat(assignments.overview(slug).standing()).as("returned: hand in again").isEqualTo(Assignments.Standing.OPEN);
        assertThat(enrolments.seatIn(learner.run().courseId()).orElseThrow().lessonsDone()).doesNotContain(learner.lessons().get(1).id());
        Submission second = assignments.submit(slug, "Now with checks: every answer names the deadline.", List.of());
        assertThat(second.number()).isEqualTo(2);

        // The course's instructor and an administrator grade it at the same moment: it is graded once.
        List<Object> outcomes = Race.run(2, i -> () -> {
            try {
                return KaribuSupport.as(context, i == 0 ? INSTRUCTOR : TestAssignments.grader(context),
                        () -> assignments.grade(second.id(), Map.of("content", "all", "form", "clear"), "Good.", false));
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
        assertThat(outcomes).filteredOn(o -> o instanceof Submission).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof String).containsExactly("assignment.grade.already");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assignment_submission WHERE id = ? AND status = 'GRADED'", Integer.class,
                second.id().toString())).isEqualTo(1);
        Submission graded = (Submission) outcomes.stream().filter(o -> o instanceof Submission).findFirst().orElseThrow();
        assertThat(graded.score()).isEqualByComparingTo("100");
        assertThat(graded.passed()).isTrue();
        assertThat(enrolments.seatIn(learner.run().courseId()).orElseThrow().lessonsDone()).as("a pass completes the lesson")
                .contains(learner.lessons().get(1).id());
        progress.markLesson(learner.seat().id(), learner.lessons().get(0).id(), true);
        assertThat(enrolments.seatIn(learner.run().courseId()).orElseThrow().status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertRefused(() -> assignments.submit(slug, "Again?", List.of()), "assignment.graded-final");
    }

    @Test
    void twoTabsHandingInAtOnceMakeOneSubmission() throws Exception {
        TestCourses.Enrolled learner = course("assign-race", 14, true, null);
        String slug = learner.run().courseSlug() + "-assignment";
        List<Object> outcomes = Race.run(4, i -> () -> {
            try {
                return KaribuSupport.as(context, learner.email(), () -> assignments.submit(slug, "Tab " + i, List.of()));
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
        assertThat(outcomes).filteredOn(o -> o instanceof Submission).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof String).containsOnly("assignment.awaiting-grade").hasSize(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assignment_submission s JOIN assignment a ON a.id = s.assignment_id"
                + " WHERE a.slug = ?", Integer.class, slug)).isEqualTo(1);
    }

    @Test
    void afterTheDueDateLateWorkIsMarkedLateOrRefusedAsTheAssignmentSays() {
        LocalDate started = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        TestCourses.Enrolled lateTaken = course("assign-late", 2, true, started);
        String taken = lateTaken.run().courseSlug() + "-assignment";
        KaribuSupport.signIn(context, lateTaken.email());
        assertThat(assignments.overview(taken).standing()).isEqualTo(Assignments.Standing.OPEN_LATE);
        Submission late = assignments.submit(taken, "Sorry, late.", List.of());
        assertThat(late.late()).isTrue();
        assertThat(late.dueAt()).isEqualTo(started.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());

        TestCourses.Enrolled lateRefused = course("assign-closed", 2, false, started);
        String refused = lateRefused.run().courseSlug() + "-assignment";
        KaribuSupport.signIn(context, lateRefused.email());
        assertThat(assignments.overview(refused).standing()).isEqualTo(Assignments.Standing.CLOSED);
        assertRefused(() -> assignments.submit(refused, "Too late.", List.of()), "assignment.closed");
        assertThat(new ArrayList<>(assignments.overview(refused).submissions())).isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
