package eu.aiskills.academy.labs.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import eu.aiskills.academy.labs.LabLimit;
import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.labs.internal.kernel.KernelClient;
import eu.aiskills.academy.labs.internal.sandbox.LocalSandbox;
import eu.aiskills.academy.labs.internal.sandbox.SandboxHost;
import eu.aiskills.academy.labs.internal.sandbox.SessionDisk;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The running sandboxes of this instance and their kernels, by session. What is here is live;
 * the database says what each session is. Everything is stopped when the platform stops.
 */
@Component
public class LabRuntime {

    private static final Logger log = LoggerFactory.getLogger(LabRuntime.class);

    /** A running session: its kernel, and its local sandbox (none when it runs on an AI Factory). */
    public record Live(LocalSandbox sandbox, KernelClient kernel) {
    }

    private final LabsProperties properties;
    private final Path sessions;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private volatile SandboxHost host;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lab-watchdog").daemon().factory());

    LabRuntime(LabsProperties properties, @Value("${academy.data-dir}") String dataDir) {
        this.properties = properties;
        this.sessions = Path.of(dataDir, "labs", "sessions").toAbsolutePath();
        // The kernel's counters are read every two seconds: a fork bomb is cleared before the learner wonders.
        watchdog.scheduleWithFixedDelay(this::watch, 2, 2, TimeUnit.SECONDS);
    }

    /** What confines sandboxes on this host (found on first use). */
    public SandboxHost host() {
        SandboxHost found = host;
        if (found == null) {
            synchronized (this) {
                if (host == null) {
                    if (SessionDisk.supported()) {
                        int unmounted = SessionDisk.unmountLeftovers(sessions);
                        if (unmounted > 0) {
                            log.info("Unmounted {} lab disks left from before a restart", unmounted);
                        }
                    }
                    host = new SandboxHost(properties.sandbox());
                }
                found = host;
            }
        }
        return found;
    }

    /** Starts a sandbox and a kernel for the session (blocking: called on a launch thread). */
    public Live launch(UUID session, String kernel, int memoryMb) {
        LabsProperties.Sandbox settings = properties.sandbox().withMemory(DataSize.ofMegabytes(Math.max(memoryMb, 512)));
        LocalSandbox sandbox = LocalSandbox.start(host(), settings, sessions.resolve(session.toString()));
        try {
            KernelClient client = KernelClient.start(sandbox.endpoint(), sandbox.token(), kernel, settings.startTimeout());
            Live running = new Live(sandbox, client);
            live.put(session, running);
            return running;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * Connects to a notebook server a batch job started on an AI Factory's node (blocking): waits
     * until it answers, then starts a kernel there.
     */
    public Live connect(UUID session, java.net.URI server, String token, String kernel) {
        Duration timeout = properties.sandbox().startTimeout();
        KernelClient.awaitServer(() -> server, token, timeout, () -> { },
                () -> "The notebook server at " + server + " did not answer within " + timeout.toSeconds() + " s");
        Live running = new Live(null, KernelClient.start(server, token, kernel, properties.sandbox().startTimeout()));
        live.put(session, running);
        return running;
    }

    public Optional<Live> get(UUID session) {
        return Optional.ofNullable(live.get(session));
    }

    public boolean isLive(UUID session) {
        Live running = live.get(session);
        return running != null && (running.sandbox() != null ? running.sandbox().alive() : !"dead".equals(running.kernel().executionState()));
    }

    /** Local sandboxes running now. */
    public int count() {
        return (int) live.values().stream().filter(l -> l.sandbox() != null).count();
    }

    /** Stops the session's kernel and sandbox; nothing of it stays on disk. */
    public void stop(UUID session) {
        Live running = live.remove(session);
        if (running != null) {
            try {
                running.kernel().close();
            } finally {
                if (running.sandbox() != null) {
                    running.sandbox().close();
                }
            }
        }
    }

    /** The limit the session's code reached last, until its next run. */
    public Optional<LabLimit> notice(UUID session) {
        return get(session).map(Live::sandbox).flatMap(LocalSandbox::notice);
    }

    /** Forgets the last limit reached (a cell starts). */
    public void clearNotice(UUID session) {
        get(session).map(Live::sandbox).ifPresent(LocalSandbox::clearNotice);
    }

    /** Whether the session cannot start a process now. */
    public boolean blocked(UUID session) {
        return get(session).map(Live::sandbox).map(LocalSandbox::blocked).orElse(false);
    }

    /** Whether the session used up its CPU time. */
    public boolean cpuUsedUp(UUID session) {
        return get(session).map(Live::sandbox).map(LocalSandbox::cpuUsedUp).orElse(false);
    }

    private void watch() {
        live.forEach((session, running) -> {
            if (running.sandbox() == null) {
                return;
            }
            try {
                running.sandbox().watch().ifPresent(limit -> log.info("Lab session {} reached its limit {}", session, limit));
            } catch (RuntimeException e) {
                log.warn("Watching lab session {} failed: {}", session, e.toString());
            }
        });
    }

    public Duration startTimeout() {
        return properties.sandbox().startTimeout();
    }

    @PreDestroy
    void stopAll() {
        if (!live.isEmpty()) {
            log.info("Stopping {} lab sandboxes", live.size());
        }
        live.keySet().forEach(this::stop);
        watchdog.shutdownNow();
    }
}
