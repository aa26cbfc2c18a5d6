package eu.aiskills.academy.catalogue.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import eu.aiskills.academy.catalogue.CourseChange;

/**
 * A revision's changes side by side, as a code review shows a diff: per field or lesson, the
 * published version on the left and the revision on the right, texts line by line with removed,
 * added and changed lines marked (in words for screen readers too) and unchanged stretches
 * shortened; changes to what the course certifies or how it is completed are flagged.
 */
final class RevisionChanges {

    private RevisionChanges() {
    }

    static Component of(Component view, List<CourseChange> changes) {
        Div box = new Div();
        box.addClassName("academy-revision-changes");
        if (changes.isEmpty()) {
            box.add(new Paragraph(view.getTranslation("revision.no-changes")));
            return box;
        }
        long structural = changes.stream().filter(CourseChange::structural).count();
        box.add(new Paragraph(view.getTranslation("revision.changes-summary", changes.size(), structural)));
        for (CourseChange change : changes) {
            Div item = new Div();
            item.addClassName("academy-revision-change");
            H3 title = new H3(view.getTranslation("revision.field." + change.field())
                    + (change.lesson() == null ? "" : " · " + change.lesson()));
            item.add(title);
            if (change.structural()) {
                Span flag = new Span(view.getTranslation("revision.structural"));
                flag.getElement().getThemeList().add("badge warning");
                item.add(flag);
            }
            item.add(table(view, change));
            box.add(item);
        }
        return box;
    }

    private static NativeTable table(Component view, CourseChange change) {
        NativeTable table = new NativeTable();
        table.addClassName("academy-diff");
        table.add(new NativeTableHeader(new NativeTableRow(new NativeTableHeaderCell(view.getTranslation("revision.before")),
                new NativeTableHeaderCell(view.getTranslation("revision.after")))));
        NativeTableBody body = new NativeTableBody();
        if (change.lines().isEmpty()) {
            body.add(new NativeTableRow(cell(change.before(), change.before() == null ? "academy-diff-none" : "academy-diff-removed", view,
                    change.before() == null ? "revision.none" : null), cell(change.after(),
                    change.after() == null ? "academy-diff-none" : "academy-diff-added", view, change.after() == null ? "revision.none" : null)));
        }
        for (CourseChange.Line line : change.lines()) {
            NativeTableRow row = switch (line.kind()) {
                case SKIPPED -> {
                    NativeTableCell skipped = new NativeTableCell(view.getTranslation("revision.skipped", Integer.parseInt(line.before())));
                    skipped.getElement().setAttribute("colspan", "2");
                    skipped.addClassName("academy-diff-skipped");
                    yield new NativeTableRow(skipped);
                }
                case SAME -> new NativeTableRow(cell(line.before(), "academy-diff-same", view, null),
                        cell(line.after(), "academy-diff-same", view, null));
                case CHANGED -> new NativeTableRow(marked(line.before(), "academy-diff-removed", view, "revision.line-was"),
                        marked(line.after(), "academy-diff-added", view, "revision.line-is"));
                case REMOVED -> new NativeTableRow(marked(line.before(), "academy-diff-removed", view, "revision.line-removed"),
                        cell("", "academy-diff-none", view, null));
                case ADDED -> new NativeTableRow(cell("", "academy-diff-none", view, null),
                        marked(line.after(), "academy-diff-added", view, "revision.line-added"));
            };
            body.add(row);
        }
        table.add(body);
        return table;
    }

    private static NativeTableCell cell(String text, String style, Component view, String emptyKey) {
        NativeTableCell cell = new NativeTableCell(text == null ? view.getTranslation(emptyKey) : text);
        cell.addClassName(style);
        return cell;
    }

    /** A line that differs, with what it is in words before it for screen readers (the colour says it to the eye). */
    private static NativeTableCell marked(String text, String style, Component view, String what) {
        NativeTableCell cell = new NativeTableCell();
        Span label = new Span(view.getTranslation(what) + " ");
        label.addClassName("academy-visually-hidden");
        cell.add(label, new Span(text));
        cell.addClassName(style);
        return cell;
    }
}
