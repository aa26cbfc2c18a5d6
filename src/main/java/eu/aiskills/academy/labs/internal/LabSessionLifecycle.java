package eu.aiskills.academy.labs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.labs.LabSessionId;
import eu.aiskills.academy.labs.LabSessionState;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The local sandboxes' queue: queued sessions start, oldest first, while this instance has a
 * sandbox free; an ended session frees its sandbox and lets the next one start.
 */
@Component
public class LabSessionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LabSessionLifecycle.class);

    private final LabSessionStore store;
    private final LabRuntime runtime;
    private final Labs labs;
    private final LabsProperties properties;
    private final PlatformInstances instances;
    private final Clock clock;

    LabSessionLifecycle(LabSessionStore store, LabRuntime runtime, Labs labs, LabsProperties properties, PlatformInstances instances,
                        Clock clock) {
        this.store = store;
        this.runtime = runtime;
        this.labs = labs;
        this.properties = properties;
        this.instances = instances;
        this.clock = clock;
    }

    /** Starts queued sessions while sandboxes are free, oldest first. */
    public void promote() {
        while (store.localInUse(instances.id()) < properties.maxLocalSessions()) {
            // Sandboxes are this machine's: count and start only this instance's sessions.
            Optional<LabSessionId> next = store.nextQueuedLocal(instances.id());
            if (next.isEmpty()) {
                return;
            }
            LabSessionId id = next.get();
            if (store.starting(id)) {
                Thread.ofVirtual().name("lab-start-" + id).start(() -> launch(id));
            }
        }
    }

    private void launch(LabSessionId id) {
        LabSession session = store.load(id);
        LabTemplate lab = labs.template(session.labSlug()).orElseThrow(() -> new NotFoundException("lab.not-found"));
        try {
            runtime.launch(id.value(), lab.kernel(), lab.memoryMb());
        } catch (RuntimeException e) {
            log.warn("Lab session {} failed to start: {}", id, e.getMessage());
            end(id, LabSessionState.FAILED, "lab.reason.start-failed", e.getMessage());
            return;
        }
        Instant now = clock.instant();
        if (store.running(id, now, now.plus(Duration.ofMinutes(lab.minutes())))) {
            log.info("Lab session {} of {} running", id, lab.slug());
        } else {
            // Stopped while it was starting.
            runtime.stop(id.value());
        }
    }

    /** Ends a session once, with its reason; frees its sandbox and starts the next queued one. */
    public void end(LabSessionId id, LabSessionState state, String reasonKey, String detail) {
        boolean ended = store.end(id, state, reasonKey, detail, clock.instant());
        runtime.stop(id.value());
        if (ended) {
            log.info("Lab session {} {} ({})", id, state, reasonKey);
        }
        promote();
    }
}
