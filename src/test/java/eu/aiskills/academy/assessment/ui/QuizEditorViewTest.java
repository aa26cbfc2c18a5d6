package eu.aiskills.academy.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.QuizAuthoring;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseDraft;
import eu.aiskills.academy.catalogue.CourseFormat;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonDraft;
import eu.aiskills.academy.catalogue.Sector;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The quiz editor as an instructor uses it: the course editor links a quiz lesson to it; a
 * question is written in its dialog (a missing right option is named beside the options), saved
 * with the quiz at once, and deleted after a confirmation.
 */
@AcademyTest
class QuizEditorViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CourseAuthoring courses;
    @Autowired
    QuizAuthoring authoring;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInstructorWritesAQuestionSavesTheQuizAndDeletesAQuestionAfterConfirming() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        CourseId course = courses.create(new CourseDraft("Edited quiz " + UUID.randomUUID().toString().substring(0, 8), "A quiz course.",
                "Check yourself.", CourseLevel.INTRODUCTORY, CourseFormat.SELF_PACED, "en", Set.of(), 1, new BigDecimal("0.1"),
                List.of("Check"), Set.of(), Set.of(Sector.EDUCATION), Set.of(), Set.of()));
        courses.saveLesson(course, null, new LessonDraft("Check yourself", null, 10, true, "# Check", LessonCompletion.QUIZ, null, 1));
        String lesson = courses.authored(course).lessons().getFirst().slug();

        UI.getCurrent().navigate("teaching/courses/" + course.value());
        com.vaadin.flow.component.grid.Grid<?> lessons = _find(com.vaadin.flow.component.grid.Grid.class).getFirst();
        var actions = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(lessons, 0, "actions");
        Button write = _get(actions, Button.class, spec -> spec.withAttribute("aria-label", "Write the quiz of “Check yourself”"));
        _click(write);
        QuizEditorView editor = _get(QuizEditorView.class);
        assertThat(editor.getElement().getTextRecursively()).contains("Quiz of “Check yourself”").contains("No questions yet.");

        _click(_get(Button.class, spec -> spec.withText("Add a question")));
        Dialog dialog = _get(Dialog.class);
        assertThat(_get(dialog, Select.class, spec -> spec.withLabel("Kind of question")).getValue()).isEqualTo("single");
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("Question")), "Which of these predicts the next token?");
        List<TextField> options = _find(dialog, TextField.class, spec -> spec.withLabel("Option"));
        _setValue(options.get(0), "A language model");
        _setValue(options.get(1), "A spreadsheet");
        List<Checkbox> correct = _find(dialog, Checkbox.class, spec -> spec.withLabel("Correct"));
        _setValue(correct.get(0), false);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Dialog.class)).as("a question without its right option stays open").hasSize(1);
        assertThat(dialog.getElement().getTextRecursively() + _find(com.vaadin.flow.component.customfield.CustomField.class).stream()
                .map(f -> f.getErrorMessage()).toList()).contains("Question 1: tick exactly one option as correct.");
        _setValue(correct.get(0), true);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(editor.getElement().getTextRecursively()).contains("Quiz saved with one question.").contains("Single choice")
                .contains("Which of these predicts the next token?");
        assertThat(authoring.draft(course, lesson).questions()).singleElement().isInstanceOfSatisfying(Question.SingleChoice.class,
                q -> assertThat(q.options()).extracting(Question.Option::correct).containsExactly(true, false));

        _click(_get(Button.class, spec -> spec.withText("Add a question")));
        dialog = _get(Dialog.class);
        _setValue(_get(dialog, Select.class, spec -> spec.withLabel("Kind of question")), "numeric");
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("Question")), "How many bits in a byte?");
        _setValue(_get(dialog, BigDecimalField.class, spec -> spec.withLabel("Right answer")), new BigDecimal("8"));
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(editor.getElement().getTextRecursively()).contains("2 questions, 2 points in all.");

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Delete question 1")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).contains("Which of these predicts the next token?");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(authoring.draft(course, lesson).questions()).singleElement().isInstanceOf(Question.Numeric.class);
        assertThat(editor.getElement().getTextRecursively()).contains("Try “Check yourself” as a learner");
    }
}
