package eu.aiskills.academy.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import eu.aiskills.academy.assessment.Rubric;
import eu.aiskills.academy.assessment.Submission;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The assignment pages with the demo course's evaluation plan: a learner reads the brief and the
 * rubric and hands in after a confirmation; the instructor opens it from the grading list, picks
 * a level per criterion (the score adds up as they go) and saves; the learner sees the levels,
 * the feedback and their grade, in the gradebook and on their own grades page too.
 */
@AcademyTest
class AssignmentViewsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Enrolments enrolments;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    private void as(String email) {
        KaribuSupport.tearDown();
        KaribuSupport.signIn(context, email);
        KaribuSupport.setUp(context, Locale.ENGLISH);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerHandsInTheInstructorGradesAndTheLearnerSeesTheLevelsAndTheirGrades() {
        String learner = KaribuSupport.person(context, "assign-view-" + UUID.randomUUID() + "@academy.test", "Vic Viewer", Role.STUDENT);
        var course = catalogue.publishedCourse("generative-ai-foundations").orElseThrow();
        LearnerCourse seat = KaribuSupport.as(context, learner, () -> enrolments.enrol(course.runs().getFirst().id()));

        as(learner);
        UI.getCurrent().navigate("assignments/evaluation-plan");
        String page = _get(AssignmentView.class).getElement().getTextRecursively();
        assertThat(page).contains("Hand in a written answer, up to 2 files, or both.")
                .contains("Graded against a rubric of 4 criteria; passes with 60 % of its points.")
                .contains("Work handed in later is taken and marked late.")
                .contains("Pass checks").contains("Every check is testable on the answer alone.").contains("6 points");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Your answer")), "Task: summarise calls. Ten cases. Checks: deadline present.");
        _click(_get(Button.class, spec -> spec.withText("Hand in")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).contains("with no files?");
        ConfirmDialogKt._fireConfirm(confirm);
        page = _get(AssignmentView.class).getElement().getTextRecursively();
        assertThat(page).contains("Your work is handed in and waits for a grade.").contains("Submission 1, handed in")
                .contains("Waiting for a grade");

        as("instructor@academy.test");
        UI.getCurrent().navigate("assignments/evaluation-plan/grading");
        Grid<Submission> grid = _get(Grid.class);
        assertThat(grid.getGenericDataView().getItems()).anySatisfy(s -> assertThat(s.learnerName()).isEqualTo("Vic Viewer"));
        int index = grid.getGenericDataView().getItems().map(Submission::learnerName).toList().indexOf("Vic Viewer");
        Button open = (Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, index, "open");
        assertThat(open.getAriaLabel()).contains("Submission 1 of Vic Viewer");
        _click(open);
        Dialog dialog = _get(Dialog.class);
        assertThat(_find(dialog, com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("academy-markdown")))
                .anySatisfy(text -> assertThat(text.getElement().getProperty("innerHTML")).contains("Ten cases."));
        for (RadioButtonGroup<Rubric.Level> group : _find(dialog, RadioButtonGroup.class).stream()
                .map(g -> (RadioButtonGroup<Rubric.Level>) g).toList()) {
            Rubric.Level best = group.getGenericDataView().getItems().max(java.util.Comparator.comparingInt(Rubric.Level::points)).orElseThrow();
            Rubric.Level worst = group.getGenericDataView().getItems().min(java.util.Comparator.comparingInt(Rubric.Level::points)).orElseThrow();
            _setValue(group, group.getLabel().equals("Test inputs") ? worst : best);
        }
        assertThat(dialog.getElement().getTextRecursively()).contains("Score so far: 12 of 16 points (75 %), 4 of 4 criteria chosen.");
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("Feedback")), "Add inputs that try to break the prompt.");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save grade")));
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(grid.getGenericDataView().getItems()).noneSatisfy(s -> assertThat(s.learnerName()).isEqualTo("Vic Viewer"));

        UI.getCurrent().navigate("teaching/runs/" + course.runs().getFirst().id().value() + "/gradebook");
        Grid<eu.aiskills.academy.enrolment.Gradebook.Row> book = _get(Grid.class);
        assertThat(book.getColumnByKey("item-prompting-and-evaluation")).isNotNull();
        assertThat(book.getGenericDataView().getItems()).anySatisfy(row -> {
            assertThat(row.name()).isEqualTo("Vic Viewer");
            assertThat(row.cell("prompting-and-evaluation").best()).isEqualByComparingTo("75");
            assertThat(row.courseGrade()).isEqualByComparingTo("37.5");
        });

        as(learner);
        UI.getCurrent().navigate("assignments/evaluation-plan");
        page = _get(AssignmentView.class).getElement().getTextRecursively();
        assertThat(page).contains("Your work is graded; the grade is final.").contains("Score 75 out of 100, graded by")
                .contains("Your level");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("academy-markdown")))
                .anySatisfy(text -> assertThat(text.getElement().getProperty("innerHTML")).contains("Add inputs that try to break the prompt."));
        UI.getCurrent().navigate("learning/" + seat.id().value() + "/grades");
        assertThat(KaribuSupport.currentView("MyGradesView").getElement().getTextRecursively()).contains("Your course grade so far: 37.5 out of 100.")
                .contains("Prompting and evaluation").contains("50 %");
    }
}
