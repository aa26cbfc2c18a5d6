package eu.aiskills.academy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import eu.aiskills.academy.assessment.Assignments;
import eu.aiskills.academy.assessment.Quizzes;
import eu.aiskills.academy.assessment.internal.AssignmentContentImport;
import eu.aiskills.academy.assessment.internal.QuizContentImport;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.catalogue.internal.CourseImports;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import org.springframework.context.ApplicationContext;

/**
 * Test builder: writes a small course folder (lessons, one run) and imports it through the real
 * content import. The run's enrolment window is open now unless the test says otherwise.
 */
public final class TestCourses {

    private final Path root;
    private final ApplicationContext context;

    public TestCourses(Path root, ApplicationContext context) {
        this.root = root;
        this.context = context;
    }

    /**
     * The account with this address enrols in the course's run, marks every lesson done and
     * passes the quizzes of quiz lessons, as a learner would: the course is completed and its
     * credential issued (asynchronously).
     */
    public LearnerCourse complete(String courseSlug, String email) {
        Catalogue catalogue = context.getBean(Catalogue.class);
        CourseRun run = catalogue.publishedCourse(courseSlug).orElseThrow().runs().getFirst();
        return KaribuSupport.as(context, email, () -> {
            context.getBean(Enrolments.class).enrol(run.id());
            return completeLessons(context, courseSlug);
        });
    }

    /**
     * The signed-in learner, seated in a run of the course, completes each lesson as its rule
     * asks: passes the quizzes of quiz lessons, hands in the assignments of assignment lessons
     * (graded by an administrator), opens reading lessons and marks the others done. Returns the
     * seat after.
     */
    public static LearnerCourse completeLessons(ApplicationContext context, String courseSlug) {
        Catalogue catalogue = context.getBean(Catalogue.class);
        Enrolments enrolments = context.getBean(Enrolments.class);
        CourseId course = catalogue.publishedCourse(courseSlug).orElseThrow().summary().id();
        LearnerCourse seat = enrolments.seatIn(course).orElseThrow();
        for (LessonSummary lesson : catalogue.lessons(course)) {
            switch (lesson.completion()) {
                case QUIZ -> context.getBean(Quizzes.class).ofLesson(courseSlug, lesson.slug())
                        .forEach(quiz -> TestQuizzes.pass(context, quiz.slug()));
                case ASSIGNMENT -> context.getBean(Assignments.class).ofLesson(courseSlug, lesson.slug())
                        .forEach(assignment -> TestAssignments.pass(context, assignment.slug()));
                case READ -> context.getBean(LessonProgress.class).recordRead(course, lesson.id());
                case DONE -> context.getBean(LessonProgress.class).markLesson(seat.id(), lesson.id(), true);
                case LAB -> throw new IllegalStateException("Lesson " + lesson.slug() + " is completed by its graded lab");
            }
        }
        return enrolments.seatIn(course).orElseThrow();
    }

    /** A course with {@code lessons} lessons and one run {@code run-1} of {@code capacity} seats. */
    public Builder course(String slug) {
        return new Builder(slug);
    }

    public final class Builder {

