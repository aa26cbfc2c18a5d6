package eu.aiskills.academy.labs.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import eu.aiskills.academy.labs.LabLauncher;
import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.shared.ui.Views;

/** The learner's last sessions of a lab, under the notebook. */
final class LabHistory {

    private LabHistory() {
    }

    /** What each of the learner's sessions of this lab cost: when, how long, GPU-hours. */
    static Component of(Component view, List<LabSession> mine, String slug) {
        List<LabSession> past = mine.stream().filter(s -> s.labSlug().equals(slug) && s.startedAt() != null)
                .limit(10).toList();
        Div box = new Div();
        if (past.isEmpty()) {
            return box;
        }
        box.add(new com.vaadin.flow.component.html.H2(view.getTranslation("lab.history")));
        com.vaadin.flow.component.grid.Grid<LabSession> grid = new com.vaadin.flow.component.grid.Grid<>();
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        grid.addColumn(s -> Views.dateTime(view, s.startedAt(), utc)).setHeader(view.getTranslation("lab.history.started")).setAutoWidth(true);
        grid.addColumn(s -> {
            Duration ran = Duration.between(s.startedAt(), s.stoppedAt() == null ? Instant.now() : s.stoppedAt());
            return view.getTranslation("lab.history.minutes", ran.toMinutes());
        }).setHeader(view.getTranslation("lab.history.duration")).setAutoWidth(true);
        grid.addColumn(s -> view.getTranslation(s.launcher() == LabLauncher.SLURM ? "lab.history.factory"
                : "lab.history.local", s.gpus())).setHeader(view.getTranslation("lab.history.where")).setAutoWidth(true);
        grid.addColumn(s -> s.gpuHours().stripTrailingZeros().toPlainString()).setHeader(view.getTranslation("lab.history.gpu-hours"))
                .setAutoWidth(true);
        grid.addColumn(s -> view.getTranslation(s.state().messageKey())).setHeader(view.getTranslation("authoring.field.status")).setAutoWidth(true);
        grid.setItems(past);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(view.getTranslation("lab.history"));
        box.add(grid);
        return box;
    }
}
