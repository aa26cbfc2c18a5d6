package eu.aiskills.academy.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.assessment.Attempt;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The quiz page: every kind of question hands its response on, and an attempt goes from start to result. */
@AcademyTest
class QuizViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Enrolments enrolments;

    @BeforeEach
    void setUp() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyKindOfQuestionHandsItsResponseOn() {
        List<List<String>> given = new ArrayList<>();
        List<Attempt.Choice> abc = List.of(new Attempt.Choice("a", "Alpha"), new Attempt.Choice("b", "Beta"), new Attempt.Choice("c", "Gamma"));
        UI ui = UI.getCurrent();

        ui.add(new QuestionField(1, 7, new Attempt.Shown("s", "single", "Pick one", 1, abc, List.of()), null, given::add, null));
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("Your answer")), abc.get(1));
        ui.removeAll();
        ui.add(new QuestionField(2, 7, new Attempt.Shown("m", "multiple", "Pick all", 2, abc, List.of()), null, given::add, null));
        _setValue(_get(CheckboxGroup.class), Set.of(abc.get(2), abc.get(0)));
        ui.removeAll();
        ui.add(new QuestionField(3, 7, new Attempt.Shown("t", "true-false", "True?", 1, List.of(), List.of()), null, given::add, null));
        _setValue(_get(RadioButtonGroup.class), "false");
        ui.removeAll();
        ui.add(new QuestionField(4, 7, new Attempt.Shown("n", "numeric", "How many?", 1, List.of(), List.of()), null, given::add, null));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Your answer (a number)")), "0,5");
        ui.removeAll();
        ui.add(new QuestionField(5, 7, new Attempt.Shown("x", "text", "Name it", 1, List.of(), List.of()), null, given::add, null));
        _setValue(_get(TextField.class), "loss");
        ui.removeAll();
        ui.add(new QuestionField(6, 7, new Attempt.Shown("p", "matching", "Match", 2, List.of(new Attempt.Choice("b", "Two"),
                new Attempt.Choice("a", "One")), List.of(new Attempt.Choice("a", "1"), new Attempt.Choice("b", "2"))), List.of("a=b"), given::add,
                null));
        Select<Attempt.Choice> first = _get(Select.class, spec -> spec.withLabel("1"));
        assertThat(first.getValue().key()).as("the saved answer is shown again").isEqualTo("b");
        _setValue(_get(Select.class, spec -> spec.withLabel("2")), new Attempt.Choice("b", "Two"));
        ui.removeAll();
        ui.add(new QuestionField(7, 7, new Attempt.Shown("o", "ordering", "Order", 2, abc, List.of()), null, given::add, null));
        _click(_find(Button.class).stream().filter(b -> "Move “Gamma” up".equals(b.getAriaLabel().orElse(null))).findFirst().orElseThrow());

        assertThat(given).containsExactly(List.of("b"), List.of("a", "c"), List.of("false"), List.of("0,5"), List.of("loss"),
                List.of("a=b", "b=b"), List.of("a", "c", "b"));
    }

    @Test
    void aReadOnlyQuestionShowsItsMarkFeedbackAndRightAnswer() {
        UI.getCurrent().add(new QuestionField(1, 1, new Attempt.Shown("t", "true-false", "True?", 1, List.of(), List.of()), List.of("true"),
                r -> { }, new Attempt.Marked("t", java.math.BigDecimal.ZERO, 1, List.of("It is not."), "false")));
        assertThat(_get(RadioButtonGroup.class).isReadOnly()).isTrue();
        String text = UI.getCurrent().getElement().getTextRecursively();
        assertThat(text).contains("0 of 1 point").contains("Right answer: False");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("academy-markdown")))
                .anySatisfy(markdown -> assertThat(markdown.getElement().getProperty("innerHTML")).contains("It is not."));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerStartsConfirmsTheUnansweredAndSeesTheResult() {
        String learner = KaribuSupport.person(context, "quiz-view-" + UUID.randomUUID() + "@academy.test", "Vera View", Role.STUDENT);
        var course = catalogue.publishedCourse("generative-ai-foundations").orElseThrow();
        KaribuSupport.as(context, learner, () -> enrolments.enrol(course.runs().getFirst().id()));
        KaribuSupport.tearDown();
        KaribuSupport.signIn(context, learner);
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("quizzes/how-language-models-work");
        assertThat(_get(QuizView.class).getElement().getTextRecursively()).contains("6 questions; pass with 70 %; 3 attempts.")
                .contains("Each attempt has 15 minutes");
        _click(_get(Button.class, spec -> spec.withText("Start the quiz")));
        assertThat(_find(QuestionField.class)).hasSize(6);
        assertThat(_get(QuizView.class).getElement().getTextRecursively()).contains("Attempt 1").contains("minutes left");

        _click(_get(Button.class, spec -> spec.withText("Submit my answers")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).contains("6 questions have no answer");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(_get(QuizView.class).getElement().getTextRecursively()).contains("Score 0 %: not passed (pass mark 70 %).")
                .contains("Right answer:");
        _click(_get(Button.class, spec -> spec.withText("Back to the quiz")));
        assertThat(_get(QuizView.class).getElement().getTextRecursively()).contains("Attempt 1: 0 %, not passed");
        _get(Button.class, spec -> spec.withText("Start a new attempt (2 left)"));
    }
}
