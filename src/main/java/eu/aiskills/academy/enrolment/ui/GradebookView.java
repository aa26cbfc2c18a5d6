package eu.aiskills.academy.enrolment.ui;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.enrolment.Gradebook;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * A run's gradebook for its instructors, as Moodle's grader report: one row per learner, one
 * column per assessed lesson (its kind and share of the grade in the header) with the best score,
 * attempts, late work, a submission waiting and whether the lesson is done, the course grade, the
 * class average under each column, and a CSV export.
 */
@Route("teaching/runs/:" + GradebookView.RUN + "/gradebook")
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
class GradebookView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String RUN = "run";

    private final transient Gradebook gradebook;
    private String title = "";

    GradebookView(Gradebook gradebook) {
        this.gradebook = gradebook;
        addClassName("academy-gradebook");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RunId runId = event.getRouteParameters().get(RUN).flatMap(RunRosterView::parse)
                .orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        Gradebook.Sheet sheet = gradebook.ofRun(runId);
        title = getTranslation("gradebook.title", sheet.run().courseTitle(), sheet.run().code());
        removeAll();
        add(new RouterLink(getTranslation("gradebook.back"), RunRosterView.class, new RouteParameters(RunRosterView.RUN,
                runId.value().toString())), new H1(title));
        if (sheet.items().isEmpty()) {
            add(new Paragraph(getTranslation("gradebook.no-items")));
            return;
        }
        Paragraph how = new Paragraph(getTranslation("gradebook.how"));
        how.addClassName("academy-note");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = gradebook.csv(runId).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "gradebook-" + sheet.run().courseSlug() + "-" + sheet.run().code()
                    + ".csv", "text/csv;charset=utf-8", bytes.length);
        }), getTranslation("gradebook.export"));
        csv.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        Div actions = new Div(csv);
        actions.addClassName("academy-actions");
        add(how, actions, grid(sheet));
    }

    private Grid<Gradebook.Row> grid(Gradebook.Sheet sheet) {
        Grid<Gradebook.Row> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.addColumn(Gradebook.Row::name).setHeader(getTranslation("teaching.col.name")).setKey("name").setFrozen(true)
                .setAutoWidth(true).setFooter(getTranslation("gradebook.average"));
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("teaching.col.status")).setAutoWidth(true);
        // The course grade beside the name, always in view; the items follow, as many as the course has.
        grid.addColumn(r -> r.courseGrade() == null ? "" : r.courseGrade().toPlainString()).setHeader(getTranslation("gradebook.course-grade"))
                .setKey("grade").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFooter(average(sheet.rows().stream().map(Gradebook.Row::courseGrade).toList()));
        for (Gradebook.Item item : sheet.items()) {
            Span header = new Span(getTranslation("gradebook.item", item.title(), getTranslation("gradebook.kind." + item.kind().name()),
                    Math.round(item.share() * 100)));
            header.addClassName("academy-grade-header");
            grid.addComponentColumn(row -> GradeCells.of(this, row.cell(item.lessonSlug()))).setHeader(header)
                    .setFooter(average(sheet.rows().stream().map(r -> r.cell(item.lessonSlug()).best()).toList()))
                    .setKey("item-" + item.lessonSlug()).setWidth("13rem").setFlexGrow(1);
        }
        grid.setItems(sheet.rows());
        grid.setEmptyStateText(getTranslation("gradebook.no-learners"));
        return grid;
    }

    /** The mean of the scores there are, or a dash. */
    private static String average(List<BigDecimal> scores) {
        List<BigDecimal> present = scores.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return "–";
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), 1, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