        private final String slug;
        private int lessons = 2;
        private int capacity = 10;
        private boolean waitlist = true;
        private String prerequisite;
        private LocalDateTime opens = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.MINUTES);
        private LocalDateTime closes = LocalDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.MINUTES);
        private String instructor = "instructor@academy.test";
        private Integer lastLessonPassScore;
        private boolean lastLessonByQuiz;
        private Integer assignmentDueDays;
        private boolean lateAllowed;
        private java.time.LocalDate startsOn;
        private String level = "INTRODUCTORY";

        private Builder(String slug) {
            this.slug = slug;
        }

        public Builder lessons(int count) {
            this.lessons = count;
            return this;
        }

        public Builder capacity(int seats) {
            this.capacity = seats;
            return this;
        }

        public Builder noWaitlist() {
            this.waitlist = false;
            return this;
        }

        public Builder requires(String courseSlug) {
            this.prerequisite = courseSlug;
            return this;
        }

        public Builder enrolmentWindow(LocalDateTime opensUtc, LocalDateTime closesUtc) {
            this.opens = opensUtc;
            this.closes = closesUtc;
            return this;
        }

        public Builder level(String courseLevel) {
            this.level = courseLevel;
            return this;
        }

        /** The last lesson is completed by passing its graded lab with at least {@code passScore}. */
        public Builder gradedLastLesson(int passScore) {
            this.lastLessonPassScore = passScore;
            return this;
        }

        /** The last lesson is completed by passing its quiz, {@code <slug>-quiz}: three questions, pass mark 60, two attempts. */
        public Builder quizLastLesson() {
            this.lastLessonByQuiz = true;
            return this;
        }

        /**
         * The last lesson is completed by passing its assignment, {@code <slug>-assignment}: a
         * text answer or one file, due {@code dueDays} after the run starts, late work taken or
         * not; a rubric of two criteria (0/1/2 and 0/3 points), pass mark 60.
         */
        public Builder assignmentLastLesson(int dueDays, boolean takesLateWork) {
            this.assignmentDueDays = dueDays;
            this.lateAllowed = takesLateWork;
            return this;
        }

        /** The run starts on this day (by default the day after enrolment closes). */
        public Builder startsOn(java.time.LocalDate day) {
            this.startsOn = day;
            return this;
        }

        public Builder instructor(String email) {
            this.instructor = email;
            return this;
        }

        /** Writes the folder and imports every course under the root (so prerequisites resolve). */
        public void create() {
            try {
                Path folder = Files.createDirectories(root.resolve(slug));
                StringBuilder yaml = new StringBuilder("""
                        slug: %s
                        title: Course %s
                        summary: A course for tests.
                        level: %s
                        language: en
                        workloadHours: 4
                        ects: 1.0
                        outcomes: [Pass the tests, Explain the tests]
                        skills: [http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43]
                        instructors: [%s]
                        """.formatted(slug, slug, level, instructor));
                if (prerequisite != null) {
                    yaml.append("prerequisites: {courses: [").append(prerequisite).append("]}\n");
                }
                yaml.append("lessons:\n");
                for (int i = 1; i <= lessons; i++) {
                    Files.writeString(folder.resolve("0" + i + "-lesson-" + i + ".md"), "# Lesson " + i + "\n\nText " + i + ".");
                    yaml.append("  - {file: 0").append(i).append("-lesson-").append(i).append(".md, title: Lesson ").append(i)
                            .append(", minutes: 10").append(i == lessons && lastLessonPassScore != null
                                    ? ", passScore: " + lastLessonPassScore : "").append(i == lessons && lastLessonByQuiz
                                    ? ", completedBy: quiz" : "").append(i == lessons && assignmentDueDays != null
                                    ? ", completedBy: assignment" : "").append("}\n");
                }
                yaml.append("""
                        runs:
                          - {code: run-1, startsOn: %s, endsOn: %s, enrolOpens: %s, enrolCloses: %s, timeZone: UTC,
                             capacity: %d, waitlist: %s, mode: ONLINE, labGpuHours: 3}
                        """.formatted(startsOn != null ? startsOn : closes.toLocalDate().plusDays(1), closes.toLocalDate().plusDays(40), opens, closes,
                        capacity, waitlist));
                Files.writeString(folder.resolve("course.yaml"), yaml.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CourseImports.from(root, context).importAll();
            if (lastLessonByQuiz) {
                writeQuiz();
            }
            if (assignmentDueDays != null) {
                writeAssignment();
            }
        }

        private void writeAssignment() {
            Path assessment = root.resolve("assignment-" + slug);
            try {
                Files.createDirectories(assessment.resolve("assignments"));
                Files.writeString(assessment.resolve("assignments/" + slug + "-assignment.yaml"), """
                        slug: %s-assignment
                        title: Assignment of %s
                        course: %s
                        lesson: lesson-%d
                        brief: Write **what you learnt**.
                        maxFiles: 1
                        dueDays: %d
                        lateAllowed: %s
                        passMark: 60
                        rubric:
                          - key: content
                            title: Content
                            levels:
                              - {key: none, title: None, points: 0}
                              - {key: some, title: Some, points: 1}
                              - {key: all, title: All, points: 2}
                          - key: form
                            title: Form
                            levels:
                              - {key: poor, title: Poor, points: 0}
                              - {key: clear, title: Clear, points: 3}
                        """.formatted(slug, slug, slug, lessons, assignmentDueDays, lateAllowed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getBean(AssignmentContentImport.class).importAll(assessment.toUri().toString());
        }

        private void writeQuiz() {
            Path assessment = root.resolve("assessment-" + slug);
            try {
                Files.createDirectories(assessment.resolve("banks"));
                Files.createDirectories(assessment.resolve("quizzes"));
                Files.writeString(assessment.resolve("banks/" + slug + "-bank.yaml"), """
                        slug: %s-bank
                        course: %s
                        title: Questions of %s
                        questions:
                          - {kind: single, key: pick, points: 1, prompt: Pick A, options: [{key: a, text: A, correct: true}, {key: b, text: B}]}
                          - {kind: true-false, key: tf, points: 1, prompt: True?, answer: true}
                          - {kind: numeric, key: answer, points: 2, prompt: Six times seven?, answer: 42}
                        """.formatted(slug, slug, slug));
                Files.writeString(assessment.resolve("quizzes/" + slug + "-quiz.yaml"), """
                        slug: %s-quiz
                        title: Quiz of %s
                        course: %s
                        lesson: lesson-%d
                        bank: %s-bank
                        passMark: 60
                        attempts: 2
                        """.formatted(slug, slug, slug, lessons, slug));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getBean(QuizContentImport.class).importAll(assessment.toUri().toString());
        }

        /**
         * Creates the course, then a new student with this address enrolled in its run: what a
         * test of progress, completion and what follows from it starts from.
         */
        public Enrolled createWithLearner(String email, String name) {
            create();
            Catalogue catalogue = context.getBean(Catalogue.class);
            CourseRun run = catalogue.publishedCourse(slug).orElseThrow().runs().getFirst();
            AccountId learner = People.create(context.getBean(Registration.class), email, name, Role.STUDENT);
            LearnerCourse seat = KaribuSupport.as(context, email, () -> context.getBean(Enrolments.class).enrol(run.id()));
            return new Enrolled(run, catalogue.lessons(run.courseId()), learner, email, seat);
        }
    }

    /** A student enrolled in a test course: its run and lessons, the account and its seat. */
    public record Enrolled(CourseRun run, List<LessonSummary> lessons, AccountId learner, String email, LearnerCourse seat) {
    }
}
