package eu.aiskills.academy.labs.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.labs.internal.kernel.KernelClient;
import eu.aiskills.academy.labs.internal.sandbox.LocalSandbox;
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

    LabRuntime(LabsProperties properties, @Value("${academy.data-dir}") String dataDir) {
        this.properties = properties;
        this.sessions = Path.of(dataDir, "labs", "sessions").toAbsolutePath();
    }

    /** Starts a sandbox and a kernel for the session (blocking: called on a launch thread). */
    public Live launch(UUID session, String kernel, int memoryMb) {
        LabsProperties.Sandbox base = properties.sandbox();
        DataSize memory = DataSize.ofMegabytes(Math.max(memoryMb, 512));
        LabsProperties.Sandbox settings = new LabsProperties.Sandbox(base.bwrap(), base.python(), base.runAs(), memory,
                base.processes(), base.cpuTime(), base.fileSize(), base.startTimeout());
        LocalSandbox sandbox = LocalSandbox.start(settings, sessions.resolve(session.toString()));
        try {
            KernelClient client = KernelClient.start(sandbox.endpoint(), sandbox.token(), kernel, base.startTimeout());
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

    public Duration startTimeout() {
        return properties.sandbox().startTimeout();
    }

    @PreDestroy
    void stopAll() {
        if (!live.isEmpty()) {
            log.info("Stopping {} lab sandboxes", live.size());
        }
        live.keySet().forEach(this::stop);
    }
}
