package eu.aiskills.academy.enrolment.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.ui.CourseEditorView;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.RunAvailability;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** The courses an instructor teaches, each run with its seats, and the way to its roster. */
@Route("teaching")
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
@Menu(title = "nav.teaching", order = 15, icon = "vaadin:presentation")
class TeachingView extends VerticalLayout implements HasDynamicTitle {

    TeachingView(Catalogue catalogue, Enrolments enrolments) {
        addClassName("academy-teaching");
        add(new H1(getTranslation("teaching.title")));
        if (eu.aiskills.academy.identity.CurrentUser.hasRole(Roles.INSTRUCTOR)) {
            RouterLink create = new RouterLink(getTranslation("teaching.new-course"), CourseEditorView.class,
                    new RouteParameters("id", "new"));
            create.addClassName("academy-cta");
            add(create);
        }
        List<CourseDetail> courses = catalogue.taughtCourses();
        if (courses.isEmpty()) {
            add(new Paragraph(getTranslation("teaching.empty")));
        }
        for (CourseDetail course : courses) {
            boolean published = course.summary().status() == eu.aiskills.academy.catalogue.CourseStatus.PUBLISHED;
            Div block = new Div(new H2(new Anchor(published ? "/courses/" + course.summary().slug()
                    : "/teaching/courses/" + course.summary().id().value() + "/preview", course.summary().title())));
            block.add(new com.vaadin.flow.component.badge.Badge(getTranslation("authoring.status."
                    + course.summary().status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))));
            block.addClassName("academy-card");
            RouterLink edit = new RouterLink(getTranslation("teaching.edit-course"), CourseEditorView.class,
                    new RouteParameters("id", course.summary().id().value().toString()));
            edit.getElement().setAttribute("aria-label", getTranslation("authoring.edit", course.summary().title()));
            block.add(edit);
            if (course.runs().isEmpty()) {
                block.add(new Paragraph(getTranslation("enrol.no-runs")));
            }
            UnorderedList runs = new UnorderedList();
            for (CourseRun run : course.runs()) {
                RunAvailability seats = published ? enrolments.availability(run.id())
                        : new RunAvailability(run.id(), run.capacity(), 0, 0, null);
                RouterLink roster = new RouterLink(getTranslation("enrol.run.heading", Views.date(this, run.startsOn()),
                        Views.date(this, run.endsOn())) + " (" + run.code() + ")", RunRosterView.class,
                        new RouteParameters(RunRosterView.RUN, run.id().value().toString()));
                runs.add(new ListItem(roster, new Span(" · " + getTranslation("teaching.seats", seats.taken(),
                        seats.capacity(), seats.waitlisted()))));
            }
            block.add(runs);
            add(block);
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "teaching.title");
    }
}
