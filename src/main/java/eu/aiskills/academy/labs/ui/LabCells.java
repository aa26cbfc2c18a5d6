package eu.aiskills.academy.labs.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The notebook's cells as the learner edits them: code read coloured and edited in place
 * (Shift+Enter runs), Markdown shown sanitised, cells added, moved and deleted. Every change is
 * saved through the view, which also runs cells (it owns the session).
 */
class LabCells extends Div {

    /** What the cells ask of the view. */
    interface Host {
        void save(String origin);

        void run(String cellId, boolean thenNext);
    }

    private final transient Host host;
    private final List<LabNotebook.Cell> cells = new ArrayList<>();
    /** Code cells open in the editor; the others are shown coloured. */
    private final java.util.Set<String> editing = new java.util.HashSet<>();

    LabCells(Host host) {
        this.host = host;
        addClassName("academy-cells");
    }

    /** The notebook's cells as they are now (the view saves and runs these). */
    List<LabNotebook.Cell> cells() {
        return cells;
    }

    /** Shows another notebook's cells (opened, or reset to the template). */
    void show(List<LabNotebook.Cell> notebook) {
        cells.clear();
        cells.addAll(notebook);
        render();
    }

    /** Draws every cell again. */
    void render() {
        removeAll();
        for (int i = 0; i < cells.size(); i++) {
            add(cellView(i));
        }
    }

    private Component cellView(int index) {
        LabNotebook.Cell cell = cells.get(index);
        Div box = new Div();
        box.addClassName("academy-cell");
        box.getElement().setAttribute("data-cell", cell.id());
        if (cell.kind() == LabNotebook.Kind.CODE) {
            box.addClassName("academy-cell-code");
            Span prompt = new Span(prompt(cell.executionCount()));
            prompt.addClassName("academy-cell-prompt");
            box.add(prompt);
            if (cell.locked()) {
                Pre code = new Pre();
                code.addClassName("academy-code");
                code.getElement().setProperty("innerHTML", PythonHighlighter.toHtml(cell.source()));
                Span lock = new Span(getTranslation("lab.locked"));
                lock.getElement().getThemeList().add("badge contrast small");
                box.add(lock, code);
            } else if (editing.contains(cell.id())) {
                box.add(editor(index, cell));
            } else {
                // Read coloured; a click, Enter or Space opens the editor.
                Pre code = new Pre();
                code.addClassNames("academy-code", "academy-code-view");
                code.getElement().setProperty("innerHTML", cell.source().isBlank()
                        ? "<span class=\"py-comment\">" + getTranslation("lab.empty-cell") + "</span>" : PythonHighlighter.toHtml(cell.source()));
                code.getElement().setAttribute("tabindex", "0");
                code.getElement().setAttribute("role", "button");
                code.getElement().setAttribute("aria-label", getTranslation("lab.edit-cell", index + 1));
                code.addClickListener(click -> edit(cell.id()));
                Shortcuts.addShortcutListener(code, () -> edit(cell.id()), Key.ENTER).listenOn(code);
                box.add(code);
            }
            Div outputs = new Div();
            outputs.addClassName("academy-outputs");
            outputs.getElement().setAttribute("aria-live", "polite");
            cell.outputs().forEach(output -> outputs.add(LabOutputs.output(this, output, index)));
            box.add(cellActions(index, cell), outputs);
        } else {
            Div text = new Div();
            text.addClassName("academy-markdown");
            text.getElement().setProperty("innerHTML", Markdown.toSafeHtml(cell.source()));
            box.add(text);
            if (!cell.locked()) {
                Button edit = new Button(getTranslation("lab.edit-text"), VaadinIcon.EDIT.create(), click -> editText(box, cell));
                edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                HorizontalLayout actions = cellActions(index, cell);
                actions.addComponentAsFirst(edit);
                box.add(actions);
            }
        }
        return box;
    }

