package eu.aiskills.academy.catalogue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An instructor creates a course in the form, adds a lesson and is told exactly what is wrong with a run. */
@AcademyTest
class CourseEditorViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Catalogue catalogue;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void createAddALessonAndSeeRunErrorsBesideTheirFields() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("teaching/courses/new");
        CourseEditorView editor = _get(CourseEditorView.class);

        assertThat(editor.form.prerequisites.getLazyDataView().getItems().map(CourseSummary::title))
                .containsExactlyElementsOf(catalogue.publishedCourses("", 0, 100).courses().stream().map(CourseSummary::title).toList());

        _click(_get(Button.class, spec -> spec.withText("Create course")));
        assertThat(editor.form.courseTitle.isInvalid()).isTrue();
        assertThat(editor.form.courseTitle.getErrorMessage()).isEqualTo("Enter a title of at most 200 characters.");

        _setValue(editor.form.courseTitle, "Retrieval-augmented generation");
        _setValue(editor.form.summary, "Ground a language model in your own documents.");
        _setValue(editor.form.outcomes, "Build a retrieval pipeline\nMeasure answer faithfulness");
        _click(_get(Button.class, spec -> spec.withText("Create course")));
        editor = _get(CourseEditorView.class);
        assertThat(editor.getPageTitle()).startsWith("Retrieval-augmented generation");

        _click(_get(Button.class, spec -> spec.withText("Add a lesson")));
        Dialog lessonDialog = _get(Dialog.class);
        _setValue(_get(lessonDialog, TextField.class, spec -> spec.withLabel("Title")), "Chunking documents");
        _setValue(_get(lessonDialog, TextArea.class, spec -> spec.withLabel("Lesson text")), "# Chunking\n\nSplit by meaning.");
        _click(_get(lessonDialog, Button.class, spec -> spec.withText("Save")));
        editor = _get(CourseEditorView.class);
        assertThat(GridKt._size(editor.lessons)).isEqualTo(1);
        assertThat(GridKt._getFormatted(editor.lessons, 0, "title")).isEqualTo("Chunking documents");

        _click(_get(Button.class, spec -> spec.withText("Add a run")));
        Dialog runDialog = _get(Dialog.class);
        _setValue(_get(runDialog, TextField.class, spec -> spec.withLabel("Code")), "2027-spring");
        _setValue(_get(runDialog, DatePicker.class, spec -> spec.withLabel("First day")), LocalDate.of(2027, 5, 10));
        _setValue(_get(runDialog, DatePicker.class, spec -> spec.withLabel("Last day")), LocalDate.of(2027, 5, 1));
        _click(_get(runDialog, Button.class, spec -> spec.withText("Save")));
        DatePicker last = _get(runDialog, DatePicker.class, spec -> spec.withLabel("Last day"));
        assertThat(last.isInvalid()).isTrue();
        assertThat(last.getErrorMessage()).isEqualTo("The last day must not be before the first day.");

        _setValue(last, LocalDate.of(2027, 6, 30));
        _setValue(_get(runDialog, IntegerField.class, spec -> spec.withLabel("Seats")), 0);
        _click(_get(runDialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_get(runDialog, IntegerField.class, spec -> spec.withLabel("Seats")).getErrorMessage())
                .isEqualTo("Capacity must be between 1 and 100,000 seats.");
    }
}
