package eu.aiskills.academy.labs.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.LabSessions;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The notebook's cells as the learner edits them, with Jupyter's two modes: in edit mode a code
 * cell's {@link CodeEditor} has the keys (Shift+Enter runs and moves on, Ctrl+Enter runs, Alt+Enter
 * runs and inserts, Escape leaves); in command mode the selected cell has focus and single keys act
 * on it (A, B, D D, M, Y, Z, C, V, H, arrows, Enter). Markdown is shown sanitised. The browser sends
 * every such key as one {@code cell-command} event; every change is saved through the view, which
 * also runs cells (it owns the session). Long because the keyboard model is one table of commands
 * over the same list of cells.
 */
class LabCells extends Div {

    /** What the cells ask of the view. */
    interface Host {
        void save(String origin);

        void run(String cellId, boolean thenNext);

        void showShortcuts();

        /** Tab: asks the kernel what completes {@code code} at {@code cursor}; the answer comes back through {@link #showCompletion}. */
        void complete(String cellId, String code, int cursor);

        /** Shift+Tab: asks the kernel for help on the name at {@code cursor}; the answer comes back through {@link #showHelp}. */
        void inspect(String cellId, String code, int cursor);
    }

    private final transient Host host;
    private final List<LabNotebook.Cell> cells = new ArrayList<>();
    /** Deleted cells with where they stood, last first: Z and the undo bar put them back. */
    private final Deque<Deleted> deleted = new ArrayDeque<>();
    private LabNotebook.Cell clipboard;

    private record Deleted(int index, LabNotebook.Cell cell) {
    }

    /** Cells running now, by id: what they showed so far and where a typed input goes. */
    private final java.util.Map<String, Running> running = new java.util.HashMap<>();

    private record Running(LabSessions.CellProgress progress, java.util.function.Consumer<String> onAnswer) {
    }

    private com.vaadin.flow.component.notification.Notification undoBar;

