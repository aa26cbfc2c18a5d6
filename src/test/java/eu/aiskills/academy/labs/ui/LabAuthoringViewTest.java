package eu.aiskills.academy.labs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The instructor's form to publish a lab: the taught courses and lessons, and a refusal without a notebook. */
@AcademyTest
class LabAuthoringViewTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void offersTheTaughtLessonsAndAsksForTheNotebook() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(LabAuthoringView.class);

        Select<?> course = _get(Select.class, spec -> spec.withLabel("Course"));
        assertThat(course.getValue()).isNotNull();
        Select<?> lesson = _get(Select.class, spec -> spec.withLabel("Lesson"));
        assertThat(lesson.getValue()).isNotNull();
        assertThat(_get(Upload.class).getElement().getProperty("accept")).isEqualTo(".ipynb");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title of the lab")), "Gradient descent by hand");
        _click(_get(Button.class, spec -> spec.withText("Publish the lab")));

        assertThat(NotificationsKt.getNotifications()).anySatisfy(n ->
                assertThat(n.getElement().getProperty("text", "") + n.getElement().getTextRecursively()).contains("Upload the lab’s notebook"));
    }
}
