package eu.aiskills.academy.enrolment.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.catalogue.Programme;
import eu.aiskills.academy.enrolment.CredentialSummary;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.enrolment.ProgrammeRules;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * The learner's dashboard: courses in progress with what to do next, places on waitlists,
 * upcoming starts, programme progress in credits, completed courses and credentials.
 */
@Route(MyLearningView.ROUTE)
@PermitAll
@Menu(title = "nav.learning", order = 12, icon = "vaadin:diploma")
class MyLearningView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "learning";

    private final transient Enrolments enrolments;
    private final transient LessonProgress progress;
    private final transient Credentials credentials;
    private final transient Catalogue catalogue;
    private final transient Clock clock;

    MyLearningView(Enrolments enrolments, LessonProgress progress, Credentials credentials, Catalogue catalogue, Clock clock) {
        this.enrolments = enrolments;
        this.progress = progress;
        this.credentials = credentials;
        this.catalogue = catalogue;
        this.clock = clock;
        addClassName("academy-learning");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("learning.title")));
        List<LearnerCourse> mine = enrolments.mine();
        List<LearnerCourse> current = mine.stream().filter(c -> c.status() == EnrolmentStatus.ENROLLED).toList();
        List<LearnerCourse> waiting = mine.stream().filter(c -> c.status() == EnrolmentStatus.WAITLISTED).toList();
        List<LearnerCourse> completed = mine.stream().filter(c -> c.status() == EnrolmentStatus.COMPLETED).toList();
        if (mine.stream().noneMatch(c -> c.status().active())) {
            Paragraph empty = new Paragraph(getTranslation("learning.empty"));
            add(empty, new RouterLink(getTranslation("learning.browse"), eu.aiskills.academy.catalogue.ui.CatalogueView.class));
        }
        if (!current.isEmpty()) {
            Div cards = cards();
            current.forEach(course -> cards.add(card(course)));
            add(new H2(getTranslation("learning.current")), cards);
        }
        if (!waiting.isEmpty()) {
            Div cards = cards();
            waiting.forEach(course -> cards.add(card(course)));
            add(new H2(getTranslation("learning.waiting")), cards);
        }
        Component programmes = programmes();
        if (programmes != null) {
            add(new H2(getTranslation("learning.programmes")), programmes);
        }
        if (!completed.isEmpty()) {
            Div cards = cards();
            completed.forEach(course -> cards.add(card(course)));
            add(new H2(getTranslation("learning.completed")), cards);
        }
        List<CredentialSummary> mineCredentials = credentials.mine();
        if (!mineCredentials.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.addClassName("academy-credentials");
            for (CredentialSummary credential : mineCredentials) {
                Anchor link = new Anchor(CredentialView.path(credential.id()), credential.achievementName());
                ListItem item = new ListItem(link, new Span(" · " + getTranslation("learning.issued",
                        Views.date(this, credential.issuedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()))));
                if (credential.revoked()) {
                    item.add(new Span(" · " + getTranslation("credential.status.revoked")));
                }
                list.add(item);
            }
            add(new H2(getTranslation("learning.credentials")), list);
        }
    }

    private static Div cards() {
        Div cards = new Div();
        cards.addClassName("academy-cards");
        return cards;
    }

    private Component card(LearnerCourse course) {
        Div card = new Div();
        card.addClassName("academy-card");
        var run = course.run();
        card.add(new H3(new Anchor("/courses/" + run.courseSlug(), run.courseTitle())));
        LocalDate today = LocalDate.now(clock);
        String dates = getTranslation("enrol.run.heading", Views.date(this, run.startsOn()), Views.date(this, run.endsOn()));
        Paragraph when = new Paragraph(run.startsOn().isAfter(today)
                ? getTranslation("learning.starts", dates) : dates);
        card.add(when);
        switch (course.status()) {
            case WAITLISTED -> card.add(new Paragraph(getTranslation("enrol.you-wait", course.waitlistPosition())));
            case COMPLETED -> card.add(new Paragraph(getTranslation("learning.completed-on",
                    Views.date(this, course.completedAt().atZone(run.timeZone()).toLocalDate()))));
            default -> {
                ProgressBar bar = new ProgressBar(0, 1, course.progress());
                String label = getTranslation("progress.summary", course.lessonsDone().size(), course.lessonCount());
                bar.getElement().setAttribute("aria-label", label);
                card.add(bar, new Span(label));
                nextLesson(course).ifPresent(lesson -> card.add(new Paragraph(new Anchor(
                        "/courses/" + run.courseSlug() + "/lessons/" + lesson.slug(),
                        getTranslation("learning.continue", lesson.title())))));
            }
        }
        if (course.status() != EnrolmentStatus.WAITLISTED) {
            card.add(new Paragraph(new RouterLink(getTranslation("grades.link"), MyGradesView.class,
                    new com.vaadin.flow.router.RouteParameters(MyGradesView.ENROLMENT, course.id().value().toString()))));
        }
        if (course.status() == EnrolmentStatus.ENROLLED || course.status() == EnrolmentStatus.WAITLISTED) {
            Button cancel = new Button(getTranslation("enrol.cancel"), click -> CancelEnrolment.confirm(enrolments, course, this::render));
            cancel.addThemeVariants(ButtonVariant.TERTIARY);
            card.add(cancel);
        }
        return card;
    }

    private java.util.Optional<LessonSummary> nextLesson(LearnerCourse course) {
        return catalogue.lessons(course.run().courseId()).stream()
                .filter(lesson -> !course.lessonsDone().contains(lesson.id())).findFirst();
    }

    private Component programmes() {
        Set<UUID> completed = new HashSet<>();
        progress.completedCourses().forEach(id -> completed.add(id.value()));
        Set<UUID> involved = new HashSet<>(completed);
        enrolments.mine().stream().filter(c -> c.status().active()).forEach(c -> involved.add(c.run().courseId().value()));
        Div cards = cards();
        for (Programme programme : catalogue.publishedProgrammes()) {
            if (programme.courses().stream().noneMatch(part -> involved.contains(part.courseId().value()))) {
                continue;
            }
            BigDecimal credits = ProgrammeRules.credits(programme, completed);
            Div card = new Div();
            card.addClassName("academy-card");
            card.add(new H3(programme.title()));
            double share = Math.min(1.0, credits.doubleValue() / programme.creditsTotal().doubleValue());
            ProgressBar bar = new ProgressBar(0, 1, share);
            String label = getTranslation("learning.credits", credits.stripTrailingZeros().toPlainString(),
                    programme.creditsTotal().stripTrailingZeros().toPlainString());
            bar.getElement().setAttribute("aria-label", label);
            card.add(bar, new Span(label));
            UnorderedList parts = new UnorderedList();
            for (Programme.Part part : programme.courses()) {
                String state = completed.contains(part.courseId().value()) ? getTranslation("learning.part.done")
                        : involved.contains(part.courseId().value()) ? getTranslation("learning.part.in-progress")
                        : getTranslation(part.required() ? "learning.part.required" : "learning.part.elective");
                parts.add(new ListItem(new Anchor("/courses/" + part.slug(), part.title()), new Span(" · " + state)));
            }
            card.add(parts);
            cards.add(card);
        }
        return cards.getChildren().findAny().isPresent() ? cards : null;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "learning.title");
    }
}
