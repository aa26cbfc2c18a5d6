package eu.aiskills.academy.labs.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;

/** The notebook's keyboard shortcuts (H in command mode, or the toolbar's button), as Jupyter's help lists them. */
final class LabShortcutsDialog extends Dialog {

    private record Shortcut(String keys, String action) {
    }

    private static final List<Shortcut> EDIT_MODE = List.of(
            new Shortcut("Shift+Enter", "lab.keys.run-next"),
            new Shortcut("Ctrl+Enter", "lab.keys.run-here"),
            new Shortcut("Alt+Enter", "lab.keys.run-insert"),
            new Shortcut("Esc", "lab.keys.escape"),
            new Shortcut("Tab", "lab.keys.complete"),
            new Shortcut("Shift+Tab", "lab.keys.inspect"),
            new Shortcut("Ctrl+F", "lab.keys.find"),
            new Shortcut("Ctrl+Z / Ctrl+Y", "lab.keys.undo-redo"),
            new Shortcut("Ctrl+S", "lab.keys.save"));
    private static final List<Shortcut> COMMAND_MODE = List.of(
            new Shortcut("Enter", "lab.keys.edit"),
            new Shortcut("↑ / K, ↓ / J", "lab.keys.move"),
            new Shortcut("Shift+Enter", "lab.keys.run-next"),
            new Shortcut("Ctrl+Enter", "lab.keys.run-here"),
            new Shortcut("A / B", "lab.keys.insert"),
            new Shortcut("D D", "lab.keys.delete"),
            new Shortcut("Z", "lab.keys.undo-delete"),
            new Shortcut("M / Y", "lab.keys.kind"),
            new Shortcut("C / V", "lab.keys.copy-paste"),
            new Shortcut("H", "lab.keys.help"),
            new Shortcut("Ctrl+S", "lab.keys.save"));

    LabShortcutsDialog() {
        setHeaderTitle(getTranslation("lab.keys.title"));
        setWidth("min(40rem, 95vw)");
        Paragraph modes = new Paragraph(getTranslation("lab.keys.modes"));
        modes.addClassName("academy-note");
        H3 edit = new H3(getTranslation("lab.keys.edit-mode"));
        H3 command = new H3(getTranslation("lab.keys.command-mode"));
        // The list scrolls on its own, and can be scrolled with the keyboard (it takes focus).
        Div body = new Div(modes, edit, table(EDIT_MODE), command, table(COMMAND_MODE));
        body.addClassName("academy-shortcuts-body");
        body.getElement().setAttribute("tabindex", "0");
        body.getElement().setAttribute("role", "region");
        body.getElement().setAttribute("aria-label", getTranslation("lab.keys.title"));
        add(body);
        Button close = new Button(getTranslation("common.close"), click -> close());
        getFooter().add(close);
    }

    private NativeTable table(List<Shortcut> shortcuts) {
        NativeTable table = new NativeTable();
        table.addClassName("academy-shortcuts");
        NativeTableBody body = new NativeTableBody();
        for (Shortcut shortcut : shortcuts) {
            NativeTableHeaderCell keys = new NativeTableHeaderCell();
            keys.getElement().setAttribute("scope", "row");
            String[] tokens = shortcut.keys().split(" ");
            for (int i = 0; i < tokens.length; i++) {
                if (i > 0) {
                    keys.getElement().appendChild(Element.createText(" "));
                }
                String token = tokens[i];
                boolean comma = token.endsWith(",");
                String key = comma ? token.substring(0, token.length() - 1) : token;
                if (key.equals("/")) {
                    keys.getElement().appendChild(Element.createText(key));
                } else {
                    Element kbd = new Element("kbd");
                    kbd.setText(key);
                    keys.getElement().appendChild(kbd);
                }
                if (comma) {
                    keys.getElement().appendChild(Element.createText(","));
                }
            }
            NativeTableRow row = new NativeTableRow(keys, new NativeTableCell(getTranslation(shortcut.action())));
            body.add(row);
        }
        table.add(body);
        return table;
    }
}
