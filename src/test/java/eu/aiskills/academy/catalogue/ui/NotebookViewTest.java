package eu.aiskills.academy.catalogue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseDraft;
import eu.aiskills.academy.catalogue.CourseFormat;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CourseReviews;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonDraft;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.TestFiles;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A visitor reads a lesson's notebook in the page: Markdown rendered without scripts, code and its saved output. */
@AcademyTest
class NotebookViewTest {

    @Autowired
    CourseAuthoring authoring;
    @Autowired
    CourseReviews reviews;
    @Autowired
    Documents documents;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void aLessonListsItsNotebookAndShowsItReadOnly() throws Exception {
        KaribuSupport.signIn(context, "instructor@academy.test");
        CourseId id = authoring.create(new CourseDraft("Notebook page course", "With a notebook.", null, CourseLevel.INTRODUCTORY,
                CourseFormat.SELF_PACED, "en", Set.of(), 2, BigDecimal.ONE, List.of("Read a notebook"), Set.of(), Set.of(),
                Set.of(), Set.of()));
        UUID lesson = authoring.saveLesson(id, null, new LessonDraft("Loss curves", null, 20, true, "See the notebook.", LessonCompletion.DONE, null, 1));
        var stored = documents.store(DocumentPurpose.COURSE_MATERIAL, "loss.ipynb", new ByteArrayInputStream(
                TestFiles.notebook("## Loss <img src=x onerror=alert(1)>", "loss = 0.25", "0.25")));
        authoring.attachMaterial(id, lesson, stored.id());
        reviews.submitForReview(id);
        KaribuSupport.signIn(context, "admin@academy.test");
        reviews.publish(id);
        org.springframework.security.core.context.SecurityContextHolder.clearContext();

        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("courses/notebook-page-course/lessons/loss-curves");
        _get(LessonView.class);
        assertThat(_find(Anchor.class, spec -> spec.withText("loss.ipynb"))).hasSize(1);
        _get(RouterLink.class, spec -> spec.withText("read the notebook here")).getHref();
        UI.getCurrent().navigate(_get(RouterLink.class, spec -> spec.withText("read the notebook here")).getHref());

        _get(NotebookView.class);
        Div markdown = _get(Div.class, spec -> spec.withClasses("academy-cell-markdown"));
        assertThat(_get(markdown, eu.aiskills.academy.shared.ui.RichText.class).getElement().getProperty("innerHTML")).contains("<h2>Loss")
                .doesNotContain("onerror");
        assertThat(_get(Pre.class, spec -> spec.withClasses("academy-code")).getText()).isEqualTo("loss = 0.25");
        assertThat(_get(Pre.class, spec -> spec.withClasses("academy-output")).getText()).isEqualTo("0.25\n");
    }
}
