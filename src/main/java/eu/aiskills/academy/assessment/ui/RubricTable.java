package eu.aiskills.academy.assessment.ui;

import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import eu.aiskills.academy.assessment.Rubric;

/**
 * A rubric as a table a learner reads before handing in (criteria down, levels across, each with
 * its points), marking the levels a grader chose once graded: what is expected, visible up front
 * as in Moodle's and Canvas's rubrics.
 */
final class RubricTable {

    private RubricTable() {
    }

    /** The rubric, with {@code chosen} (criterion key to level key) marked; empty for none. */
    static Component of(Component view, Rubric rubric, Map<String, String> chosen) {
        NativeTable table = new NativeTable();
        table.addClassName("academy-rubric");
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow header = new NativeTableRow();
        header.add(new NativeTableHeaderCell(view.getTranslation("assignment.rubric.criterion")),
                new NativeTableHeaderCell(view.getTranslation("assignment.rubric.levels")));
        head.add(header);
        NativeTableBody body = new NativeTableBody();
        for (Rubric.Criterion criterion : rubric.criteria()) {
            NativeTableRow row = new NativeTableRow();
            NativeTableHeaderCell name = new NativeTableHeaderCell();
            name.getElement().setAttribute("scope", "row");
            name.add(new Span(criterion.title()));
            if (criterion.description() != null && !criterion.description().isBlank()) {
                Div description = new Div(criterion.description());
                description.addClassName("academy-note");
                name.add(description);
            }
            NativeTableCell levels = new NativeTableCell();
            Div list = new Div();
            list.addClassName("academy-rubric-levels");
            for (Rubric.Level level : criterion.levels()) {
                Div cell = new Div();
                cell.addClassName("academy-rubric-level");
                boolean picked = level.key().equals(chosen.get(criterion.key()));
                if (picked) {
                    cell.addClassName("academy-rubric-chosen");
                    cell.getElement().setAttribute("aria-current", "true");
                }
                Span title = new Span(level.title() + " · " + view.getTranslation("assignment.rubric.points", level.points()));
                title.addClassName("academy-rubric-level-title");
                cell.add(title);
                if (level.description() != null && !level.description().isBlank()) {
                    cell.add(new Div(level.description()));
                }
                if (picked) {
                    Span mark = new Span(view.getTranslation("assignment.rubric.chosen"));
                    mark.getElement().getThemeList().add("badge success");
                    cell.add(mark);
                }
                list.add(cell);
            }
            levels.add(list);
            row.add(name, levels);
            body.add(row);
        }
        table.add(head, body);
        return table;
    }
}
