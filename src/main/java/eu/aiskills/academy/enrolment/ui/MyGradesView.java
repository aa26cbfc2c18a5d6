package eu.aiskills.academy.enrolment.ui;

import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.enrolment.EnrolmentId;
import eu.aiskills.academy.enrolment.Gradebook;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/** A learner's own row of their run's gradebook, as Moodle's user report: each assessed lesson, its share, their result, the course grade. */
@Route("learning/:" + MyGradesView.ENROLMENT + "/grades")
@PermitAll
class MyGradesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ENROLMENT = "enrolment";

    private final transient Gradebook gradebook;
    private String title = "";

    MyGradesView(Gradebook gradebook) {
        this.gradebook = gradebook;
        addClassName("academy-my-grades");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        EnrolmentId id = event.getRouteParameters().get(ENROLMENT).flatMap(MyGradesView::parse)
                .orElseThrow(() -> new NotFoundException("enrolment.not-found"));
        Gradebook.Sheet sheet = gradebook.mine(id);
        title = getTranslation("grades.title", sheet.run().courseTitle());
        removeAll();
        add(new RouterLink(getTranslation("grades.back"), MyLearningView.class), new H1(title));
        if (sheet.items().isEmpty() || sheet.rows().isEmpty()) {
            add(new Paragraph(getTranslation(sheet.items().isEmpty() ? "grades.no-items" : "grades.no-seat")));
            return;
        }
        Gradebook.Row row = sheet.rows().getFirst();
        NativeTable table = new NativeTable();
        table.addClassName("academy-table");
        NativeTableRow header = new NativeTableRow(new NativeTableHeaderCell(getTranslation("grades.col.item")),
                new NativeTableHeaderCell(getTranslation("grades.col.kind")), new NativeTableHeaderCell(getTranslation("grades.col.share")),
                new NativeTableHeaderCell(getTranslation("grades.col.result")));
        NativeTableBody body = new NativeTableBody();
        for (Gradebook.Item item : sheet.items()) {
            NativeTableHeaderCell name = new NativeTableHeaderCell(item.title());
            name.getElement().setAttribute("scope", "row");
            NativeTableCell result = new NativeTableCell();
            result.add(GradeCells.of(this, row.cell(item.lessonSlug())));
            body.add(new NativeTableRow(name, new NativeTableCell(getTranslation("gradebook.kind." + item.kind().name())),
                    new NativeTableCell(getTranslation("grades.share", Math.round(item.share() * 100))), result));
        }
        table.add(new NativeTableHeader(header), body);
        Paragraph grade = new Paragraph(row.courseGrade() == null ? getTranslation("grades.no-grade")
                : getTranslation("grades.course-grade", row.courseGrade().toPlainString()));
        grade.addClassName("academy-grade-total");
        Paragraph how = new Paragraph(getTranslation("grades.how"));
        how.addClassName("academy-note");
        add(grade, table, how);
    }

    private static Optional<EnrolmentId> parse(String text) {
        try {
            return Optional.of(new EnrolmentId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
