package eu.aiskills.academy.catalogue.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
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
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.catalogue.Sector;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * A course's page: what it is about, what it teaches (outcomes, ESCO skills) and requires, who
 * teaches it, its lessons by module, and the sections other modules add (runs to enrol in,
 * related courses).
 */
@Route("courses/:" + CourseView.SLUG)
@AnonymousAllowed
class CourseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A course page for the preview, without the sections other modules add. */
    static CourseView forPreview() {
        return new CourseView(null, List.of());
    }

    static final String SLUG = "slug";

    private final transient Catalogue catalogue;
    private final transient List<CoursePageSection> sections;
    private String title = "";

    CourseView(Catalogue catalogue, List<CoursePageSection> sections) {
        this.catalogue = catalogue;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CoursePageSection::order)).toList();
        addClassName("academy-course");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SLUG).orElse("");
        CourseDetail course = catalogue.publishedCourse(slug)
                .orElseThrow(() -> new NotFoundException("catalogue.course-not-found", slug));
        title = course.summary().title();
        removeAll();
        render(course, slug, true);
        sections.forEach(section -> section.create(course).ifPresent(this::add));
    }

    /** The course page's own content; {@code live} is false in an author's preview (no enrolment, no links out). */
    void render(CourseDetail course, String slug, boolean live) {
        RouterLink back = new RouterLink(getTranslation("course.back"), CatalogueView.class);
        Div facts = new Div(new Badge(getTranslation(course.summary().level().messageKey())),
                new Badge(getTranslation(course.format().messageKey())),
                new Span(getTranslation("catalogue.workload", course.summary().workloadHours())),
                new Span(String.join(" · ", course.languages().stream().map(l -> l.toUpperCase(Locale.ROOT)).toList())));
        if (course.summary().ects() != null) {
            facts.add(new Span(getTranslation("catalogue.ects", course.summary().ects().stripTrailingZeros().toPlainString())));
        }
        facts.addClassName("academy-facts");
        add(back, new H1(course.summary().title()), new Paragraph(course.summary().summary()), facts);
        if (live && course.runs().stream().anyMatch(run -> run.status() == eu.aiskills.academy.catalogue.RunStatus.SCHEDULED)) {
            // The runs section (added by enrolment, id "runs") sits below the outline: take people there.
            com.vaadin.flow.component.button.Button toRuns = new com.vaadin.flow.component.button.Button(
                    getTranslation("course.see-runs"), click -> getElement().executeJs(
                    "const runs = document.getElementById('runs'); if (runs) { runs.scrollIntoView({behavior: 'smooth'});"
                            + " runs.setAttribute('tabindex', '-1'); runs.focus({preventScroll: true}); }"));
            toRuns.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.PRIMARY);
            toRuns.addClassName("academy-to-runs");
            add(toRuns);
        }
        if (!course.instructors().isEmpty()) {
            Paragraph taught = new Paragraph(getTranslation("course.instructors", String.join(", ", course.instructors())));
            taught.addClassName("academy-instructors");
            add(taught);
        }
        if (!course.coInstructors().isEmpty()) {
            Paragraph fellows = new Paragraph(getTranslation("course.co-instructors", String.join(", ", course.coInstructors())));
            fellows.addClassName("academy-instructors");
            add(fellows);
        }
        Div description = new eu.aiskills.academy.shared.ui.RichText(course.descriptionHtml());
        description.addClassName("academy-prose");
        add(description);
        add(new H2(getTranslation("course.outcomes")), list(course.outcomes()));
        if (!course.skills().isEmpty()) {
            add(new H2(getTranslation("course.skills")), skills(course.skills()));
        }
        if (!course.sectors().isEmpty()) {
            Div sectors = new Div();
            sectors.addClassName("academy-tags");
            course.sectors().stream().sorted().map(Sector::messageKey).map(this::getTranslation).sorted()
                    .forEach(label -> sectors.add(new Badge(label)));
            add(new H2(getTranslation("course.sectors")), sectors);
        }
        if (!course.prerequisiteCourses().isEmpty() || !course.prerequisiteSkills().isEmpty()) {
            add(prerequisites(course));
        }
        add(new H2(getTranslation("course.outline")), outline(slug, course.lessons(), live));
    }

    private static UnorderedList list(List<String> items) {
        UnorderedList list = new UnorderedList();
        items.forEach(item -> list.add(new ListItem(item)));
        return list;
    }

    private Component skills(List<Skill> skills) {
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-skills");
        for (Skill skill : skills) {
            Anchor link = new Anchor(skill.uri(), skill.label());
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener");
            link.getElement().setAttribute("title", getTranslation("course.skill.esco", skill.label()));
            list.add(new ListItem(link));
        }
        return list;
    }

    private Component prerequisites(CourseDetail course) {
        Div section = new Div(new H2(getTranslation("course.prerequisites")));
        section.addClassName("academy-prerequisites");
        if (!course.prerequisiteCourses().isEmpty()) {
            UnorderedList courses = new UnorderedList();
            for (CourseSummary required : course.prerequisiteCourses()) {
                courses.add(new ListItem(new RouterLink(required.title(), CourseView.class,
                        new RouteParameters(SLUG, required.slug()))));
            }
            section.add(new Paragraph(getTranslation("course.prerequisites.courses")), courses);
        }
        if (!course.prerequisiteSkills().isEmpty()) {
            section.add(new Paragraph(getTranslation("course.prerequisites.skills",
                    String.join(", ", course.prerequisiteSkills().stream().map(Skill::label).toList()))));
        }
        return section;
    }

    private Component outline(String slug, List<LessonSummary> lessons, boolean live) {
        Div outline = new Div();
        outline.addClassName("academy-outline");
        OrderedList current = null;
        String module = null;
        boolean first = true;
        int totalWeight = lessons.stream().filter(LessonSummary::graded).mapToInt(LessonSummary::weight).sum();
        for (LessonSummary lesson : lessons) {
            if (first || !java.util.Objects.equals(module, lesson.module())) {
                module = lesson.module();
                if (module != null) {
                    outline.add(new H3(module));
                }
                current = new OrderedList();
                current.getElement().setAttribute("start", String.valueOf(lesson.position()));
                outline.add(current);
                first = false;
            }
            Component link = live ? new RouterLink(lesson.title(), LessonView.class,
                    new RouteParameters(Map.of(LessonView.COURSE, slug, LessonView.LESSON, lesson.slug()))) : new Span(lesson.title());
            ListItem item = new ListItem(link, new Span(" · " + getTranslation("course.minutes", lesson.minutes())));
            if (!lesson.required()) {
                item.add(new Span(" · " + getTranslation("course.optional")));
            }
            item.add(new Span(" · " + switch (lesson.completion()) {
                case LAB -> getTranslation("course.graded", lesson.passScore().stripTrailingZeros().toPlainString());
                case QUIZ -> getTranslation("course.by-quiz");
                case ASSIGNMENT -> getTranslation("course.by-assignment");
                case READ -> getTranslation("course.by-read");
                case DONE -> getTranslation("course.by-done");
            }));
            if (lesson.graded() && totalWeight > 0) {
                item.add(new Span(" · " + getTranslation("course.weight", Math.round(100.0 * lesson.weight() / totalWeight))));
            }
            current.add(item);
        }
        return outline;
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
