package eu.aiskills.academy.labs.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import eu.aiskills.academy.labs.LabLauncher;
import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.labs.LabTemplate;

/**
 * The lab session's state, always in view and announced politely: not started (with Start),
 * queued or starting (with progress), running (the kernel's state, a limit the code reached, the
 * countdown with an extension, Stop), or how it ended and why.
 */
class LabStatusBar extends Div {

    /** What the bar's buttons do; the view owns the session. */
    interface Actions {
        void start();

        void stop();

        void extend();
    }

    private final transient Actions actions;

    LabStatusBar(Actions actions) {
        this.actions = actions;
        addClassName("academy-lab-status");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
    }

    /** Shows the session (null: none yet) of {@code lab}; {@code busy} while a cell runs or the notebook is graded. */
    void show(LabSession session, LabTemplate lab, boolean busy) {
        removeAll();
        Span state = new Span();
        state.getElement().getThemeList().add("badge");
        if (session == null || session.state().over()) {
            state.setText(getTranslation(session == null ? "lab.not-started" : session.state().messageKey()));
            add(state);
            if (session != null && session.reasonKey() != null) {
                add(new Span(" " + getTranslation(session.reasonKey(), session.reasonDetail() == null ? "" : session.reasonDetail())));
            }
            Button start = new Button(getTranslation("lab.start"), VaadinIcon.PLAY.create(), click -> actions.start());
            start.addThemeVariants(ButtonVariant.PRIMARY);
            add(start);
            if (lab.graded()) {
                add(new Span(getTranslation("lab.graded-note", lab.checkCount())));
            }
            return;
        }
        switch (session.state()) {
            case QUEUED -> {
                if (session.launcher() == LabLauncher.SLURM) {
                    state.setText(getTranslation("lab.state.queued"));
                    add(state, LabOutputs.progress(session.reasonKey() == null ? getTranslation("lab.factory-queued")
                            : getTranslation(session.reasonKey(), session.reasonDetail() == null ? "" : session.reasonDetail())));
                } else {
                    state.setText(getTranslation("lab.queued", session.queuePosition() == null ? 1 : session.queuePosition()));
                    add(state, LabOutputs.progress(getTranslation("lab.queued-help")));
                }
            }
            case STARTING -> {
                state.setText(getTranslation("lab.state.starting"));
                add(state, LabOutputs.progress(getTranslation("lab.starting-help")));
            }
            case RUNNING -> {
                state.setText(getTranslation("lab.state.running") + " · " + getTranslation(busy ? "lab.kernel.busy"
                        : "lab.kernel." + Optional.ofNullable(session.kernelState()).orElse("idle")));
                state.getElement().getThemeList().add("blocked".equals(session.kernelState()) ? "error" : "success");
                add(state);
                if (session.limit() != null) {
                    // Which limit the code reached, and what happened to the kernel: said once, where the state is.
                    Span limit = new Span(getTranslation(session.limit().messageKey(), lab.memoryMb()));
                    limit.addClassName("academy-error");
                    limit.getElement().setAttribute("role", "alert");
                    add(limit);
                }
                if (session.endsAt() != null) {
                    long minutes = Math.max(0, Duration.between(Instant.now(), session.endsAt()).toMinutes());
                    Span countdown = new Span(getTranslation("lab.ends-in", minutes));
                    countdown.addClassName(minutes <= 5 ? "academy-error" : "academy-note");
                    Button extend = new Button(getTranslation("lab.extend"), click -> actions.extend());
                    extend.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                    add(countdown, extend);
                }
                Button stop = new Button(getTranslation("lab.stop"), VaadinIcon.STOP.create(), click -> actions.stop());
                stop.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                add(stop);
            }
            default -> {
                state.setText(getTranslation(session.state().messageKey()));
                add(state);
            }
        }
    }
}
