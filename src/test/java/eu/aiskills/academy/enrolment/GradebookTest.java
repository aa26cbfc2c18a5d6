package eu.aiskills.academy.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.assessment.Attempt;
import eu.aiskills.academy.assessment.Quizzes;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestAssignments;
import eu.aiskills.academy.testsupport.TestQuizzes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The gradebook of the demo course's open run on MariaDB: quizzes and the assignment as columns
 * with their weights, each learner's best scores and attempts, the weighted course grade, the
 * CSV export, and who may see what (instructors the run, a learner their own row).
 */
@AcademyTest
class GradebookTest {

    private static final String COURSE = "generative-ai-foundations";

    @Autowired
    Gradebook gradebook;
    @Autowired
    Quizzes quizzes;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @Test
    void instructorsSeeEveryLearnersBestScoresAndTheWeightedGradeLearnersTheirOwnRow() {
        CourseDetail course = catalogue.publishedCourse(COURSE).orElseThrow();
        String strong = KaribuSupport.person(context, "grades-strong-" + UUID.randomUUID() + "@academy.test", "Greta Strong", Role.STUDENT);
        String starting = KaribuSupport.person(context, "grades-start-" + UUID.randomUUID() + "@academy.test", "Stan Starting", Role.STUDENT);
        LearnerCourse strongSeat = KaribuSupport.as(context, strong, () -> {
            LearnerCourse seat = enrolments.enrol(course.runs().getFirst().id());
            Attempt failed = quizzes.start("how-language-models-work");
            quizzes.submit(failed.id());
            TestQuizzes.pass(context, "how-language-models-work");
            TestAssignments.pass(context, "evaluation-plan");
            return seat;
        });
        KaribuSupport.as(context, starting, () -> enrolments.enrol(course.runs().getFirst().id()));

        Gradebook.Sheet sheet = KaribuSupport.as(context, "instructor@academy.test", () -> gradebook.ofRun(course.runs().getFirst().id()));
        assertThat(sheet.items()).extracting(Gradebook.Item::lessonSlug)
                .containsExactly("how-language-models-work", "prompting-and-evaluation", "responsible-generative-ai");
        assertThat(sheet.items()).extracting(Gradebook.Item::kind)
                .containsExactly(LessonCompletion.QUIZ, LessonCompletion.ASSIGNMENT, LessonCompletion.QUIZ);
        assertThat(sheet.items()).extracting(Gradebook.Item::share).containsExactly(0.25, 0.5, 0.25);
        Gradebook.Row greta = sheet.rows().stream().filter(r -> r.name().equals("Greta Strong")).findFirst().orElseThrow();
        assertThat(greta.cell("how-language-models-work").best()).isEqualByComparingTo("100");
        assertThat(greta.cell("how-language-models-work").attempts()).isEqualTo(2);
        assertThat(greta.cell("how-language-models-work").done()).isTrue();
        assertThat(greta.cell("prompting-and-evaluation").best()).isEqualByComparingTo("100");
        assertThat(greta.cell("responsible-generative-ai").best()).isNull();
        assertThat(greta.courseGrade()).as("(100 × 1 + 100 × 2 + 0 × 1) / 4").isEqualByComparingTo("75.0");
        Gradebook.Row stan = sheet.rows().stream().filter(r -> r.name().equals("Stan Starting")).findFirst().orElseThrow();
        assertThat(stan.courseGrade()).isEqualByComparingTo("0.0");
        assertThat(stan.cell("prompting-and-evaluation").attempts()).isZero();

        String csv = KaribuSupport.as(context, "instructor@academy.test", () -> gradebook.csv(course.runs().getFirst().id()));
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).startsWith("name,status,How language models work (score),How language models work (attempts),")
                .endsWith(",course_grade,completed_at");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Greta Strong,ENROLLED,100,2,false,true,100,1,false,true,,0,false,false,75.0,"));

        Gradebook.Sheet own = KaribuSupport.as(context, strong, () -> gradebook.mine(strongSeat.id()));
        assertThat(own.rows()).singleElement().satisfies(r -> assertThat(r.courseGrade()).isEqualByComparingTo("75.0"));
        assertThatThrownBy(() -> KaribuSupport.as(context, starting, () -> gradebook.mine(strongSeat.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> KaribuSupport.as(context, starting, () -> gradebook.ofRun(course.runs().getFirst().id())))
                .isInstanceOf(AccessDeniedException.class);
        String outsider = KaribuSupport.person(context, "grades-outsider-" + UUID.randomUUID() + "@academy.test", "Otto", Role.INSTRUCTOR);
        assertThatThrownBy(() -> KaribuSupport.as(context, outsider, () -> gradebook.ofRun(course.runs().getFirst().id())))
                .as("an instructor of another course").isInstanceOf(AccessDeniedException.class);
    }
}
