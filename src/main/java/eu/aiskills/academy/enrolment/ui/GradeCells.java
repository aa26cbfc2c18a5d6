package eu.aiskills.academy.enrolment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import eu.aiskills.academy.enrolment.Gradebook;

/** One gradebook cell in words and badges: the best score (or a dash), attempts, late, waiting for a grader, done. */
final class GradeCells {

    private GradeCells() {
    }

    static Component of(Component view, Gradebook.Cell cell) {
        Div box = new Div();
        box.addClassName("academy-grade-cell");
        Span score = new Span(cell.best() == null ? "–" : cell.best().stripTrailingZeros().toPlainString());
        score.addClassName("academy-grade-score");
        if (cell.best() == null) {
            score.getElement().setAttribute("aria-label", view.getTranslation("gradebook.no-score"));
        }
        box.add(score);
        if (cell.attempts() > 0) {
            box.add(badge(view.getTranslation("gradebook.attempts", cell.attempts()), "badge contrast small"));
        }
        if (cell.late()) {
            box.add(badge(view.getTranslation("gradebook.late"), "badge warning small"));
        }
        if (cell.awaitingGrade()) {
            box.add(badge(view.getTranslation("gradebook.waiting"), "badge small"));
        }
        if (cell.done()) {
            box.add(badge(view.getTranslation("gradebook.done"), "badge success small"));
        }
        return box;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }
}
