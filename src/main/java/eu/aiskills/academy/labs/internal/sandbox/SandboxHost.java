package eu.aiskills.academy.labs.internal.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import eu.aiskills.academy.labs.LabsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this host lets the platform confine sandboxes with, found once: as root, a control group,
 * a disk image and a host user id of its own for each session; otherwise (a developer's run)
 * the per-process limits of {@code prlimit} and one shared user. Every sandbox has the seccomp
 * filter and an empty environment either way. {@link #confinement()} says which is in force.
 */
public final class SandboxHost {

    private static final Logger log = LoggerFactory.getLogger(SandboxHost.class);

    /** What confines a sandbox here, for health and the administrators' lab page. */
    public record Confinement(String limits, boolean diskQuota, boolean ownUser, boolean seccomp) {
        /** Per session over all its processes (a control group), or per process only. */
        public boolean perSession() {
            return !"per-process".equals(limits);
        }
    }

    private final LabsProperties.Sandbox settings;
    private final boolean root;
    private final Optional<SessionCgroup.Parent> cgroups;
    private final boolean disks;
    private final byte[] seccomp;
    private final Set<Integer> uidsInUse = new HashSet<>();

    public SandboxHost(LabsProperties.Sandbox settings) {
        this.settings = settings;
        this.root = "root".equals(System.getProperty("user.name"));
        boolean confine = root && settings.confinement() == LabsProperties.Confinement.AUTO;
        this.cgroups = confine ? SessionCgroup.Parent.prepare(Path.of("/sys/fs/cgroup"), "academy-labs") : Optional.empty();
        this.disks = confine && SessionDisk.supported();
        this.seccomp = SeccompFilter.forThisMachine();
        log.info("Lab sandboxes: {}", confinement());
    }

    public LabsProperties.Sandbox settings() {
        return settings;
    }

    public Confinement confinement() {
        return new Confinement(cgroups.map(c -> c.version().label()).orElse("per-process"), disks, root, true);
    }

    public boolean root() {
        return root;
    }

    public Optional<SessionCgroup.Parent> cgroups() {
        return cgroups;
    }

    public boolean disks() {
        return disks;
    }

    byte[] seccomp() {
        return seccomp.clone();
    }

    /**
     * A host user id from the configured range that no other live session holds and no process
     * on this host runs as (one left behind by a crash, or something else using the range).
     */
    public synchronized int takeUid() {
        Set<Integer> busy = processOwners();
        for (int uid = settings.firstUid(); uid < settings.firstUid() + settings.uids(); uid++) {
            if (!uidsInUse.contains(uid) && !busy.contains(uid)) {
                uidsInUse.add(uid);
                return uid;
            }
        }
        throw new IllegalStateException("Every one of the " + settings.uids() + " sandbox user ids from " + settings.firstUid()
                + " is in use; raise academy.labs.sandbox.uids");
    }

    public synchronized void releaseUid(int uid) {
        uidsInUse.remove(uid);
    }

    /** The real user ids of the processes running on this host. */
    private static Set<Integer> processOwners() {
        Set<Integer> owners = new HashSet<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("Uid:")) {
                            owners.add(Integer.parseInt(line.substring(4).strip().split("\\s+")[0]));
                            break;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // The process ended meanwhile.
                }
            });
        } catch (IOException e) {
            log.debug("Cannot list processes: {}", e.toString());
        }
        return owners;
    }
}
