package eu.aiskills.academy.labs;

/**
 * What confines lab sandboxes on this instance (ADR 0016).
 *
 * @param limits     {@code cgroup v2} or {@code cgroup v1} (memory, processes and CPU share per session), or {@code per-process}
 * @param diskQuota  whether each session has its own disk image (home and /tmp together limited)
 * @param ownUser    whether each session runs as its own host user
 * @param seccomp    whether the seccomp filter applies
 */
public record LabConfinement(String limits, boolean diskQuota, boolean ownUser, boolean seccomp) {

    public boolean perSession() {
        return !"per-process".equals(limits);
    }
}
