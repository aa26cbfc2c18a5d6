package eu.aiskills.academy.catalogue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import eu.aiskills.academy.testsupport.GeneratedCourses;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public catalogue: search, course page, lesson page. */
@AcademyTest
class CatalogueViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    eu.aiskills.academy.catalogue.Catalogue service;
    @Autowired
    JdbcTemplate jdbc;

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
    void aLargeCatalogueIsShownAPageAtATimeAndTheAddressKeepsWordsAndPage() {
        GeneratedCourses.insert(jdbc, 60, 1, 11);
        long published = service.countPublished();
        long pages = (published + CatalogueView.PAGE_SIZE - 1) / CatalogueView.PAGE_SIZE;
        UI.getCurrent().navigate(CatalogueView.class);
        CatalogueView catalogue = _get(CatalogueView.class);
        assertThat(catalogue.count.getText()).isEqualTo(published + " courses");
        assertThat(catalogue.results.getChildren().count()).isEqualTo(CatalogueView.PAGE_SIZE);
        assertThat(catalogue.pager.getElement().getTextRecursively()).contains("Page 1 of " + pages);

        _click(_get(catalogue.pager, Button.class, spec -> spec.withText("Next page")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).isEqualTo("courses?page=2");
        assertThat(catalogue.pager.getElement().getTextRecursively()).contains("Page 2 of " + pages);

        UI.getCurrent().navigate("courses", QueryParameters.fromString("page=999"));
        assertThat(catalogue.pager.getElement().getTextRecursively()).as("past the last page: the last").contains("Page " + pages + " of " + pages);
        assertThat(catalogue.results.getChildren().count()).isEqualTo(published - (pages - 1) * CatalogueView.PAGE_SIZE);

        catalogue.search.setValue("scikit");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).isEqualTo("courses?q=scikit");
        assertThat(catalogue.count.getText()).isEqualTo("One course");
        assertThat(catalogue.pager.getChildren().count()).as("no pager for one page").isZero();

        UI.getCurrent().navigate("courses", QueryParameters.fromString("page=x&q=scikit"));
        assertThat(catalogue.search.getValue()).isEqualTo("scikit");
        assertThat(catalogue.count.getText()).isEqualTo("One course");
    }

    @Test
    void lessonsRenderSanitisedMarkdownWithNeighbours() {
        UI.getCurrent().navigate("courses/generative-ai-foundations/lessons/how-language-models-work");
        String text = _get(LessonView.class).getElement().getTextRecursively();
        assertThat(text).contains("← What is generative AI?", "Prompting and evaluation →");
    }
}
