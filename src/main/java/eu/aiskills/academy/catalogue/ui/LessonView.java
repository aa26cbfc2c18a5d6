package eu.aiskills.academy.catalogue.ui;

import java.util.Map;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseMaterials;
import eu.aiskills.academy.catalogue.LessonContent;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;

/** One lesson to read, with links to the previous and next lesson. */
@Route("courses/:" + LessonView.COURSE + "/lessons/:" + LessonView.LESSON)
@AnonymousAllowed
class LessonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String COURSE = "course";
    static final String LESSON = "lesson";

    private final transient Catalogue catalogue;
    private final transient CourseMaterials materials;
    private final transient java.util.List<LessonPageSection> sections;
    private String title = "";

    LessonView(Catalogue catalogue, CourseMaterials materials, java.util.List<LessonPageSection> sections) {
        this.materials = materials;
        this.catalogue = catalogue;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(LessonPageSection::order)).toList();
        addClassName("academy-lesson");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String courseSlug = event.getRouteParameters().get(COURSE).orElse("");
        String lessonSlug = event.getRouteParameters().get(LESSON).orElse("");
        LessonContent content = catalogue.publishedLesson(courseSlug, lessonSlug)
                .orElseThrow(() -> new NotFoundException("catalogue.lesson-not-found", lessonSlug));
        title = content.lesson().title();
        removeAll();
        RouterLink course = new RouterLink(content.course().title(), CourseView.class,
                new RouteParameters(CourseView.SLUG, courseSlug));
        Article body = new Article(new eu.aiskills.academy.shared.ui.RichText(content.html()));
        body.addClassName("academy-prose");
        Nav pager = new Nav();
        pager.addClassName("academy-pager");
        pager.getElement().setAttribute("aria-label", getTranslation("lesson.pager"));
        content.previous().ifPresent(p -> pager.add(link(courseSlug, p, "lesson.previous")));
        pager.add(new Div());
        content.next().ifPresent(n -> pager.add(link(courseSlug, n, "lesson.next")));
        add(course, new H1(content.lesson().title()), body);
        if (!content.materials().isEmpty()) {
            add(MaterialsList.of(this, materials, courseSlug, lessonSlug, content.materials()));
        }
        sections.forEach(section -> section.create(content).ifPresent(this::add));
        add(pager);
    }

    private RouterLink link(String courseSlug, LessonSummary lesson, String key) {
        return new RouterLink(getTranslation(key, lesson.title()), LessonView.class,
                new RouteParameters(Map.of(COURSE, courseSlug, LESSON, lesson.slug())));
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
