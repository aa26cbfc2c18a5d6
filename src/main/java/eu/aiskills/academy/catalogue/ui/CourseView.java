package eu.aiskills.academy.catalogue.ui;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;

/** A course's page: what it is about and its lessons. */
@Route("courses/:" + CourseView.SLUG)
@AnonymousAllowed
public class CourseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SLUG = "slug";

    private final transient Catalogue catalogue;
    private final transient java.util.List<CoursePageSection> sections;
    private String title = "";

    CourseView(Catalogue catalogue, java.util.List<CoursePageSection> sections) {
        this.catalogue = catalogue;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(CoursePageSection::order)).toList();
        addClassName("academy-course");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SLUG).orElse("");
        CourseDetail course = catalogue.publishedCourse(slug)
                .orElseThrow(() -> new NotFoundException("catalogue.course-not-found", slug));
        title = course.summary().title();
        removeAll();
        RouterLink back = new RouterLink(getTranslation("course.back"), CatalogueView.class);
        Div facts = new Div(new Badge(getTranslation(course.summary().level().messageKey())),
                new Span(getTranslation("catalogue.workload", course.summary().workloadHours())),
                new Span(course.summary().language().toUpperCase(java.util.Locale.ROOT)));
        facts.addClassName("academy-facts");
        Div description = new Div();
        description.addClassName("academy-prose");
        description.getElement().setProperty("innerHTML", course.descriptionHtml());

        OrderedList outline = new OrderedList();
        outline.addClassName("academy-outline");
        for (LessonSummary lesson : course.lessons()) {
            RouterLink link = new RouterLink(lesson.title(), LessonView.class,
                    new RouteParameters(java.util.Map.of(LessonView.COURSE, slug, LessonView.LESSON, lesson.slug())));
            outline.add(new ListItem(link, new Span(" · " + getTranslation("course.minutes", lesson.minutes()))));
        }
        add(back, new H1(course.summary().title()), new Paragraph(course.summary().summary()), facts, description,
                new H2(getTranslation("course.outline")), outline);
        sections.forEach(section -> section.create(course).ifPresent(this::add));
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
