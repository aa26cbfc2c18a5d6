package eu.aiskills.academy.labs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.LabLauncher;
import eu.aiskills.academy.labs.LabLimit;
import eu.aiskills.academy.labs.LabSession;
import eu.aiskills.academy.labs.LabSessionState;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.labs.LabsProperties;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A session never stays starting or running without a sandbox behind it. At start-up this ends
 * sessions left from before a restart; every half minute it stops idle and overdue ones, those
 * whose sandbox is gone or used up its CPU time, and those of instances that fell silent.
 */
@Component
@Order(50)
public class LabCuller implements ApplicationRunner {

    private final LabSessionStore store;
    private final LabSessionLifecycle lifecycle;
    private final FactoryLabJobs factory;
    private final LabRuntime runtime;
    private final Labs labs;
    private final LabsProperties properties;
    private final PlatformInstances instances;
    private final Clock clock;

    LabCuller(LabSessionStore store, LabSessionLifecycle lifecycle, FactoryLabJobs factory, LabRuntime runtime, Labs labs,
              LabsProperties properties, PlatformInstances instances, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.factory = factory;
        this.runtime = runtime;
        this.labs = labs;
        this.properties = properties;
        this.instances = instances;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.call(this::endOrphans);
    }

    @Scheduled(fixedDelayString = "${academy.labs.cull-interval:30s}", initialDelayString = "${academy.labs.cull-interval:30s}")
    void scheduled() {
        SystemActor.call(this::cull);
    }

    /** Ends what should no longer run and starts queued sessions when sandboxes free up; answers how many ended. */
    @RolesAllowed(Roles.SYSTEM)
    public int cull() {
        Instant now = clock.instant();
        int ended = endOrphans(false);
        for (LabSessionStore.Live live : store.live()) {
            if (live.instance() != null && !live.instance().equals(instances.id())) {
                // Another instance holds its sandbox or connection: that one judges it.
                continue;
            }
            String reason = reason(live.session(), now);
            if (reason != null) {
                LabSession session = live.session();
                boolean failed = reason.equals("lab.reason.memory") || reason.equals("lab.reason.sandbox-gone")
                        || reason.equals("lab.reason.start-failed");
                lifecycle.end(session.id(), failed ? LabSessionState.FAILED : LabSessionState.STOPPED, reason, detail(session, reason));
                ended++;
            }
        }
        lifecycle.promote();
        return ended;
    }

    /** At start-up: sessions the database calls live but no sandbox of this instance runs (the platform restarted). */
    @RolesAllowed(Roles.SYSTEM)
    public int endOrphans() {
        return endOrphans(true);
    }

    /** Why a live session of this instance must end now, or {@code null}. */
    private String reason(LabSession session, Instant now) {
        boolean local = session.launcher() == LabLauncher.LOCAL;
        if (session.state() == LabSessionState.RUNNING) {
            LabTemplate lab = labs.template(session.labSlug()).orElse(null);
            if (local && !runtime.isLive(session.id().value())) {
                return runtime.notice(session.id().value()).filter(l -> l == LabLimit.MEMORY).isPresent()
                        ? "lab.reason.memory" : "lab.reason.sandbox-gone";
            }
            if (local && runtime.cpuUsedUp(session.id().value())) {
                return "lab.reason.cpu-time";
            }
            if (session.endsAt() != null && !now.isBefore(session.endsAt())) {
                return "lab.reason.time-limit";
            }
            if (lab != null && !"busy".equals(session.kernelState())
                    && session.lastActivityAt().plus(Duration.ofMinutes(lab.idleMinutes())).isBefore(now)) {
                return "lab.reason.idle";
            }
        } else if (session.state() == LabSessionState.STARTING && local && !runtime.isLive(session.id().value())
                && session.createdAt().plus(startGrace()).isBefore(now)) {
            return "lab.reason.start-failed";
        }
        return null;
    }

    private String detail(LabSession session, String reason) {
        return switch (reason) {
            case "lab.reason.cpu-time" -> String.valueOf(properties.sandbox().cpuTime().toMinutes());
            case "lab.reason.idle" -> labs.template(session.labSlug()).map(lab -> String.valueOf(lab.idleMinutes())).orElse(null);
            case "lab.reason.start-failed" -> "no sandbox after " + startGrace().toSeconds() + " s";
            default -> null;
        };
    }

    private Duration startGrace() {
        return runtime.startTimeout().multipliedBy(3);
    }

    /**
     * Ends sessions whose instance is gone (stopped, or silent for too long), and at start-up
     * ({@code startup}) also those without an instance (from before instances were recorded) that
     * nothing here runs.
     */
    private int endOrphans(boolean startup) {
        int ended = 0;
        for (LabSessionStore.Live live : store.live()) {
            LabSession session = live.session();
            boolean factoryJob = session.launcher() == LabLauncher.SLURM;
            boolean orphaned = live.instance() == null ? startup && (factoryJob || session.state() != LabSessionState.QUEUED)
                    : !instances.alive(live.instance());
            if (orphaned && !runtime.isLive(session.id().value())) {
                lifecycle.end(session.id(), LabSessionState.STOPPED, "lab.reason.platform-restarted", null);
                if (factoryJob && live.schedulerJob() != null) {
                    factory.abandon(live.schedulerJob());
                }
                ended++;
            }
        }
        lifecycle.promote();
        return ended;
    }
}
