package eu.aiskills.academy.labs.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.labs.LabSessionState;
import eu.aiskills.academy.labs.LabGrading;
import eu.aiskills.academy.labs.LabSessions;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * A lab notebook the learner runs: cells rendered (Markdown sanitised, code coloured), run one or
 * all, interrupt, restart, outputs as they come (text, errors, images, sanitised HTML tables),
 * cells added, edited, moved and deleted, Shift+Enter to run, every change saved as a revision,
 * reset to the template, download. The session's state is always in view, with a countdown and an
 * extension while it runs. The view owns the session and its polling, and runs cells; what it shows
 * is drawn by {@link LabStatusBar}, {@link LabCells}, {@link LabOutputs}, {@link LabGradingPanel}
 * and {@link LabHistory}.
 * <p>Long because the session's life (start, poll, extend, stop) and the running of cells share one
 * state that must not be split across views.
 */
@Route("labs/:slug")
@PermitAll
class LabView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SLUG = "slug";
    private static final int BUSY_POLL_MS = 300;
    private static final int STARTING_POLL_MS = 1000;
    private static final int RUNNING_POLL_MS = 10_000;

    private final transient Labs labs;
    private final transient LabSessions sessions;
    private final transient LabGrading grading;
    private LabTemplate lab;
    private LabNotebook notebook;
    private transient LabSession session;
    private final LabStatusBar status = new LabStatusBar(new LabStatusBar.Actions() {
        @Override
        public void start() {
            LabView.this.start();
        }

        @Override
        public void stop() {
            save("stop");
            session = sessions.stop(session.id());
            renderStatus();
            schedulePolling();
        }

        @Override
        public void extend() {
            act(() -> {
                session = sessions.extend(session.id());
                renderStatus();
            });
        }
    });
    private final LabCells cellList = new LabCells(new LabCells.Host() {
        @Override
        public void save(String origin) {
            LabView.this.save(origin);
        }

        @Override
        public void run(String cellId, boolean thenNext) {
            runCell(cellId, thenNext);
        }

        @Override
        public void showShortcuts() {
            new LabShortcutsDialog().open();
        }

        @Override
        public void complete(String cellId, String code, int cursor) {
            ask(() -> {
                LabSessions.Completion found = sessions.complete(session.id(), code, cursor).join();
                cellList.showCompletion(cellId, code, found.matches(), found.from(), found.to());
            });
        }

        @Override
        public void inspect(String cellId, String code, int cursor) {
            ask(() -> cellList.showHelp(cellId, code, sessions.inspect(session.id(), code, cursor).join()));
        }
    });
    /** The graded lab's results, below the toolbar, next to Submit (null for a lab that is not graded). */
    private LabGradingPanel grade;
    private Button submit;
    private final Span saved = new Span();
    private int busy;
    private Registration poll;

    LabView(Labs labs, LabSessions sessions, LabGrading grading) {
        this.labs = labs;
        this.sessions = sessions;
        this.grading = grading;
        addClassNames("academy-lab", "academy-notebook");
        // Ctrl+S saves from anywhere on the page (inside the notebook, the cells send what is typed first).
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, () -> {
            if (lab != null) {
                save("save");
            }
        }, com.vaadin.flow.component.Key.KEY_S, com.vaadin.flow.component.KeyModifier.CONTROL);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SLUG).orElse("");
        lab = labs.template(slug).orElse(null);
        if (lab == null) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        notebook = labs.myNotebook(slug);
        session = sessions.current(slug).orElse(null);
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll = event.getUI().addPollListener(tick -> onPoll());
        schedulePolling();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void render() {
        removeAll();
        add(new H1(lab.title()));
        Paragraph about = new Paragraph(getTranslation("lab.about", String.join(", ", lab.packages()), lab.minutes(),
                lab.idleMinutes()));
        about.addClassName("academy-note");
        add(about);
        add(status, toolbar());
        if (lab.graded()) {
            grade = new LabGradingPanel(() -> grading.submissions(lab.slug()));
            add(grade);
        }
        add(cellList);
        Button addCode = new Button(getTranslation("lab.add-code"), VaadinIcon.PLUS.create(), click -> cellList.addCell(cellList.cells().size(),
                LabNotebook.Kind.CODE));
        Button addText = new Button(getTranslation("lab.add-text"), VaadinIcon.PLUS.create(), click -> cellList.addCell(cellList.cells().size(),
                LabNotebook.Kind.MARKDOWN));
        addCode.addThemeVariants(ButtonVariant.TERTIARY);
        addText.addThemeVariants(ButtonVariant.TERTIARY);
        add(new HorizontalLayout(addCode, addText), LabHistory.of(this, sessions.mine(), lab.slug()));
        renderStatus();
        cellList.show(notebook.cells());
    }

    private Component toolbar() {
        Button runAll = new Button(getTranslation("lab.run-all"), VaadinIcon.FORWARD.create(), click -> runFrom(0));
        Button interrupt = new Button(getTranslation("lab.interrupt"), VaadinIcon.STOP.create(), click -> act(() -> sessions.interrupt(session.id())));
        Button restart = new Button(getTranslation("lab.restart"), VaadinIcon.REFRESH.create(), click -> confirm("lab.confirm-restart-title",
                "lab.confirm-restart-text", "lab.confirm-restart-button", () -> act(() -> {
                    sessions.restart(session.id());
                    Views.success(getTranslation("lab.restarted"));
                })));
        Button save = new Button(getTranslation("lab.save"), VaadinIcon.CHECK.create(), click -> save("save"));
        Button reset = new Button(getTranslation("lab.reset"), VaadinIcon.ROTATE_LEFT.create(), click -> confirm("lab.confirm-reset-title",
                "lab.confirm-reset-text", "lab.confirm-reset-button", () -> act(() -> shown(labs.reset(lab.slug(), notebook.revision())))));
        Button history = new Button(getTranslation("lab.revisions"), VaadinIcon.TIME_BACKWARD.create(),
                click -> new LabRevisionsDialog(labs, lab.slug(), notebook.revision(), this::shown).open());
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = labs.download(lab.slug());
            return new DownloadResponse(new java.io.ByteArrayInputStream(bytes), lab.slug() + ".ipynb", "application/x-ipynb+json",
                    bytes.length);
        }), getTranslation("lab.download"));
        download.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        for (Button button : List.of(runAll, interrupt, restart, save, reset, history)) {
            button.addThemeVariants(ButtonVariant.TERTIARY);
        }
        interrupt.setTooltipText(getTranslation("lab.interrupt-help"));
        reset.setTooltipText(getTranslation("lab.reset-help"));
        saved.addClassName("academy-note");
        history.setTooltipText(getTranslation("lab.revisions-help"));
        Button keys = new Button(getTranslation("lab.keys.button"), VaadinIcon.KEYBOARD.create(), click -> new LabShortcutsDialog().open());
        keys.addThemeVariants(ButtonVariant.TERTIARY);
        keys.setTooltipText(getTranslation("lab.keys.button-help"));
        HorizontalLayout bar = new HorizontalLayout(runAll, interrupt, restart, save, reset, history, download, keys, saved);
        if (lab.graded()) {
            submit = new Button(getTranslation("lab.submit"), VaadinIcon.CHECK_SQUARE_O.create(), click -> submit());
            submit.addThemeVariants(ButtonVariant.SUCCESS);
            submit.setTooltipText(getTranslation("lab.submit-help"));
            bar.addComponentAtIndex(0, submit);
        }
        bar.addClassName("academy-toolbar");
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private void renderStatus() {
        status.show(session, lab, busy > 0);
        cellList.kernelReady(session != null && session.state() == LabSessionState.RUNNING && busy == 0);
    }

    /**
     * Asks the kernel something for the editor (completion, help) and answers in the same round
     * trip: the kernel answers in milliseconds when idle (the service waits at most a few seconds).
     * While a cell of the page runs, the kernel would answer only after it: nothing is asked.
     */
    private void ask(Runnable question) {
        if (session == null || session.state() != LabSessionState.RUNNING || busy > 0) {
            return;
        }
        try {
            question.run();
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void start() {
        try {
            session = sessions.start(lab.slug());
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        renderStatus();
        schedulePolling();
    }

    private void onPoll() {
        if (session != null && !session.state().over() && busy == 0) {
            LabSessionState before = session.state();
            session = sessions.session(session.id());
            if (session.state() != before || session.state() == LabSessionState.RUNNING || session.state() == LabSessionState.QUEUED) {
                renderStatus();
            }
            schedulePolling();
        }
    }

    /** Polls fast while outputs stream, every second while the sandbox starts, slowly for the countdown. */
    private void schedulePolling() {
        getUI().ifPresent(ui -> {
            if (busy > 0) {
                ui.setPollInterval(BUSY_POLL_MS);
            } else if (session != null && (session.state() == LabSessionState.QUEUED || session.state() == LabSessionState.STARTING)) {
                ui.setPollInterval(STARTING_POLL_MS);
            } else if (session != null && session.state() == LabSessionState.RUNNING
                    && !"idle".equals(session.kernelState()) && !"busy".equals(session.kernelState())) {
                // Restarting after a limit, or blocked: the state changes within seconds.
                ui.setPollInterval(STARTING_POLL_MS);
            } else if (session != null && session.state() == LabSessionState.RUNNING) {
                ui.setPollInterval(RUNNING_POLL_MS);
            } else {
                ui.setPollInterval(-1);
            }
        });
    }

    // ---- running ------------------------------------------------------------------------------

    private void runFrom(int index) {
        List<LabNotebook.Cell> cells = cellList.cells();
        for (int i = index; i < cells.size(); i++) {
            if (cells.get(i).kind() == LabNotebook.Kind.CODE) {
                runCell(cells.get(i).id(), true);
                return;
            }
        }
    }

    private void runCell(String id, boolean thenNext) {
        if (session == null || session.state() != LabSessionState.RUNNING) {
            Views.error(getTranslation("lab.start-first"));
            return;
        }
        int index = cellList.indexOf(id);
        if (index < 0) {
            return;
        }
        LabNotebook.Cell cell = cellList.cells().get(index);
        UI ui = UI.getCurrent();
        cellList.replace(id, c -> c.withOutputs(null, List.of()));
        LabOutputs.reset(cellList.outputsOf(id));
        cellList.promptOf(id).ifPresent(prompt -> prompt.setText("[*]"));
        java.util.function.Consumer<String> answer = line -> act(() -> sessions.answer(session.id(), line));
        // The kernel may send thousands of messages: the page is brought up to date with the latest
        // state only, once per UI access, however many came meanwhile.
        AtomicReference<LabSessions.CellProgress> latest = new AtomicReference<>();
        AtomicReference<LabSessions.CellProgress> last = new AtomicReference<>(new LabSessions.CellProgress(List.of(), null));
        CompletableFuture<LabSessions.CellRun> running;
        try {
            running = sessions.execute(session.id(), cell.source(), progress -> {
                last.set(progress);
                if (latest.getAndSet(progress) == null) {
                    ui.access(() -> {
                        LabSessions.CellProgress now = latest.getAndSet(null);
                        if (now != null) {
                            cellList.running(id, now, answer);
                        }
                    });
                }
            });
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        busy++;
        schedulePolling();
        renderStatus();
        running.whenComplete((done, failure) -> ui.access(() -> {
            busy--;
            LabSessions.CellRun result = done != null ? done : new LabSessions.CellRun("dead", null, last.get().outputs());
            cellList.ran(id);
            cellList.replace(id, c -> c.withOutputs(result.executionCount(), result.outputs()));
            // What it gave, and no input box any more (a run that ended waits for nothing); the editor stays as it is.
            Div outputs = cellList.outputsOf(id);
            if (outputs.isAttached()) {
                LabOutputs.show(this, outputs, new LabSessions.CellProgress(result.outputs(), null), cellList.indexOf(id), line -> { });
                cellList.promptOf(id).ifPresent(prompt -> prompt.setText(LabCells.prompt(result.executionCount())));
            } else {
                cellList.refreshCell(id);
            }
            save("run");
            if (!"ok".equals(result.status()) && !"error".equals(result.status())) {
                // The kernel died or was stopped: the session says why (a limit) and whether it is back.
                session = sessions.session(session.id());
            }
            schedulePolling();
            renderStatus();
            if (thenNext && "ok".equals(result.status())) {
                runFrom(cellList.indexOf(id) + 1);
            }
        }));
    }

    /** Saves, then grades the saved notebook in a fresh sandbox, off the UI thread, with a progress bar meanwhile. */
    private void submit() {
        save("save");
        busy++;
        schedulePolling();
        // One submission at a time from this page: the button comes back with the result.
        submit.setEnabled(false);
        grade.grade(progress -> grading.submit(lab.slug(), progress), () -> {
            busy--;
            submit.setEnabled(true);
            schedulePolling();
        });
    }

    // ---- saving -------------------------------------------------------------------------------

    private void save(String origin) {
        try {
            notebook = labs.save(lab.slug(), new LabNotebook(notebook.revision(), cellList.cells()), origin);
            showSaved();
        } catch (UserFacingException e) {
            saved.setText(getTranslation(e.messageKey(), e.arguments()));
            saved.setClassName("academy-error");
        }
    }

    private void showSaved() {
        // The checkpoint, as JupyterLab shows it: when the copy was last saved, and as which revision.
        saved.setText(getTranslation("lab.saved-at", notebook.revision(), java.time.LocalTime.now(java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        saved.setClassName("academy-note");
    }

    /** Shows a copy the service returned (a reset, a restored revision) in place of the one on the page. */
    private void shown(LabNotebook copy) {
        notebook = copy;
        cellList.show(notebook.cells());
        showSaved();
    }

    /** Asks before something that cannot be taken back on the page. */
    private void confirm(String titleKey, String textKey, String buttonKey, Runnable action) {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                getTranslation(titleKey), getTranslation(textKey), getTranslation(buttonKey), e -> action.run());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "lab.page-title", lab == null ? "" : lab.title());
    }
}
