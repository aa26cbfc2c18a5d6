package eu.aiskills.academy.labs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import eu.aiskills.academy.labs.LabNotebook;

/**
 * A code cell's editor: CodeMirror 5 from its webjar (Python mode, line numbers, auto-indent,
 * bracket matching and closing, search with Ctrl+F, undo and redo of its own, the kernel's
 * completions in CodeMirror's hint list and its help in a tooltip), themed by the
 * platform's stylesheet for the light and dark schemes. Typing never makes a round trip: the text
 * reaches the server as a {@code cell-command} "change" a moment after typing stops, when the
 * editor loses focus, and with every run (see {@code frontend/scripts/academy-code.js}).
 */
@JavaScript(CodeEditor.CODEMIRROR + "lib/codemirror.js")
@JavaScript(CodeEditor.CODEMIRROR + "mode/python/python.js")
@JavaScript(CodeEditor.CODEMIRROR + "addon/edit/matchbrackets.js")
@JavaScript(CodeEditor.CODEMIRROR + "addon/edit/closebrackets.js")
@JavaScript(CodeEditor.CODEMIRROR + "addon/dialog/dialog.js")
@JavaScript(CodeEditor.CODEMIRROR + "addon/search/searchcursor.js")
@JavaScript(CodeEditor.CODEMIRROR + "addon/search/search.js")
@JavaScript(CodeEditor.CODEMIRROR + "addon/hint/show-hint.js")
@JavaScript("context://scripts/academy-code.js")
@StyleSheet(CodeEditor.CODEMIRROR + "lib/codemirror.css")
@StyleSheet(CodeEditor.CODEMIRROR + "addon/dialog/dialog.css")
@StyleSheet(CodeEditor.CODEMIRROR + "addon/hint/show-hint.css")
final class CodeEditor extends Div {

    /** The webjar's root, as the pom names its version. */
    static final String CODEMIRROR = "context://webjars/codemirror/5.65.16/";

    private final String cellId;
    private final boolean readOnly;
    private final String label;
    private String value;

    CodeEditor(String cellId, String value, boolean readOnly, String label) {
        this.cellId = cellId;
        this.value = value;
        this.readOnly = readOnly;
        this.label = label;
        addClassName("academy-code-editor");
    }

    String value() {
        return value;
    }

    /** What the browser sent (a change or a run); the cell list keeps the notebook. */
    void accept(String text) {
        value = text;
    }

    /** One {@code cell-command} event of {@code academy-code.js}: a key of the keyboard model, or a cell's text. */
    interface Commands {

        void command(String cell, String command, String value, int cursor);
    }

    /** Hears the commands that the editors and the cells in command mode within {@code cells} send. */
    static void listen(Div cells, Commands commands) {
        cells.getElement().addEventListener("cell-command", event -> {
            var cursor = event.getEventData().get("event.detail.cursor");
            commands.command(text(event.getEventData().get("event.detail.cell")), text(event.getEventData().get("event.detail.command")),
                    text(event.getEventData().get("event.detail.value")), cursor != null && cursor.isNumber() ? cursor.asInt() : -1);
        })
                .addEventData("event.detail.cell")
                .addEventData("event.detail.command")
                .addEventData("event.detail.value")
                .addEventData("event.detail.cursor");
    }

    private static String text(tools.jackson.databind.JsonNode value) {
        return value == null || !value.isString() ? null : value.asString();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs("academyCode.attach(this, $0, $1, $2, $3, $4)", cellId, value, readOnly, label,
                LabNotebook.MAX_CELL_CHARS);
    }
}
