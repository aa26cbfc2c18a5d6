package eu.aiskills.academy.labs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.labs.internal.FactoryLabJobs;
import eu.aiskills.academy.labs.internal.LabAccess;
import eu.aiskills.academy.labs.internal.LabRuntime;
import eu.aiskills.academy.labs.internal.LabSessionLifecycle;
import eu.aiskills.academy.labs.internal.LabSessionStore;
import eu.aiskills.academy.labs.internal.OutputArea;
import eu.aiskills.academy.labs.internal.PlatformInstances;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Lab sessions: a learner enrolled in the lab's course (or its instructor) starts one; it queues
 * when every sandbox is taken, starts, runs cells, and stops on request, when idle too long, at
 * the end of its time (unless extended), or when the platform stops. One live session per learner
 * and lab, guarded by a unique key. A session never stays starting or running without a sandbox
 * behind it: the culler ({@code internal/LabCuller}) ends it with the reason. GPU labs run as
 * jobs on an AI Factory ({@code internal/FactoryLabJobs}).
 */
@Service
public class LabSessions {

    private static final Logger log = LoggerFactory.getLogger(LabSessions.class);
    public static final int CODE_MAX_CHARS = LabNotebook.MAX_CELL_CHARS;
    public static final int MAX_MATCHES = 200;
    /** How long completion and help wait for the kernel: while a cell runs, it answers after it. */
    private static final java.time.Duration ASK_TIMEOUT = java.time.Duration.ofSeconds(3);
    private static final int HELP_MAX_CHARS = 4_000;
    public static final int INPUT_MAX_CHARS = 10_000;

    private final Labs labs;
    private final LabSessionStore store;
    private final LabSessionLifecycle lifecycle;
    private final FactoryLabJobs factory;
    private final LabAccess access;
    private final LabRuntime runtime;
    private final LabsProperties properties;
    private final PlatformInstances instances;
    private final Clock clock;

    LabSessions(Labs labs, LabSessionStore store, LabSessionLifecycle lifecycle, FactoryLabJobs factory, LabAccess access,
                LabRuntime runtime, LabsProperties properties, PlatformInstances instances, Clock clock) {
        this.labs = labs;
        this.store = store;
        this.lifecycle = lifecycle;
        this.factory = factory;
        this.access = access;
        this.runtime = runtime;
        this.properties = properties;
        this.instances = instances;
        this.clock = clock;
    }

    /**
     * Starts (or returns the live) session of a lab for the signed-in learner. It is queued when
     * every local sandbox is taken and starts in the order asked; a GPU lab is submitted to the
     * AI Factory of the learner's run.
     */
    @SignedIn
    public LabSession start(String slug) {
        LabTemplate lab = labs.require(slug);
        AccountId me = CurrentUser.requireId();
        access.requireMayUse(lab);
        Optional<LabSession> live = store.live(lab.id(), me);
        if (live.isPresent()) {
            return live.get();
        }
        FactoryLabJobs.Plan plan = lab.gpus() > 0 ? factory.plan(lab, access.seat(lab)) : null;
        LabSessionId id = LabSessionId.random();
        LabLauncher launcher = plan == null ? LabLauncher.LOCAL : LabLauncher.SLURM;
        if (!store.insertQueued(id, lab.id(), me, launcher, lab.gpus(), instances.id(), clock.instant())) {
            // Another start (another tab) took the learner's slot at the same moment.
            return store.live(lab.id(), me).orElseThrow(() -> new IllegalStateException("Lab session slot of " + me + " lost"));
        }
        if (plan != null) {
            return factory.submit(id, lab, me, plan);
        }
        log.info("Lab session {} of {} queued for {}", id, slug, me);
        lifecycle.promote();
        return store.load(id);
    }

    /** The signed-in learner's live session of the lab, if any. */
    @SignedIn
    public Optional<LabSession> current(String slug) {
        return store.live(labs.require(slug).id(), CurrentUser.requireId());
    }

    /** A session, for its learner (and administrators). */
    @SignedIn
    public LabSession session(LabSessionId id) {
        LabSession session = store.load(id);
        access.requireOwner(session);
        return session;
    }

    /** The signed-in learner's sessions, newest first (with what each cost). */
    @SignedIn
    public List<LabSession> mine() {
        return store.of(CurrentUser.requireId(), 100);
    }

    /** What a cell run gave: the kernel's status (ok, error, interrupted, dead), its count, and its outputs. */
    public record CellRun(String status, Integer executionCount, List<LabNotebook.Output> outputs) {
    }

    /**
     * A running cell's outputs so far (outputs that did not change are the same objects as in the
     * progress before), and the line of input it waits for, if any.
     */
    public record CellProgress(List<LabNotebook.Output> outputs, InputPrompt input) {
    }

    /** An {@code input()} (or, with {@code password}, a {@code getpass}) waiting for the learner. */
    public record InputPrompt(String prompt, boolean password) {
    }

