package eu.aiskills.academy.labs.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.labs.LabConfinement;
import eu.aiskills.academy.labs.LabSandboxes;
import eu.aiskills.academy.labs.LabUsageReport;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.labs.LabUsage;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.shared.ui.Chart;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** How an instructor's classes use their labs: sessions over the last two weeks, time, scores, per learner. */
@Route("teaching/labs")
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
@Menu(title = "nav.lab-usage", order = 15.5, icon = "vaadin:laptop")
class LabUsageView extends VerticalLayout implements HasDynamicTitle {

    private final transient LabUsageReport report;
    private final Div body = new Div();

    LabUsageView(LabUsageReport report, Labs labs, Catalogue catalogue, LabSandboxes sandboxes) {
        this.report = report;
        addClassName("academy-lab-usage");
        add(new H1(getTranslation("lab.usage.title")), new Paragraph(getTranslation("lab.usage.intro")));
        add(new com.vaadin.flow.router.RouterLink(getTranslation("lab.authoring.title-page"), LabAuthoringView.class));
        if (CurrentUser.hasRole(Roles.ADMIN)) {
            add(confinement(sandboxes.confinement()));
        }
        List<String> withLabs = labs.all().stream().map(LabTemplate::courseSlug).distinct().toList();
        List<CourseDetail> courses = catalogue.taughtCourses().stream().filter(c -> withLabs.contains(c.summary().slug())).toList();
        if (courses.isEmpty()) {
            add(new Paragraph(getTranslation("lab.usage.none")));
            return;
        }
        Select<CourseDetail> course = new Select<>();
        course.setLabel(getTranslation("lab.usage.course"));
        course.setItems(courses);
        course.setItemLabelGenerator(c -> c.summary().title());
        // Each course's use is read once to choose the most used; choosing another course reads it afresh.
        Map<CourseDetail, LabUsage> first = new java.util.HashMap<>();
        courses.forEach(c -> first.put(c, report.usage(c.summary().slug())));
        course.addValueChangeListener(change -> show(java.util.Optional.ofNullable(first.remove(change.getValue()))
                .orElseGet(() -> report.usage(change.getValue().summary().slug()))));
        add(course, body);
        course.setValue(courses.stream().max(java.util.Comparator.comparingInt((CourseDetail c) -> first.get(c).labs().stream()
                .mapToInt(LabUsage.Lab::sessions).sum())).orElse(courses.getFirst()));
        first.clear();
    }

    private void show(LabUsage usage) {
        body.removeAll();
        body.add(new H2(getTranslation("lab.usage.per-day")), perDay(usage.sessionsPerDay()));
        for (LabUsage.Lab lab : usage.labs()) {
            Div card = new Div(new H3(lab.title()));
            card.addClassName("academy-card");
            card.add(new Paragraph(getTranslation("lab.usage.summary", lab.sessions(), lab.learners(), hours(lab.time()),
                    plain(lab.gpuHours()), lab.running(), lab.averageBestScore() == null ? "–" : plain(lab.averageBestScore()))));
            Grid<LabUsage.Learner> grid = new Grid<>();
            grid.addColumn(LabUsage.Learner::name).setHeader(getTranslation("lab.usage.learner")).setAutoWidth(true).setFlexGrow(2);
            grid.addColumn(LabUsage.Learner::sessions).setHeader(getTranslation("lab.usage.sessions")).setAutoWidth(true);
            grid.addColumn(l -> hours(l.time())).setHeader(getTranslation("lab.usage.time")).setAutoWidth(true);
            grid.addColumn(l -> l.bestScore() == null ? "–" : plain(l.bestScore())).setHeader(getTranslation("lab.usage.best"))
                    .setAutoWidth(true);
            grid.addColumn(l -> Views.dateTime(this, l.lastActive(), ZoneId.of("UTC"))).setHeader(getTranslation("lab.usage.last"))
                    .setAutoWidth(true);
            grid.setItems(lab.byLearner());
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.ROW_STRIPES);
            grid.setAriaLabel(getTranslation("lab.usage.learners-of", lab.title()));
            if (!lab.byLearner().isEmpty()) {
                card.add(perLearner(lab));
            }
            card.add(grid);
            body.add(card);
        }
    }

    /** Sessions per day over the last two weeks, as bars (with their table). */
    private Chart perDay(List<Integer> counts) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", getLocale());
        List<String> days = new java.util.ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            days.add(day.format(today.minusDays(counts.size() - 1L - i)));
        }
        return new Chart(getTranslation("lab.usage.per-day-summary", counts.stream().mapToInt(Integer::intValue).sum(), counts.size()),
                Chart.Kind.BAR, days, List.of(new Chart.Series(getTranslation("lab.usage.sessions"), counts)), "", false);
    }

    /** Each learner's time in the lab, in hours, as horizontal bars (with their table). */
    private Chart perLearner(LabUsage.Lab lab) {
        List<LabUsage.Learner> learners = lab.byLearner();
        return new Chart(getTranslation("lab.usage.per-learner-summary", lab.title(), learners.size()), Chart.Kind.BAR,
                learners.stream().map(LabUsage.Learner::name).toList(), List.of(new Chart.Series(getTranslation("lab.usage.time-hours"),
                        learners.stream().map(l -> BigDecimal.valueOf(l.time().toMinutes()).divide(BigDecimal.valueOf(60), 2,
                                java.math.RoundingMode.HALF_UP)).toList())), getTranslation("lab.usage.hours-unit"), true);
    }

    private static String hours(Duration time) {
        return String.format("%d:%02d", time.toHours(), time.toMinutesPart());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "lab.usage.title");
    }

    /** For administrators: what confines this instance's sandboxes, in words. */
    private Div confinement(LabConfinement in) {
        Div box = new Div();
        box.addClassName("academy-lab-confinement");
        UnorderedList lines = new UnorderedList(
                new ListItem(in.perSession() ? getTranslation("lab.confinement.per-session", in.limits())
                        : getTranslation("lab.confinement.per-process")),
                new ListItem(getTranslation(in.diskQuota() ? "lab.confinement.disk" : "lab.confinement.no-disk")),
                new ListItem(getTranslation(in.ownUser() ? "lab.confinement.own-user"
                        : "lab.confinement.shared-user")));
        if (in.seccomp()) {
            lines.add(new ListItem(getTranslation("lab.confinement.seccomp")));
        }
        box.add(new H2(getTranslation("lab.confinement.title")), lines);
        return box;
    }
}
