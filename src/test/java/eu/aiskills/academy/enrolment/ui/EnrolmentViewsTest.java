package eu.aiskills.academy.enrolment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import eu.aiskills.academy.enrolment.CredentialSummary;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A learner enrols from the course page, follows the lessons to completion and opens the credential. */
@AcademyTest
class EnrolmentViewsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Registration registration;
    @Autowired
    Credentials credentials;

    @TempDir
    Path content;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void enrolFollowLessonsCompleteAndVerify() {
        new TestCourses(content, context).course("views-test").lessons(2).capacity(1).create();
        People.create(registration, "viewer@example.org", "Vera Viewer", Role.STUDENT);
        KaribuSupport.signIn(context, "viewer@example.org");
        KaribuSupport.setUp(context, Locale.ENGLISH);

        UI.getCurrent().navigate("courses/views-test");
        KaribuSupport.currentView("CourseView");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("academy-seats")).getText()).isEqualTo("1 of 1 seats free");
        _click(_get(Button.class, spec -> spec.withText("Enrol")));
        assertThat(_get(Span.class, spec -> spec.withClasses("academy-status")).getText()).isEqualTo("Enrolled");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("academy-seats")).getText()).isEqualTo("Full · nobody waiting");

        UI.getCurrent().navigate(MyLearningView.class);
        assertThat(_find(Span.class, spec -> spec.withText("0 of 2 lessons done"))).hasSize(1);

        for (String lesson : new String[] {"lesson-1", "lesson-2"}) {
            UI.getCurrent().navigate("courses/views-test/lessons/" + lesson);
            KaribuSupport.currentView("LessonView");
            Checkbox done = _get(Checkbox.class, spec -> spec.withCaption("I have done this lesson"));
            _setValue(done, true);
        }
        assertThat(_get(Span.class, spec -> spec.withText("Course completed"))).isNotNull();

        CredentialSummary credential = await().atMost(Duration.ofSeconds(20)).pollInSameThread()
                .until(() -> credentials.mine(), list -> !list.isEmpty()).getFirst();
        UI.getCurrent().navigate(MyLearningView.class);
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("Course views-test"))).isNotEmpty();

        UI.getCurrent().navigate("credentials/" + credential.id().value());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("academy-verification")).getText()).startsWith("Valid");
        UI.getCurrent().navigate("credentials/" + java.util.UUID.randomUUID());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("academy-verification")).getText()).startsWith("Not found");
    }

    @Test
    void cancellingFromTheDashboardAsksFirst() {
        new TestCourses(content, context).course("cancel-view").create();
        People.create(registration, "canceller@example.org", "Carl Canceller", Role.STUDENT);
        KaribuSupport.signIn(context, "canceller@example.org");
        KaribuSupport.setUp(context, Locale.GERMAN);
        UI.getCurrent().navigate("courses/cancel-view");
        _click(_get(Button.class, spec -> spec.withText("Einschreiben")));
        UI.getCurrent().navigate(MyLearningView.class);
        _click(_get(Button.class, spec -> spec.withText("Einschreibung stornieren")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_find(Button.class, spec -> spec.withText("Einschreibung stornieren"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withText("Sie sind noch in keinem Kurs eingeschrieben."))).isNotNull();
    }
}
