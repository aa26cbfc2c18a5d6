package eu.aiskills.academy.catalogue.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CoursePage;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The course catalogue, open to everybody: a page of courses at a time, by title, filtered by the
 * words typed; the address keeps the words ({@code q}) and the page ({@code page}, from 1).
 */
@Route("courses")
@AnonymousAllowed
@Menu(title = "nav.courses", order = 10, icon = "vaadin:academy-cap")
public class CatalogueView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE_SIZE = 24;

    private final transient Catalogue catalogue;
    final TextField search = Views.searchField(this, "catalogue.search", Catalogue.QUERY_MAX_LENGTH, this::searched);
    final Div results = new Div();
    final Div pager = new Div();
    final Paragraph count = new Paragraph();
    private String words = "";
    private int page;

    CatalogueView(Catalogue catalogue, eu.aiskills.academy.catalogue.ContentReimport reimport) {
        this.catalogue = catalogue;
        addClassName("academy-catalogue");
        add(new H1(getTranslation("catalogue.title")), new Paragraph(getTranslation("catalogue.intro")));
        if (eu.aiskills.academy.identity.CurrentUser.hasRole(eu.aiskills.academy.identity.Roles.ADMIN)) {
            com.vaadin.flow.component.button.Button again = new com.vaadin.flow.component.button.Button(
                    getTranslation("catalogue.reimport"), click -> {
                try {
                    var report = reimport.reimport();
                    Views.success(getTranslation("catalogue.reimported", report.skills(), report.courses(), report.programmes()));
                    refresh();
                } catch (IllegalStateException invalid) {
                    // Content files are the administrators' own: the problem is named as the import found it.
                    Views.error(getTranslation("catalogue.reimport-failed", invalid.getMessage()));
                }
            });
            again.setDisableOnClick(true);
            again.addClickListener(click -> again.setEnabled(true));
            add(again);
        }

        search.setWidth("min(32rem, 100%)");

        count.getElement().setAttribute("aria-live", "polite");
        results.addClassName("academy-card-grid");
        pager.addClassName("academy-pager");
        add(search, count, results, pager);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        words = parameters.getOrDefault("q", List.of("")).getFirst().strip();
        page = Views.page(parameters);
        if (!search.getValue().strip().equals(words)) {
            search.setValue(words);
        }
        refresh();
    }

    /** Typed words go into the address (first page); {@link #beforeEnter} shows them, also for back and forward. */
    private void searched() {
        if (!search.getValue().strip().equals(words)) {
            go(search.getValue().strip(), 0);
        }
    }

    private void go(String text, int toPage) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            parameters.put("q", List.of(text));
        }
        if (toPage > 0) {
            parameters.put("page", List.of(Integer.toString(toPage + 1)));
        }
        getUI().ifPresent(ui -> ui.navigate(CatalogueView.class, new QueryParameters(parameters)));
    }

    private void refresh() {
        results.removeAll();
        pager.removeAll();
        CoursePage found = catalogue.publishedCourses(words, page, PAGE_SIZE);
        count.setText(getTranslation("catalogue.count", found.total()));
        found.courses().forEach(course -> results.add(card(course)));
        Views.pager(pager, this, found.page(), found.pages(), to -> go(words, to));
    }

    private Card card(CourseSummary course) {
        Card card = new Card();
        RouterLink title = new RouterLink(course.title(), CourseView.class, new RouteParameters(CourseView.SLUG, course.slug()));
        title.addClassName("academy-card-title");
        card.setTitle(title);
        card.add(new Paragraph(course.summary()));
        Div facts = new Div(new Badge(getTranslation(course.level().messageKey())),
                new Span(getTranslation("catalogue.workload", course.workloadHours())),
                new Span(getTranslation("catalogue.lessons", course.lessonCount())),
                new Span(course.language().toUpperCase(java.util.Locale.ROOT)));
        if (course.ects() != null && course.ects().signum() > 0) {
            facts.add(new Span(getTranslation("catalogue.ects", course.ects())));
        }
        facts.addClassName("academy-facts");
        card.add(facts);
        return card;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "catalogue.title");
    }
}
