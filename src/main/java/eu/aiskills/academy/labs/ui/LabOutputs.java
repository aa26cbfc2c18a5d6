package eu.aiskills.academy.labs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import eu.aiskills.academy.labs.LabNotebook;
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

    /** One output of a cell: streams and errors as text, a PNG as a figure, HTML only sanitised. */
    static Component output(Component view, LabNotebook.Output output, int cellIndex) {
        return switch (output.kind()) {
            case STREAM -> {
                Pre text = new Pre(output.text());
                text.addClassName("stderr".equals(output.name()) ? "academy-output-error" : "academy-output");
                yield text;
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
                Pre text = new Pre(output.text() == null ? "" : output.text());
                text.addClassName("academy-output");
                yield text;
            }
        };
    }
}
