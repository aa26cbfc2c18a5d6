package eu.aiskills.academy.labs.internal;

import eu.aiskills.academy.labs.internal.sandbox.SandboxHost;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health says what confines lab sandboxes here, so that an operator sees at once when a host
 * gives only per-process limits (not root, no control groups). Labs are an extra: the state is
 * always up; the details tell.
 */
@Component("labSandboxesHealthIndicator")
class LabSandboxHealth implements HealthIndicator {

    private final LabRuntime runtime;

    LabSandboxHealth(LabRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        try {
            SandboxHost.Confinement confinement = runtime.host().confinement();
            return Health.up().withDetail("limits", confinement.limits())
                    .withDetail("perSession", confinement.perSession())
                    .withDetail("diskQuota", confinement.diskQuota() ? "own disk image per session" : "per file only")
                    .withDetail("hostUser", confinement.ownUser() ? "own user id per session" : "the platform's user")
                    .withDetail("seccomp", confinement.seccomp())
                    .withDetail("running", runtime.count()).build();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", e.getMessage()).build();
        }
    }
}