    /** The text area of a code cell being edited: saved as it changes, Shift+Enter runs it, leaving it shows it coloured again. */
    private TextArea editor(int index, LabNotebook.Cell cell) {
        TextArea editor = new TextArea();
        editor.addClassName("academy-code-editor");
        editor.setWidthFull();
        editor.setMaxLength(LabNotebook.MAX_CELL_CHARS);
        editor.setValue(cell.source());
        editor.setAriaLabel(getTranslation("lab.cell-label", index + 1));
        editor.setValueChangeMode(ValueChangeMode.LAZY);
        editor.setValueChangeTimeout(1500);
        editor.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                replace(cell.id(), c -> c.withSource(change.getValue()));
                host.save("autosave");
            }
        });
        // Shift+Enter carries the text as the browser has it: a lazy value change may still be waiting.
        editor.getElement().addEventListener("keydown", key -> {
            var value = key.getEventData().get("element.value");
            String source = value == null || !value.isString() ? null : value.asString();
            if (source != null && source.length() <= LabNotebook.MAX_CELL_CHARS) {
                editor.setValue(source);
                replace(cell.id(), c -> c.withSource(source));
            }
            host.run(cell.id(), false);
        }).setFilter("event.key === 'Enter' && event.shiftKey")
                .addEventData("element.value")
                .addEventData("event.preventDefault()");
        editor.addBlurListener(blur -> {
            if (!editor.getValue().equals(currentSource(cell.id()))) {
                replace(cell.id(), c -> c.withSource(editor.getValue()));
                host.save("autosave");
            }
            editing.remove(cell.id());
            refreshCell(cell.id());
        });
        editor.addAttachListener(attach -> editor.focus());
        return editor;
    }

    private void edit(String id) {
        editing.add(id);
        refreshCell(id);
    }

    private String currentSource(String id) {
        int index = indexOf(id);
        return index < 0 ? "" : cells.get(index).source();
    }

    /** Renders one cell again in place, keeping the others (and their streaming outputs) as they are. */
    void refreshCell(String id) {
        int index = indexOf(id);
        getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                .ifPresent(old -> {
                    Component fresh = cellView(index);
                    replace(old, fresh);
                });
    }

    private HorizontalLayout cellActions(int index, LabNotebook.Cell cell) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("academy-cell-actions");
        if (cell.kind() == LabNotebook.Kind.CODE) {
            Button run = new Button(getTranslation("lab.run"), VaadinIcon.PLAY.create(), click -> host.run(cell.id(), false));
            run.addThemeVariants(ButtonVariant.SMALL);
            run.setAriaLabel(getTranslation("lab.run-cell", index + 1));
            actions.add(run);
        }
        if (!cell.locked()) {
            Button up = icon(VaadinIcon.ARROW_UP, getTranslation("lab.move-up", index + 1), () -> move(index, -1));
            Button down = icon(VaadinIcon.ARROW_DOWN, getTranslation("lab.move-down", index + 1), () -> move(index, 1));
            Button delete = icon(VaadinIcon.TRASH, getTranslation("lab.delete-cell", index + 1), () -> delete(index));
            up.setEnabled(index > 0);
            down.setEnabled(index < cells.size() - 1);
            actions.add(up, down, delete);
        }
        Button below = icon(VaadinIcon.PLUS, getTranslation("lab.add-below", index + 1), () -> addCell(index + 1, LabNotebook.Kind.CODE));
        actions.add(below);
        return actions;
    }

    private Button icon(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private void editText(Div box, LabNotebook.Cell cell) {
        box.removeAll();
        TextArea editor = new TextArea(getTranslation("lab.text-cell"));
        editor.setWidthFull();
        editor.setMaxLength(LabNotebook.MAX_CELL_CHARS);
        editor.setValue(cell.source());
        Button done = new Button(getTranslation("lab.done-editing"), click -> {
            replace(cell.id(), c -> c.withSource(editor.getValue()));
            host.save("autosave");
            render();
        });
        done.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        box.add(editor, done);
        editor.focus();
    }

    /** Adds an empty cell at {@code at}; a code cell opens for editing. */
    void addCell(int at, LabNotebook.Kind kind) {
        if (cells.size() >= LabNotebook.MAX_CELLS) {
            Views.error(getTranslation("lab.notebook.too-many-cells", LabNotebook.MAX_CELLS));
            return;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        cells.add(at, new LabNotebook.Cell(id, kind, "", false, null, List.of()));
        if (kind == LabNotebook.Kind.CODE) {
            editing.add(id);
        }
        render();
        host.save("autosave");
    }

    /** Deletes a cell at once and offers to undo it for a while, as Jupyter's Z does (the history keeps it too). */
    private void delete(int index) {
        LabNotebook.Cell removed = cells.remove(index);
        render();
        host.save("autosave");
        UndoBar.offer(getTranslation("lab.cell-deleted", index + 1), getTranslation("lab.undo"), () -> {
            cells.add(Math.min(index, cells.size()), removed);
            render();
            host.save("autosave");
        });
    }

    private void move(int index, int by) {
        int to = index + by;
        if (to < 0 || to >= cells.size()) {
            return;
        }
        LabNotebook.Cell cell = cells.remove(index);
        cells.add(to, cell);
        render();
        host.save("autosave");
    }

    /** Changes one cell in the notebook (not on screen: {@link #refreshCell} draws it again). */
    void replace(String id, java.util.function.UnaryOperator<LabNotebook.Cell> change) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(id)) {
                cells.set(i, change.apply(cells.get(i)));
                return;
            }
        }
    }

    int indexOf(String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Where a cell's outputs stream in as it runs. */
    Div outputsOf(String id) {
        return getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                .flatMap(box -> box.getChildren().filter(c -> c.hasClassName("academy-outputs")).findFirst()).map(Div.class::cast)
                .orElseGet(Div::new);
    }

    Optional<Span> promptOf(String id) {
        return getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                .flatMap(box -> box.getChildren().filter(c -> c.hasClassName("academy-cell-prompt")).findFirst()).map(Span.class::cast);
    }

    static String prompt(Integer count) {
        return count == null ? "[ ]" : "[" + count + "]";
    }
}
