package eu.aiskills.academy.labs;

import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.labs.internal.LabRuntime;
import eu.aiskills.academy.labs.internal.sandbox.SandboxHost;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

/** The local sandboxes as administrators see them: what confines them on this instance. */
@Service
public class LabSandboxes {

    private final LabRuntime runtime;

    LabSandboxes(LabRuntime runtime) {
        this.runtime = runtime;
    }

    /** Which limits, disk quota, host users and filter are in force here. */
    @RolesAllowed(Roles.ADMIN)
    public LabConfinement confinement() {
        SandboxHost.Confinement in = runtime.host().confinement();
        return new LabConfinement(in.limits(), in.diskQuota(), in.ownUser(), in.seccomp());
    }
}
