package eu.aiskills.academy.labs.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
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
import eu.aiskills.academy.labs.LabLauncher;
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
 * extension while it runs.
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
    private final List<LabNotebook.Cell> cells = new ArrayList<>();
    /** Code cells open in their editor; the others are shown coloured. */
    private final java.util.Set<String> editing = new java.util.HashSet<>();
    private transient LabSession session;
    private final Div status = new Div();
    private final Div cellList = new Div();
    private final Div grade = new Div();
    private final Span saved = new Span();
    private int busy;
    private Registration poll;

    LabView(Labs labs, LabSessions sessions, LabGrading grading) {
        this.labs = labs;
        this.sessions = sessions;
        this.grading = grading;
        addClassNames("academy-lab", "academy-notebook");
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
        cells.clear();
        cells.addAll(notebook.cells());
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
        status.addClassName("academy-lab-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        add(status, toolbar());
        cellList.addClassName("academy-cells");
        add(cellList);
        Button addCode = new Button(getTranslation("lab.add-code"), VaadinIcon.PLUS.create(), click -> addCell(cells.size(),
                LabNotebook.Kind.CODE));
        Button addText = new Button(getTranslation("lab.add-text"), VaadinIcon.PLUS.create(), click -> addCell(cells.size(),
                LabNotebook.Kind.MARKDOWN));
        addCode.addThemeVariants(ButtonVariant.TERTIARY);
        addText.addThemeVariants(ButtonVariant.TERTIARY);
        add(new HorizontalLayout(addCode, addText), grade, history());
        renderStatus();
        renderCells();
    }

    private Component toolbar() {
        Button runAll = new Button(getTranslation("lab.run-all"), VaadinIcon.FORWARD.create(), click -> runFrom(0));
        Button interrupt = new Button(getTranslation("lab.interrupt"), VaadinIcon.STOP.create(), click -> act(() -> sessions.interrupt(session.id())));
        Button restart = new Button(getTranslation("lab.restart"), VaadinIcon.REFRESH.create(), click -> act(() -> {
            sessions.restart(session.id());
            Views.success(getTranslation("lab.restarted"));
        }));
        Button save = new Button(getTranslation("lab.save"), VaadinIcon.CHECK.create(), click -> save("save"));
        Button reset = new Button(getTranslation("lab.reset"), VaadinIcon.ROTATE_LEFT.create(), click -> {
            notebook = labs.reset(lab.slug(), notebook.revision());
            cells.clear();
            cells.addAll(notebook.cells());
            renderCells();
            showSaved();
        });
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = labs.download(lab.slug());
            return new DownloadResponse(new java.io.ByteArrayInputStream(bytes), lab.slug() + ".ipynb", "application/x-ipynb+json",
                    bytes.length);
        }), getTranslation("lab.download"));
        download.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        for (Button button : List.of(runAll, interrupt, restart, save, reset)) {
            button.addThemeVariants(ButtonVariant.TERTIARY);
        }
        interrupt.setTooltipText(getTranslation("lab.interrupt-help"));
        reset.setTooltipText(getTranslation("lab.reset-help"));
        saved.addClassName("academy-note");
        HorizontalLayout bar = new HorizontalLayout(runAll, interrupt, restart, save, reset, download, saved);
        if (lab.graded()) {
            Button submit = new Button(getTranslation("lab.submit"), VaadinIcon.CHECK_SQUARE_O.create(), click -> submit());
            submit.addThemeVariants(ButtonVariant.SUCCESS);
            submit.setTooltipText(getTranslation("lab.submit-help"));
            bar.addComponentAtIndex(0, submit);
        }
        bar.addClassName("academy-toolbar");
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    /** What each of the learner's sessions of this lab cost: when, how long, GPU-hours. */
    private Component history() {
        List<LabSession> past = sessions.mine().stream().filter(s -> s.labSlug().equals(lab.slug()) && s.startedAt() != null)
                .limit(10).toList();
        Div box = new Div();
        if (past.isEmpty()) {
            return box;
        }
        box.add(new com.vaadin.flow.component.html.H2(getTranslation("lab.history")));
        com.vaadin.flow.component.grid.Grid<LabSession> grid = new com.vaadin.flow.component.grid.Grid<>();
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        grid.addColumn(s -> Views.dateTime(this, s.startedAt(), utc)).setHeader(getTranslation("lab.history.started")).setAutoWidth(true);
        grid.addColumn(s -> {
            Duration ran = Duration.between(s.startedAt(), s.stoppedAt() == null ? Instant.now() : s.stoppedAt());
            return getTranslation("lab.history.minutes", ran.toMinutes());
        }).setHeader(getTranslation("lab.history.duration")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.launcher() == LabLauncher.SLURM ? "lab.history.factory"
                : "lab.history.local", s.gpus())).setHeader(getTranslation("lab.history.where")).setAutoWidth(true);
        grid.addColumn(s -> s.gpuHours().stripTrailingZeros().toPlainString()).setHeader(getTranslation("lab.history.gpu-hours"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.state().messageKey())).setHeader(getTranslation("authoring.field.status")).setAutoWidth(true);
        grid.setItems(past);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("lab.history"));
        box.add(grid);
        return box;
    }

    // ---- status -------------------------------------------------------------------------------

    private void renderStatus() {
        status.removeAll();
        Span state = new Span();
        state.getElement().getThemeList().add("badge");
        if (session == null || session.state().over()) {
            state.setText(getTranslation(session == null ? "lab.not-started" : session.state().messageKey()));
            status.add(state);
            if (session != null && session.reasonKey() != null) {
                status.add(new Span(" " + getTranslation(session.reasonKey(), session.reasonDetail() == null ? "" : session.reasonDetail())));
            }
            Button start = new Button(getTranslation("lab.start"), VaadinIcon.PLAY.create(), click -> start());
            start.addThemeVariants(ButtonVariant.PRIMARY);
            status.add(start);
            if (lab.graded()) {
                status.add(new Span(getTranslation("lab.graded-note", lab.checkCount())));
            }
            return;
        }
        switch (session.state()) {
            case QUEUED -> {
                if (session.launcher() == LabLauncher.SLURM) {
                    state.setText(getTranslation("lab.state.queued"));
                    status.add(state, progress(session.reasonKey() == null ? getTranslation("lab.factory-queued")
                            : getTranslation(session.reasonKey(), session.reasonDetail() == null ? "" : session.reasonDetail())));
                } else {
                    state.setText(getTranslation("lab.queued", session.queuePosition() == null ? 1 : session.queuePosition()));
                    status.add(state, progress(getTranslation("lab.queued-help")));
                }
            }
            case STARTING -> {
                state.setText(getTranslation("lab.state.starting"));
                status.add(state, progress(getTranslation("lab.starting-help")));
            }
            case RUNNING -> {
                state.setText(getTranslation("lab.state.running") + " · " + getTranslation(busy > 0 ? "lab.kernel.busy"
                        : "lab.kernel." + Optional.ofNullable(session.kernelState()).orElse("idle")));
                state.getElement().getThemeList().add("blocked".equals(session.kernelState()) ? "error" : "success");
                status.add(state);
                if (session.limit() != null) {
                    // Which limit the code reached, and what happened to the kernel: said once, where the state is.
                    Span limit = new Span(getTranslation(session.limit().messageKey(), lab.memoryMb()));
                    limit.addClassName("academy-error");
                    limit.getElement().setAttribute("role", "alert");
                    status.add(limit);
                }
                if (session.endsAt() != null) {
                    long minutes = Math.max(0, Duration.between(Instant.now(), session.endsAt()).toMinutes());
                    Span countdown = new Span(getTranslation("lab.ends-in", minutes));
                    countdown.addClassName(minutes <= 5 ? "academy-error" : "academy-note");
                    Button extend = new Button(getTranslation("lab.extend"), click -> act(() -> {
                        session = sessions.extend(session.id());
                        renderStatus();
                    }));
                    extend.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                    status.add(countdown, extend);
                }
                Button stop = new Button(getTranslation("lab.stop"), VaadinIcon.STOP.create(), click -> {
                    save("stop");
                    session = sessions.stop(session.id());
                    renderStatus();
                    schedulePolling();
                });
                stop.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                status.add(stop);
            }
            default -> {
                state.setText(getTranslation(session.state().messageKey()));
                status.add(state);
            }
        }
    }

    private Div progress(String text) {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", text);
        Div box = new Div(new Span(text), bar);
        box.addClassName("academy-lab-progress");
        return box;
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

    // ---- cells --------------------------------------------------------------------------------

    private void renderCells() {
        cellList.removeAll();
        for (int i = 0; i < cells.size(); i++) {
            cellList.add(cellView(i));
        }
    }

    private Component cellView(int index) {
        LabNotebook.Cell cell = cells.get(index);
        Div box = new Div();
        box.addClassName("academy-cell");
        box.getElement().setAttribute("data-cell", cell.id());
        if (cell.kind() == LabNotebook.Kind.CODE) {
            box.addClassName("academy-cell-code");
            Span prompt = new Span(prompt(cell.executionCount()));
            prompt.addClassName("academy-cell-prompt");
            box.add(prompt);
            if (cell.locked()) {
                Pre code = new Pre();
                code.addClassName("academy-code");
                code.getElement().setProperty("innerHTML", PythonHighlighter.toHtml(cell.source()));
                Span lock = new Span(getTranslation("lab.locked"));
                lock.getElement().getThemeList().add("badge contrast small");
                box.add(lock, code);
            } else if (editing.contains(cell.id())) {
                box.add(editor(index, cell));
            } else {
                // Read coloured; a click, Enter or Space opens the editor.
                Pre code = new Pre();
                code.addClassNames("academy-code", "academy-code-view");
                code.getElement().setProperty("innerHTML", cell.source().isBlank()
                        ? "<span class=\"py-comment\">" + getTranslation("lab.empty-cell") + "</span>" : PythonHighlighter.toHtml(cell.source()));
                code.getElement().setAttribute("tabindex", "0");
                code.getElement().setAttribute("role", "button");
                code.getElement().setAttribute("aria-label", getTranslation("lab.edit-cell", index + 1));
                code.addClickListener(click -> edit(cell.id()));
                Shortcuts.addShortcutListener(code, () -> edit(cell.id()), Key.ENTER).listenOn(code);
                box.add(code);
            }
            Div outputs = new Div();
            outputs.addClassName("academy-outputs");
            outputs.getElement().setAttribute("aria-live", "polite");
            cell.outputs().forEach(output -> outputs.add(output(output, index)));
            box.add(cellActions(index, cell), outputs);
        } else {
            Div text = new Div();
            text.addClassName("academy-markdown");
            text.getElement().setProperty("innerHTML", Markdown.toSafeHtml(cell.source()));
            box.add(text);
            if (!cell.locked()) {
                Button edit = new Button(getTranslation("lab.edit-text"), VaadinIcon.EDIT.create(), click -> editText(box, cell));
                edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                HorizontalLayout actions = cellActions(index, cell);
                actions.addComponentAsFirst(edit);
                box.add(actions);
            }
        }
        return box;
    }

    /** The text area of a code cell being edited: saved as it changes, Shift+Enter runs it, leaving it shows it coloured again. */
    private TextArea editor(int index, LabNotebook.Cell cell) {
        TextArea editor = new TextArea();
        editor.addClassName("academy-code-editor");
        editor.setWidthFull();
        editor.setMaxLength(LabNotebook.MAX_CELL_CHARS);
        editor.setValue(cell.source());
        editor.setAriaLabel(getTranslation("lab.cell-label", index + 1));
        editor.setValueChangeMode(ValueChangeMode.LAZY);
        editor.setValueChangeTimeout(1500);
        editor.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                replace(cell.id(), c -> c.withSource(change.getValue()));
                save("autosave");
            }
        });
        // Shift+Enter carries the text as the browser has it: a lazy value change may still be waiting.
        editor.getElement().addEventListener("keydown", key -> {
            var value = key.getEventData().get("element.value");
            String source = value == null || !value.isString() ? null : value.asString();
            if (source != null && source.length() <= LabNotebook.MAX_CELL_CHARS) {
                editor.setValue(source);
                replace(cell.id(), c -> c.withSource(source));
            }
            runCell(cell.id(), false);
        }).setFilter("event.key === 'Enter' && event.shiftKey")
                .addEventData("element.value")
                .addEventData("event.preventDefault()");
        editor.addBlurListener(blur -> {
            if (!editor.getValue().equals(currentSource(cell.id()))) {
                replace(cell.id(), c -> c.withSource(editor.getValue()));
                save("autosave");
            }
            editing.remove(cell.id());
            refreshCell(cell.id());
        });
        editor.addAttachListener(attach -> editor.focus());
        return editor;
    }

    private void edit(String id) {
        editing.add(id);
        refreshCell(id);
    }

    private String currentSource(String id) {
        int index = indexOf(id);
        return index < 0 ? "" : cells.get(index).source();
    }

    /** Renders one cell again in place, keeping the others (and their streaming outputs) as they are. */
    private void refreshCell(String id) {
        int index = indexOf(id);
        cellList.getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                .ifPresent(old -> {
                    Component fresh = cellView(index);
                    cellList.replace(old, fresh);
                });
    }

    private HorizontalLayout cellActions(int index, LabNotebook.Cell cell) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("academy-cell-actions");
        if (cell.kind() == LabNotebook.Kind.CODE) {
            Button run = new Button(getTranslation("lab.run"), VaadinIcon.PLAY.create(), click -> runCell(cell.id(), false));
            run.addThemeVariants(ButtonVariant.SMALL);
            run.setAriaLabel(getTranslation("lab.run-cell", index + 1));
            actions.add(run);
        }
        if (!cell.locked()) {
            Button up = icon(VaadinIcon.ARROW_UP, getTranslation("lab.move-up", index + 1), () -> move(index, -1));
            Button down = icon(VaadinIcon.ARROW_DOWN, getTranslation("lab.move-down", index + 1), () -> move(index, 1));
            Button delete = icon(VaadinIcon.TRASH, getTranslation("lab.delete-cell", index + 1), () -> {
                cells.remove(index);
                renderCells();
                save("autosave");
            });
            up.setEnabled(index > 0);
            down.setEnabled(index < cells.size() - 1);
            actions.add(up, down, delete);
        }
        Button below = icon(VaadinIcon.PLUS, getTranslation("lab.add-below", index + 1), () -> addCell(index + 1, LabNotebook.Kind.CODE));
        actions.add(below);
        return actions;
    }

    private Button icon(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private void editText(Div box, LabNotebook.Cell cell) {
        box.removeAll();
        TextArea editor = new TextArea(getTranslation("lab.text-cell"));
        editor.setWidthFull();
        editor.setMaxLength(LabNotebook.MAX_CELL_CHARS);
        editor.setValue(cell.source());
        Button done = new Button(getTranslation("lab.done-editing"), click -> {
            replace(cell.id(), c -> c.withSource(editor.getValue()));
            save("autosave");
            renderCells();
        });
        done.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        box.add(editor, done);
        editor.focus();
    }

    private void addCell(int at, LabNotebook.Kind kind) {
        if (cells.size() >= LabNotebook.MAX_CELLS) {
            Views.error(getTranslation("lab.notebook.too-many-cells", LabNotebook.MAX_CELLS));
            return;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        cells.add(at, new LabNotebook.Cell(id, kind, "", false, null, List.of()));
        if (kind == LabNotebook.Kind.CODE) {
            editing.add(id);
        }
        renderCells();
        save("autosave");
    }

    private void move(int index, int by) {
        int to = index + by;
        if (to < 0 || to >= cells.size()) {
            return;
        }
        LabNotebook.Cell cell = cells.remove(index);
        cells.add(to, cell);
        renderCells();
        save("autosave");
    }

    private void replace(String id, java.util.function.UnaryOperator<LabNotebook.Cell> change) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(id)) {
                cells.set(i, change.apply(cells.get(i)));
                return;
            }
        }
    }

    // ---- running ------------------------------------------------------------------------------

    private void runFrom(int index) {
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
        int index = indexOf(id);
        if (index < 0) {
            return;
        }
        LabNotebook.Cell cell = cells.get(index);
        UI ui = UI.getCurrent();
        List<LabNotebook.Output> streamed = new ArrayList<>();
        replace(id, c -> c.withOutputs(null, List.of()));
        Div outputs = outputsOf(id);
        outputs.removeAll();
        promptOf(id).ifPresent(prompt -> prompt.setText("[*]"));
        CompletableFuture<LabSessions.CellRun> running;
        try {
            running = sessions.execute(session.id(), cell.source(), output -> ui.access(() -> {
                streamed.add(output);
                outputs.add(output(output, index));
            }));
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        busy++;
        schedulePolling();
        renderStatus();
        running.whenComplete((done, failure) -> ui.access(() -> {
            busy--;
            LabSessions.CellRun result = done != null ? done : new LabSessions.CellRun("dead", null, streamed);
            replace(id, c -> c.withOutputs(result.executionCount(), result.outputs()));
            if (outputs.isAttached()) {
                promptOf(id).ifPresent(prompt -> prompt.setText(prompt(result.executionCount())));
            } else {
                // The cell was drawn again while it ran (its editor closed): draw it with what it gave.
                refreshCell(id);
            }
            save("run");
            if (!"ok".equals(result.status()) && !"error".equals(result.status())) {
                // The kernel died or was stopped: the session says why (a limit) and whether it is back.
                session = sessions.session(session.id());
            }
            schedulePolling();
            renderStatus();
            if (thenNext && "ok".equals(result.status())) {
                runFrom(indexOf(id) + 1);
            }
        }));
    }

    /** Saves, then grades the saved notebook in a fresh sandbox, off the UI thread, with a progress bar meanwhile. */
    private void submit() {
        save("save");
        grade.removeAll();
        grade.add(progress(getTranslation("lab.grading")));
        UI ui = UI.getCurrent();
        busy++;
        schedulePolling();
        // The grading runs as the learner: Spring Security's wrapper carries their sign-in to the thread and clears it after.
        Thread.ofVirtual().name("lab-grading").start(new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(() -> {
            Object outcome;
            try {
                outcome = grading.submit(lab.slug());
            } catch (UserFacingException e) {
                outcome = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new UserFacingException("lab.grading-failed", "interrupted");
            } catch (RuntimeException e) {
                outcome = new UserFacingException("lab.grading-failed", e.getMessage());
            }
            Object result = outcome;
            ui.access(() -> {
                busy--;
                schedulePolling();
                showGrade(result);
            });
        }));
    }

    private void showGrade(Object outcome) {
        grade.removeAll();
        if (outcome instanceof UserFacingException e) {
            Paragraph failed = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            failed.addClassName("academy-error");
            grade.add(failed);
            return;
        }
        LabGrading.Grade result = (LabGrading.Grade) outcome;
        grade.addClassName("academy-card");
        String verdict = result.lessonCompleted() ? "lab.grade.passed"
                : result.checks().stream().allMatch(LabGrading.CheckResult::passed) ? "lab.grade.all" : "lab.grade.score";
        grade.add(new Paragraph(getTranslation(verdict, result.score().stripTrailingZeros().toPlainString())));
        UnorderedList list = new UnorderedList();
        for (LabGrading.CheckResult check : result.checks()) {
            ListItem item = new ListItem((check.passed() ? "✓ " : "✗ ") + check.name() + " (" + check.points() + ")"
                    + (check.message() == null ? "" : " — " + check.message()));
            item.addClassName(check.passed() ? "academy-check-passed" : "academy-check-failed");
            list.add(item);
        }
        grade.add(list);
        if (!result.cellErrors().isEmpty()) {
            grade.add(new Paragraph(getTranslation("lab.grade.cell-errors", String.join("; ", result.cellErrors()))));
        }
        grade.getElement().setAttribute("role", "status");
    }

    private int indexOf(String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Div outputsOf(String id) {
        return cellList.getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                .flatMap(box -> box.getChildren().filter(c -> c.hasClassName("academy-outputs")).findFirst()).map(Div.class::cast)
                .orElseGet(Div::new);
    }

    private Optional<Span> promptOf(String id) {
        return cellList.getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-cell"))).findFirst()
                .flatMap(box -> box.getChildren().filter(c -> c.hasClassName("academy-cell-prompt")).findFirst()).map(Span.class::cast);
    }

    private static String prompt(Integer count) {
        return count == null ? "[ ]" : "[" + count + "]";
    }

    private Component output(LabNotebook.Output output, int cellIndex) {
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
                    yield new Image("data:image/png;base64," + output.png(), getTranslation("notebook.figure", cellIndex + 1));
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

    // ---- saving -------------------------------------------------------------------------------

    private void save(String origin) {
        try {
            notebook = labs.save(lab.slug(), new LabNotebook(notebook.revision(), cells), origin);
            showSaved();
        } catch (UserFacingException e) {
            saved.setText(getTranslation(e.messageKey(), e.arguments()));
            saved.setClassName("academy-error");
        }
    }

    private void showSaved() {
        saved.setText(getTranslation("lab.saved", notebook.revision()));
        saved.setClassName("academy-note");
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
