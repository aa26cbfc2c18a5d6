package eu.aiskills.academy.labs.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import eu.aiskills.academy.labs.LabNotebook;

/** A text (Markdown) cell opened for editing in place: its source in a text area; Done hands the text on. */
final class TextCellEditor {

    private TextCellEditor() {
    }

    static void open(Div box, LabNotebook.Cell cell, Consumer<String> done) {
        box.removeAll();
        TextArea editor = new TextArea(box.getTranslation("lab.text-cell"));
        editor.setWidthFull();
        editor.setMaxLength(LabNotebook.MAX_CELL_CHARS);
        editor.setValue(cell.source());
        Button finished = new Button(box.getTranslation("lab.done-editing"), click -> done.accept(editor.getValue()));
        finished.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        box.add(editor, finished);
        editor.focus();
    }
}
