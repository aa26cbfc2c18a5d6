package eu.aiskills.academy.enrolment.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.RunStatus;
import eu.aiskills.academy.catalogue.ui.CoursePageSection;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.enrolment.RunAvailability;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.ui.LoginView;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * "Runs" on a course's page: each coming run with its dates, mode, seats and enrolment window,
 * and what the visitor can do: enrol, join the waitlist, cancel, add the dates to a calendar.
 */
@org.springframework.stereotype.Component
class EnrolmentSection implements CoursePageSection {

    private final Enrolments enrolments;
    private final Clock clock;

    EnrolmentSection(Enrolments enrolments, Clock clock) {
        this.enrolments = enrolments;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Component> create(CourseDetail course) {
        UI ui = UI.getCurrent();
        LocalDate today = LocalDate.now(clock);
        List<CourseRun> coming = course.runs().stream()
                .filter(run -> run.status() == RunStatus.SCHEDULED && !run.endsOn().isBefore(today)).toList();
        Div section = new Div(new H2(ui.getTranslation("enrol.runs")));
        section.addClassName("academy-runs");
        section.setId("runs");
        if (coming.isEmpty()) {
            section.add(new Paragraph(ui.getTranslation("enrol.no-runs")));
            return Optional.of(section);
        }
        List<CourseSummary> missing = enrolments.missingPrerequisites(course.summary().id());
        if (!missing.isEmpty() && CurrentUser.id().isPresent()) {
            Paragraph warning = new Paragraph(ui.getTranslation("enrol.prerequisites-missing",
                    String.join(", ", missing.stream().map(CourseSummary::title).toList())));
            warning.addClassName("academy-callout");
            warning.getElement().setAttribute("role", "note");
            section.add(warning);
        }
        for (CourseRun run : coming) {
            Div card = new Div();
            card.addClassName("academy-run");
            render(card, course, run, missing.isEmpty());
            section.add(card);
        }
        return Optional.of(section);
    }

    private void render(Div card, CourseDetail course, CourseRun run, boolean prerequisitesMet) {
        card.removeAll();
        UI ui = UI.getCurrent();
        RunAvailability availability = enrolments.availability(run.id());
        H3 heading = new H3(ui.getTranslation("enrol.run.heading", Views.date(card, run.startsOn()), Views.date(card, run.endsOn())));
        Div facts = new Div(new Span(ui.getTranslation(run.mode().messageKey())),
                new Span(run.language().toUpperCase(Locale.ROOT)), new Span(run.code()));
        run.locationIfAny().ifPresent(location -> facts.add(new Span(location)));
        if (run.labGpuHoursPerLearner() != null && run.labGpuHoursPerLearner().compareTo(BigDecimal.ZERO) > 0) {
            facts.add(new Span(ui.getTranslation("enrol.lab-quota", run.labGpuHoursPerLearner().stripTrailingZeros().toPlainString())));
        }
        facts.addClassName("academy-facts");
        Paragraph window = new Paragraph(windowText(card, run, clock.instant()));
        Paragraph seats = new Paragraph(availability.free() > 0
                ? ui.getTranslation("enrol.seats-free", availability.free(), availability.capacity())
                : run.waitlist() ? ui.getTranslation("enrol.full-waitlist", availability.waitlisted())
                : ui.getTranslation("enrol.full"));
        seats.addClassName("academy-seats");
        Div actions = new Div();
        actions.addClassName("academy-actions");
        LearnerCourse mine = availability.mine();
        if (mine != null) {
            Span status = new Span(mine.status() == EnrolmentStatus.WAITLISTED
                    ? ui.getTranslation("enrol.you-wait", mine.waitlistPosition())
                    : ui.getTranslation(mine.status().messageKey()));
            status.addClassName("academy-status");
            actions.add(status);
            if (mine.status() == EnrolmentStatus.ENROLLED || mine.status() == EnrolmentStatus.WAITLISTED) {
                Button cancel = new Button(ui.getTranslation("enrol.cancel"), click -> CancelEnrolment.confirm(enrolments, mine,
                        () -> render(card, course, run, prerequisitesMet)));
                cancel.addThemeVariants(ButtonVariant.TERTIARY);
                actions.add(cancel);
            }
        } else if (CurrentUser.id().isEmpty()) {
            // Back to this course once signed in.
            actions.add(new com.vaadin.flow.component.html.Anchor(LoginView.ROUTE + "?" + LoginView.CONTINUE + "="
                    + java.net.URLEncoder.encode("/courses/" + course.summary().slug(), java.nio.charset.StandardCharsets.UTF_8),
                    ui.getTranslation("enrol.sign-in")));
        } else if (!CurrentUser.hasRole(Roles.STUDENT) && !CurrentUser.hasRole(Roles.FELLOW)) {
            actions.add(new Span(ui.getTranslation("enrol.learners-only")));
        } else if (run.enrolmentOpen(clock.instant())) {
            boolean full = availability.free() == 0;
            Button enrol = new Button(ui.getTranslation(full ? "enrol.join-waitlist" : "enrol.enrol"), click -> {
                try {
                    LearnerCourse result = enrolments.enrol(run.id());
                    Views.success(result.status() == EnrolmentStatus.WAITLISTED
                            ? ui.getTranslation("enrol.done-waitlist", result.waitlistPosition())
                            : ui.getTranslation("enrol.done", course.summary().title()));
                } catch (UserFacingException rejection) {
                    Views.error(ui.getTranslation(rejection.messageKey(), rejection.arguments()));
                }
                render(card, course, run, prerequisitesMet);
            });
            enrol.addThemeVariants(ButtonVariant.PRIMARY);
            enrol.setDisableOnClick(true);
            if (!prerequisitesMet || (full && !run.waitlist())) {
                enrol.setEnabled(false);
            }
            actions.add(enrol);
        }
        Anchor calendar = new Anchor("/courses/" + course.summary().slug() + "/runs/" + run.code() + "/calendar.ics",
                ui.getTranslation("enrol.calendar"));
        calendar.getElement().setAttribute("download", true);
        calendar.addComponentAsFirst(VaadinIcon.CALENDAR.create());
        actions.add(calendar);
        card.add(heading, facts, window, seats, actions);
    }

    private static String windowText(Component view, CourseRun run, java.time.Instant now) {
        if (run.enrolmentOpen(now)) {
            return view.getTranslation("enrol.window.open", Views.dateTime(view, run.enrolClosesAt(), run.timeZone()));
        }
        if (now.isBefore(run.enrolOpensAt())) {
            return view.getTranslation("enrol.window.opens", Views.dateTime(view, run.enrolOpensAt(), run.timeZone()));
        }
        return view.getTranslation("enrol.window.closed");
    }
}