    LabCells(Host host) {
        this.host = host;
        addClassName("academy-cells");
        CodeEditor.listen(this, this::command);
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        getElement().executeJs("academyCode.commands(this)");
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
        // Focusable for command mode; a group named by its place, so a screen reader says where it is.
        box.getElement().setAttribute("tabindex", "0");
        box.getElement().setAttribute("role", "group");
        box.getElement().setAttribute("aria-label", getTranslation(cell.kind() == LabNotebook.Kind.CODE ? "lab.code-cell-label"
                : "lab.text-cell-label", index + 1));
        if (cell.kind() == LabNotebook.Kind.CODE) {
            box.addClassName("academy-cell-code");
            Span prompt = new Span(prompt(cell.executionCount()));
            prompt.addClassName("academy-cell-prompt");
            box.add(prompt);
            if (cell.locked()) {
                Span lock = new Span(getTranslation("lab.locked"));
                lock.getElement().getThemeList().add("badge contrast small");
                box.add(lock);
            }
            box.add(new CodeEditor(cell.id(), cell.source(), cell.locked(), getTranslation(cell.locked() ? "lab.locked-cell-editor"
                    : "lab.cell-editor", index + 1)));
            Div outputs = new Div();
            outputs.addClassName("academy-outputs");
            outputs.getElement().setAttribute("aria-live", "polite");
            box.add(cellActions(index, cell), outputs);
            Running live = running.get(cell.id());
            if (live == null) {
                cell.outputs().forEach(output -> outputs.add(LabOutputs.output(this, output, index)));
            } else {
                // Drawn again while it runs (cells added, moved): what it showed so far, and the input it waits for.
                prompt.setText("[*]");
                LabOutputs.show(this, outputs, live.progress(), index, live.onAnswer());
            }
        } else {
            Div text = eu.aiskills.academy.shared.ui.RichText.markdown(cell.source());
            text.addClassName("academy-markdown");
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

    // ---- the keyboard model ------------------------------------------------------------------

    /**
     * One key of the keyboard model, or a code cell's text arriving (with the cursor, a UTF-16
     * index, for completion and help); unknown commands and cells are ignored.
     */
    void command(String id, String command, String value, int cursor) {
        if ("save".equals(command)) {
            host.save("save");
            return;
        }
        if ("undo-delete".equals(command)) {
            undoDelete();
            return;
        }
        int index = id == null ? -1 : indexOf(id);
        if (index < 0 || command == null) {
            return;
        }
        LabNotebook.Cell cell = cells.get(index);
        if (value != null && cell.kind() == LabNotebook.Kind.CODE && !cell.locked() && !value.equals(cell.source())) {
            if (value.length() > LabNotebook.MAX_CELL_CHARS) {
                Views.error(getTranslation("lab.notebook.cell-too-large", LabNotebook.MAX_CELL_CHARS / 1000));
                return;
            }
            replace(id, c -> c.withSource(value));
            editorOf(id).ifPresent(editor -> editor.accept(value));
            if ("change".equals(command)) {
                host.save("autosave");
            }
        }
        switch (command) {
            case "run-here" -> runCode(cell);
            case "run-next" -> {
                runCode(cell);
                if (index + 1 < cells.size()) {
                    focus(cells.get(index + 1).id(), editable(cells.get(index + 1)));
                } else {
                    addCell(cells.size(), LabNotebook.Kind.CODE);
                }
            }
            case "run-insert" -> {
                runCode(cell);
                addCell(index + 1, LabNotebook.Kind.CODE);
            }
            case "insert-above" -> addCell(index, LabNotebook.Kind.CODE, false);
            case "insert-below" -> addCell(index + 1, LabNotebook.Kind.CODE, false);
            case "delete" -> unlocked(cell, () -> delete(index));
            case "to-markdown" -> unlocked(cell, () -> changeKind(index, LabNotebook.Kind.MARKDOWN));
            case "to-code" -> unlocked(cell, () -> changeKind(index, LabNotebook.Kind.CODE));
            case "copy" -> {
                clipboard = cell;
                Views.success(getTranslation("lab.cell-copied", index + 1));
            }
            case "paste" -> paste(index + 1);
            case "edit" -> {
                if (cell.kind() != LabNotebook.Kind.CODE && !cell.locked()) {
                    getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                            .ifPresent(box -> editText((Div) box, cell));
                }
            }
            case "help" -> host.showShortcuts();
            case "complete" -> {
                if (value != null && cell.kind() == LabNotebook.Kind.CODE) {
                    host.complete(id, value, cursor);
                }
            }
            case "inspect" -> {
                if (value != null && cell.kind() == LabNotebook.Kind.CODE) {
                    host.inspect(id, value, cursor);
                }
            }
            default -> {
                // "change" is handled above; anything else is not a command of this notebook.
            }
        }
    }

    private void runCode(LabNotebook.Cell cell) {
        if (cell.kind() == LabNotebook.Kind.CODE) {
            host.run(cell.id(), false);
        }
    }

    private static boolean editable(LabNotebook.Cell cell) {
        return cell.kind() == LabNotebook.Kind.CODE && !cell.locked();
    }

    private void unlocked(LabNotebook.Cell cell, Runnable action) {
        if (cell.locked()) {
            Views.error(getTranslation("lab.cell-locked"));
        } else {
            action.run();
        }
    }

    private void changeKind(int index, LabNotebook.Kind kind) {
        LabNotebook.Cell cell = cells.get(index);
        if (cell.kind() == kind) {
            return;
        }
        cells.set(index, cell.withKind(kind));
        render();
        host.save("autosave");
        focus(cell.id(), false);
    }

    private void paste(int at) {
        if (clipboard == null) {
            Views.error(getTranslation("lab.clipboard-empty"));
            return;
        }
        insert(at, clipboard.copiedAs(newId()), false);
    }

    /** Offers the kernel's completions in the cell's editor, if its text and cursor are still where they were asked. */
    void showCompletion(String id, String code, List<String> matches, int from, int to) {
        tools.jackson.databind.node.ArrayNode list = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        matches.forEach(list::add);
        getElement().executeJs("academyCode.hint(this, $0, $1, $2, $3, $4)", id, code, list, from, to);
    }

    /** Shows the kernel's help below the cursor of the cell's editor (same condition as completions). */
    void showHelp(String id, String code, String text) {
        getElement().executeJs("academyCode.help(this, $0, $1, $2)", id, code, text.isBlank() ? getTranslation("lab.no-help") : text);
    }

    /** Tells the editors whether an idle kernel is there to ask (Tab completes) or not (Tab indents). */
    void kernelReady(boolean ready) {
        getElement().setAttribute("data-kernel", ready ? "ready" : "none");
    }

    /** Selects a cell in the browser: its editor (edit mode) or the cell itself (command mode). */
    void focus(String id, boolean edit) {
        getElement().executeJs("academyCode.focus(this, $0, $1)", id, edit);
    }

    private Optional<CodeEditor> editorOf(String id) {
        return getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                .flatMap(box -> box.getChildren().filter(CodeEditor.class::isInstance).findFirst()).map(CodeEditor.class::cast);
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
        TextCellEditor.open(box, cell, text -> {
            replace(cell.id(), c -> c.withSource(text));
            host.save("autosave");
            render();
        });
    }

    /** Adds an empty cell at {@code at}; a code cell opens in edit mode. */
    void addCell(int at, LabNotebook.Kind kind) {
        addCell(at, kind, kind == LabNotebook.Kind.CODE);
    }

    private void addCell(int at, LabNotebook.Kind kind, boolean edit) {
        insert(at, new LabNotebook.Cell(newId(), kind, "", false, null, List.of()), edit);
    }

    /** Every way a cell comes in (added, pasted, put back): within the notebook's limit, saved, and selected. */
    private void insert(int at, LabNotebook.Cell cell, boolean edit) {
        if (cells.size() >= LabNotebook.MAX_CELLS) {
            Views.error(getTranslation("lab.notebook.too-many-cells", LabNotebook.MAX_CELLS));
            return;
        }
        cells.add(Math.min(at, cells.size()), cell);
        render();
        host.save("autosave");
        focus(cell.id(), edit);
    }

    private static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deletes a cell at once and offers to undo it for a while, as Jupyter's Z does (the history keeps it too). */
    private void delete(int index) {
        LabNotebook.Cell removed = cells.remove(index);
        deleted.push(new Deleted(index, removed));
        render();
        host.save("autosave");
        if (!cells.isEmpty()) {
            focus(cells.get(Math.min(index, cells.size() - 1)).id(), false);
        }
        undoBar = UndoBar.offer(getTranslation("lab.cell-deleted", index + 1), getTranslation("lab.undo"), () -> {
            if (deleted.remove(new Deleted(index, removed))) {
                insert(index, removed, false);
            }
        });
    }

    /** Z: the last deleted cell back where it stood. */
    private void undoDelete() {
        Deleted last = deleted.poll();
        if (undoBar != null) {
            undoBar.close();
        }
        if (last == null) {
            Views.error(getTranslation("lab.nothing-to-undo"));
            return;
        }
        insert(last.index(), last.cell(), false);
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

    /** A running cell's outputs so far: shown now, and whenever the cell is drawn again until {@link #ran}. */
    void running(String id, LabSessions.CellProgress progress, java.util.function.Consumer<String> onAnswer) {
        running.put(id, new Running(progress, onAnswer));
        promptOf(id).ifPresent(prompt -> prompt.setText("[*]"));
        LabOutputs.show(this, outputsOf(id), progress, indexOf(id), onAnswer);
    }

    /** The cell's run ended: it is drawn from its outputs again. */
    void ran(String id) {
        running.remove(id);
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
