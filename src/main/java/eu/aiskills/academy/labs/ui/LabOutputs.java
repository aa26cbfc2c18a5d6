package eu.aiskills.academy.labs.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.LabSessions;
import eu.aiskills.academy.labs.internal.OutputArea;
import eu.aiskills.academy.shared.Markdown;

/** How the lab view shows what a cell produced, and what it waits for. */
final class LabOutputs {

    private LabOutputs() {
    }

    /** A progress bar that says what it waits for. */
    static Div progress(String text) {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", text);
        Div box = new Div(new Span(text), bar);
        box.addClassName("academy-lab-progress");
        return box;
    }

    /**
     * Brings a cell's output area up to date with a running cell's progress: only the outputs that
     * changed are drawn again (a growing stream updates its one block), then the input box if the
     * cell waits for a line ({@code onAnswer} sends it).
     */
    static void show(Component view, Div area, LabSessions.CellProgress progress, int cellIndex, Consumer<String> onAnswer) {
        @SuppressWarnings("unchecked")
        List<LabNotebook.Output> shown = (List<LabNotebook.Output>) ComponentUtil.getData(area, List.class);
        List<LabNotebook.Output> now = progress.outputs();
        Component inputBox = area.getChildren().filter(c -> c.hasClassName("academy-lab-input")).findFirst().orElse(null);
        if (shown == null) {
            // Drawn by someone else (the saved outputs): start from an empty area.
            area.getChildren().filter(c -> c != inputBox).toList().forEach(area::remove);
        }
        List<Component> children = area.getChildren().filter(c -> c != inputBox).toList();
        for (int i = 0; i < now.size(); i++) {
            LabNotebook.Output output = now.get(i);
            if (shown == null || i >= shown.size() || i >= children.size()) {
                // New outputs go before the input box, which stays last.
                area.addComponentAtIndex(i, output(view, output, cellIndex));
            } else if (shown.get(i) != output) {
                if (shown.get(i).kind() == LabNotebook.OutputKind.STREAM && output.kind() == LabNotebook.OutputKind.STREAM
                        && children.get(i) instanceof Div block && block.hasClassName("academy-stream")) {
                    fill(block, output);
                } else {
                    area.replace(children.get(i), output(view, output, cellIndex));
                }
            }
        }
        for (int i = now.size(); i < children.size(); i++) {
            area.remove(children.get(i));
        }
        ComponentUtil.setData(area, List.class, now);
        if (progress.input() == null && inputBox != null) {
            area.remove(inputBox);
        } else if (progress.input() != null && inputBox == null) {
            area.add(input(view, progress.input(), onAnswer));
        }
    }

    /** Forgets what was drawn: the area is about to be filled from the start. */
    static void reset(Div area) {
        area.removeAll();
        ComponentUtil.setData(area, List.class, null);
    }

    /** One output of a cell: streams (with their colours) and errors as text, a PNG as a figure, HTML only sanitised. */
    static Component output(Component view, LabNotebook.Output output, int cellIndex) {
        return switch (output.kind()) {
            case STREAM -> {
                Div block = new Div();
                block.addClassName("academy-stream");
                fill(block, output);
                yield block;
            }
            case ERROR -> {
                Pre text = new Pre(output.name() + ": " + output.text());
                text.addClassName("academy-output-error");
                yield text;
            }
            case RESULT, DISPLAY -> {
                if (output.png() != null) {
                    yield new Image("data:image/png;base64," + output.png(), view.getTranslation("notebook.figure", cellIndex + 1));
                }
                if (output.html() != null) {
                    Div html = new Div();
                    html.addClassName("academy-output-html");
                    html.getElement().setProperty("innerHTML", Markdown.sanitize(output.html()));
                    yield html;
                }
                if (output.latex() != null) {
                    yield eu.aiskills.academy.shared.ui.RichText.latex(output.latex());
                }
                Pre text = new Pre(output.text() == null ? "" : output.text());
                text.addClassName("academy-output");
                yield text;
            }
        };
    }

    /** A stream's block: a note when its earliest lines were cut, then the text in its colours. */
    private static void fill(Div block, LabNotebook.Output output) {
        String text = output.text() == null ? "" : output.text();
        boolean cut = text.startsWith(OutputArea.CUT);
        Pre pre = block.getChildren().filter(Pre.class::isInstance).map(Pre.class::cast).findFirst().orElse(null);
        if (pre == null) {
            pre = new Pre();
            pre.addClassName("stderr".equals(output.name()) ? "academy-output-error" : "academy-output");
            block.add(pre);
        }
        boolean noted = block.getChildren().anyMatch(c -> c.hasClassName("academy-output-cut"));
        if (cut && !noted) {
            Paragraph note = new Paragraph(block.getTranslation("lab.output.cut", OutputArea.MAX_STREAM_CHARS / 1000));
            note.addClassName("academy-output-cut");
            block.addComponentAsFirst(note);
        }
        String shown = cut ? text.substring(OutputArea.CUT.length()) : text;
        // A trailing carriage return waits for the line that overwrites it: nothing to show.
        pre.getElement().setProperty("innerHTML", AnsiText.html(shown.endsWith("\r") ? shown.substring(0, shown.length() - 1) : shown));
    }

    /** The box where the learner types the line an {@code input()} waits for; Enter sends it. */
    private static Component input(Component view, LabSessions.InputPrompt prompt, Consumer<String> onAnswer) {
        TextFieldBase<?, String> field = prompt.password() ? new PasswordField() : new TextField();
        String label = prompt.prompt().isBlank() ? view.getTranslation("lab.input.label") : prompt.prompt().strip();
        field.setAriaLabel(label);
        field.getElement().setProperty("maxlength", LabSessions.INPUT_MAX_CHARS);
        field.setHelperText(view.getTranslation("lab.input.help"));
        // The line is read from the key's own event: the field's value reaches the server with its change
        // event, which the browser fires after this keydown, so the server's copy may still be empty here.
        field.getElement().addEventListener("keydown", e -> {
            var typed = e.getEventData().get("element.value");
            field.setReadOnly(true);
            onAnswer.accept(typed == null || !typed.isString() ? "" : typed.asString());
        }).setFilter("event.key === 'Enter'").addEventData("element.value");
        Pre text = new Pre(prompt.prompt());
        text.addClassName("academy-output");
        Div box = new Div(text, field);
        box.addClassName("academy-lab-input");
        field.focus();
        return box;
    }
}