    /**
     * Runs code in the session's kernel; {@code onProgress} hears of each change of its outputs as
     * it comes (streams coalesced, {@code clear_output} and display updates applied). The future
     * completes when the kernel is idle again. The code may ask for input, answered by {@link #answer}.
     */
    @SignedIn
    public CompletableFuture<CellRun> execute(LabSessionId sessionId, String code, Consumer<CellProgress> onProgress) {
        LabSession session = session(sessionId);
        requireCode(code);
        LabRuntime.Live live = requireRunning(session);
        store.touch(sessionId, clock.instant());
        runtime.clearNotice(sessionId.value());
        OutputArea area = new OutputArea();
        return live.kernel().execute(code, output -> {
            if (area.apply(output)) {
                KernelOutput.InputRequest input = area.input();
                onProgress.accept(new CellProgress(area.outputs(), input == null ? null : new InputPrompt(input.prompt(), input.password())));
            }
        }, true).thenApply(done -> {
            store.touch(sessionId, clock.instant());
            return new CellRun(done.status(), done.executionCount() == 0 ? null : done.executionCount(), area.outputs());
        });
    }

    /** Answers the {@code input()} the session's running cell waits for, with the line the learner typed. */
    @SignedIn
    public void answer(LabSessionId sessionId, String line) {
        LabRuntime.Live live = requireRunning(session(sessionId));
        if (line == null || line.length() > INPUT_MAX_CHARS || line.indexOf('\n') >= 0) {
            throw new UserFacingException("lab.input.invalid", INPUT_MAX_CHARS);
        }
        if (!live.kernel().answer(line)) {
            throw new UserFacingException("lab.input.none");
        }
        store.touch(sessionId, clock.instant());
    }

    /** What the kernel offers at the cursor (Tab): matches for {@code code[from, to)}, at most {@value #MAX_MATCHES}. */
    public record Completion(List<String> matches, int from, int to) {

        public Completion {
            matches = List.copyOf(matches);
        }
    }

    /**
     * Asks the session's kernel to complete the code at {@code cursor} (a UTF-16 index, as the
     * browser's editor counts). Completes with no matches when the kernel is busy past the timeout.
     */
    @SignedIn
    public CompletableFuture<Completion> complete(LabSessionId sessionId, String code, int cursor) {
        LabRuntime.Live live = requireAskable(sessionId, code, cursor);
        return live.kernel().complete(code, cursor, ASK_TIMEOUT)
                .thenApply(reply -> new Completion(reply.matches().stream().distinct().limit(MAX_MATCHES).toList(), reply.from(), reply.to()))
                .exceptionally(failure -> new Completion(List.of(), cursor, cursor));
    }

    /** The kernel's help on the name at the cursor (Shift+Tab), as plain text; empty if it has none or is busy. */
    @SignedIn
    public CompletableFuture<String> inspect(LabSessionId sessionId, String code, int cursor) {
        LabRuntime.Live live = requireAskable(sessionId, code, cursor);
        return live.kernel().inspect(code, cursor, ASK_TIMEOUT)
                .thenApply(help -> help.length() > HELP_MAX_CHARS ? help.substring(0, HELP_MAX_CHARS) + "\n…" : help)
                .exceptionally(failure -> "");
    }

    private static void requireCode(String code) {
        if (code == null || code.length() > CODE_MAX_CHARS) {
            throw new UserFacingException("lab.notebook.cell-too-large", CODE_MAX_CHARS / 1000);
        }
    }

    private LabRuntime.Live requireAskable(LabSessionId sessionId, String code, int cursor) {
        LabSession session = session(sessionId);
        requireCode(code);
        if (cursor < 0 || cursor > code.length() || (cursor > 0 && cursor < code.length()
                && Character.isLowSurrogate(code.charAt(cursor)))) {
            throw new UserFacingException("lab.cursor-outside");
        }
        LabRuntime.Live live = requireRunning(session);
        store.touch(sessionId, clock.instant());
        return live;
    }

    @SignedIn
    public void interrupt(LabSessionId sessionId) {
        requireRunning(session(sessionId)).kernel().interrupt();
        store.touch(sessionId, clock.instant());
    }

    @SignedIn
    public void restart(LabSessionId sessionId) {
        requireRunning(session(sessionId)).kernel().restart(runtime.startTimeout());
        store.touch(sessionId, clock.instant());
    }

    /** Gives the session more time, up to the longest a session may run. */
    @SignedIn
    public LabSession extend(LabSessionId sessionId) {
        LabSession session = session(sessionId);
        if (session.state() != LabSessionState.RUNNING || session.endsAt() == null) {
            throw new UserFacingException("lab.not-running");
        }
        if (session.launcher() == LabLauncher.SLURM) {
            // The job's time limit was reserved when it was submitted; it cannot grow.
            throw new UserFacingException("lab.extend.factory");
        }
        Instant latest = session.startedAt().plus(properties.maxSessionLength());
        Instant next = session.endsAt().plus(properties.extension());
        if (!session.endsAt().isBefore(latest)) {
            throw new UserFacingException("lab.extend.limit", properties.maxSessionLength().toHours());
        }
        store.endsAt(sessionId, next.isAfter(latest) ? latest : next);
        return store.load(sessionId);
    }

    /** Stops the session: the kernel and sandbox end, nothing of them stays. The learner's saved notebook is kept. */
    @SignedIn
    public LabSession stop(LabSessionId sessionId) {
        session(sessionId);
        lifecycle.end(sessionId, LabSessionState.STOPPED, "lab.reason.stopped", null);
        return store.load(sessionId);
    }

    private LabRuntime.Live requireRunning(LabSession session) {
        if (session.state() != LabSessionState.RUNNING) {
            throw new UserFacingException("lab.not-running");
        }
        return runtime.get(session.id().value()).orElseThrow(() -> new UserFacingException("lab.not-running"));
    }
}
