package eu.aiskills.academy.catalogue.ui;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.shared.ui.Views;

/** The course catalogue, open to everybody. */
@Route("courses")
@AnonymousAllowed
@Menu(title = "nav.courses", order = 10, icon = "vaadin:academy-cap")
public class CatalogueView extends VerticalLayout implements HasDynamicTitle {

    private final transient Catalogue catalogue;
    final TextField search = Views.searchField(this, "catalogue.search", Catalogue.QUERY_MAX_LENGTH, this::refresh);
    final Div results = new Div();
    final Paragraph count = new Paragraph();

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
        add(search, count, results);
        refresh();
    }

    private void refresh() {
        results.removeAll();
        var courses = catalogue.publishedCourses(search.getValue());
        count.setText(getTranslation("catalogue.count", courses.size()));
        courses.forEach(course -> results.add(card(course)));
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
