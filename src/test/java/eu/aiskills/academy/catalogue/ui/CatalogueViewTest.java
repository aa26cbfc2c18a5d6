package eu.aiskills.academy.catalogue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The public catalogue: search, course page, lesson page. */
@AcademyTest
class CatalogueViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    eu.aiskills.academy.catalogue.Catalogue service;

    @BeforeEach
    void setUp() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void theCatalogueListsAndOpensCourses() {
        UI.getCurrent().navigate(CatalogueView.class);
        CatalogueView catalogue = _get(CatalogueView.class);
        long published = service.countPublished();
        assertThat(catalogue.count.getText()).isEqualTo(published + " courses");
        catalogue.search.setValue("scikit");
        assertThat(catalogue.count.getText()).isEqualTo("One course");
        UI.getCurrent().navigate("courses/generative-ai-foundations");
        assertThat(_get(CourseView.class).getElement().getTextRecursively())
                .contains("Foundations of Generative AI", "How language models work");
        UI.getCurrent().navigate("courses/generative-ai-foundations/lessons/what-is-generative-ai");
        assertThat(UI.getCurrent().getInternals().getTitle()).startsWith("What is generative AI?");
    }

    @Test
    void lessonsRenderSanitisedMarkdownWithNeighbours() {
        UI.getCurrent().navigate("courses/generative-ai-foundations/lessons/how-language-models-work");
        String text = _get(LessonView.class).getElement().getTextRecursively();
        assertThat(text).contains("← What is generative AI?", "Prompting and evaluation →");
    }
}
