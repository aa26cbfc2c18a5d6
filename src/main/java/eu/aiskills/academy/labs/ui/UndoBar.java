package eu.aiskills.academy.labs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** A notification that says what was just done and offers to undo it for ten seconds (Gmail's and Jupyter's undo). */
final class UndoBar {

    static final int SHOWN_MS = 10_000;

    private UndoBar() {
    }

    /** Shows the bar; the caller may close it (once the same thing was undone another way). */
    static Notification offer(String said, String undoLabel, Runnable undo) {
        Notification bar = new Notification();
        bar.setDuration(SHOWN_MS);
        bar.setPosition(Notification.Position.BOTTOM_START);
        Button button = new Button(undoLabel, click -> {
            bar.close();
            undo.run();
        });
        button.addThemeVariants(ButtonVariant.TERTIARY);
        Span text = new Span(said);
        text.getElement().setAttribute("role", "status");
        bar.add(new HorizontalLayout(text, button));
        bar.open();
        return bar;
    }
}
