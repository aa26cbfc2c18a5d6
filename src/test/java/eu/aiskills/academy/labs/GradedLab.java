package eu.aiskills.academy.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.labs.internal.LabTestContent;
import eu.aiskills.academy.labs.internal.sandbox.SandboxRequirements;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A fresh course whose last lesson is graded (pass score 70) with a CPU lab of two checks (70 and
 * 30 points; its one cell, {@code answer = None}, passes neither: a learner writes
 * {@code answer = 6 * 7}), and the demo student and fellow enrolled in it.
 * Fails when the sandbox cannot start here.
 */
record GradedLab(String slug, String lessonSlug, CourseDetail course) {

    private static final AtomicInteger COUNT = new AtomicInteger();

    static GradedLab create(ApplicationContext context, Path courses, Path labFolders) throws IOException {
        SandboxRequirements.check();
        int n = COUNT.incrementAndGet();
        String courseSlug = "lab-course-" + n;
        new TestCourses(courses, context).course(courseSlug).lessons(2).gradedLastLesson(70).create();
        CourseDetail course = context.getBean(Catalogue.class).publishedCourse(courseSlug).orElseThrow();
        String lessonSlug = course.lessons().getLast().slug();
        String lab = "graded-lab-" + n;
        context.getBean(LabTestContent.class).importLab(labFolders, lab, courseSlug, lessonSlug, """
                - {name: The answer is 42, points: 70, code: "assert answer == 42"}
                - {name: A list of squares, points: 30, code: "assert squares == [0, 1, 4]"}
                """, "answer = None");
        for (String learner : List.of("student@academy.test", "fellow@academy.test")) {
            KaribuSupport.signIn(context, learner);
            context.getBean(Enrolments.class).enrol(course.runs().getFirst().id());
        }
        SecurityContextHolder.clearContext();
        return new GradedLab(lab, lessonSlug, course);
    }

    /** Waits (up to 90 s) until the session runs, and fails with its reason when it ended instead. */
    static LabSession awaitRunning(LabSessions sessions, LabSession session) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                .until(() -> sessions.session(session.id()).state(), s -> s == LabSessionState.RUNNING || s.over());
        LabSession now = sessions.session(session.id());
        assertThat(now.state()).as(now.reasonKey() + " " + now.reasonDetail()).isEqualTo(LabSessionState.RUNNING);
        return now;
    }
}
