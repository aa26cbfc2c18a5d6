package eu.aiskills.academy.labs.internal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's control group: its memory (no swap), process count and CPU share hold for all
 * its processes together, and the kernel counts what was refused (OOM kills, forks past the
 * limit) and the CPU time used. Version 2 where the unified hierarchy is mounted, version 1
 * (one directory per controller) otherwise. Every process of the sandbox joins it before
 * bubblewrap starts, so nothing it forks can leave it; closing kills what is left and removes it.
 */
public final class SessionCgroup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionCgroup.class);
    private static final long CPU_PERIOD_US = 100_000;

    /** Which cgroup interface the host offers. */
    public enum Version {
        V1("cgroup v1"), V2("cgroup v2");

        private final String label;

        Version(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The kernel's counts for a session: what it uses now and what it refused so far. */
    public record Usage(long memoryBytes, long memoryPeakBytes, long oomKills, long processes, long processLimit, long forksRefused,
                        Duration cpu) {
        public boolean processesExhausted() {
            return processLimit > 0 && processes >= processLimit;
        }
    }

    /**
     * Where the platform may create session groups: for version 2 one directory whose
     * {@code memory}, {@code pids} and {@code cpu} controllers are enabled for children; for
     * version 1 one directory per controller.
     */
    public record Parent(Version version, Path memory, Path pids, Path cpu, Path cpuacct) {

        /**
         * Finds the hierarchy under {@code mount} ({@code /sys/fs/cgroup}) and prepares
         * {@code name} inside it: for version 1 below this process's own group of each controller
         * (the sandboxes then count against whatever limits the platform itself runs under), for
         * version 2 below the root (a group with processes cannot delegate controllers). Empty
         * when the controllers are missing or not writable (not root).
         */
        public static Optional<Parent> prepare(Path mount, String name) {
            try {
                if (Files.exists(mount.resolve("cgroup.controllers"))) {
                    String available = Files.readString(mount.resolve("cgroup.controllers"));
                    if (!(available.contains("memory") && available.contains("pids") && available.contains("cpu"))) {
                        return Optional.empty();
                    }
                    Path dir = mount.resolve(name);
                    Files.writeString(mount.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
                    return Optional.of(new Parent(Version.V2, dir, dir, dir, dir));
                }
                Path memory = v1(mount, "memory", name);
                Path pids = v1(mount, "pids", name);
                Path cpu = v1(mount, "cpu", name);
                Path cpuacct = v1(mount, "cpuacct", name);
                if (memory == null || pids == null || cpu == null || cpuacct == null) {
                    return Optional.empty();
                }
                return Optional.of(new Parent(Version.V1, memory, pids, cpu, cpuacct));
            } catch (IOException | RuntimeException e) {
                log.info("Lab sandboxes get per-process limits only: no writable cgroup controllers under {} ({})", mount, e.toString());
                return Optional.empty();
            }
        }

        /** {@code <mount>/<controller>/<own group>/<name>}, created; null when the controller is not mounted. */
        private static Path v1(Path mount, String controller, String name) throws IOException {
            Path root = mount.resolve(controller);
            if (!Files.isDirectory(root) || !Files.exists(root.resolve("cgroup.procs"))) {
                return null;
            }
            Path own = root;
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                    own = root.resolve(parts[2].replaceFirst("^/", ""));
                }
            }
            if (!Files.isDirectory(own)) {
                own = root;
            }
            return Files.createDirectories(own.resolve(name));
        }

        /** Creates a session's group with its limits; {@code cpus} is the CPU share in cores. */
        public SessionCgroup create(String session, long memoryBytes, int processes, double cpus) {
            Set<Path> dirs = new LinkedHashSet<>();
            for (Path parent : List.of(memory, pids, cpu, cpuacct)) {
                dirs.add(parent.resolve(session));
            }
            SessionCgroup group = new SessionCgroup(version, new ArrayList<>(dirs), memory.resolve(session), pids.resolve(session),
                    cpu.resolve(session), cpuacct.resolve(session));
            try {
                for (Path dir : dirs) {
                    Files.createDirectories(dir);
                }
                long quota = Math.max(1000, Math.round(cpus * CPU_PERIOD_US));
                if (version == Version.V2) {
                    write(group.memory.resolve("memory.max"), memoryBytes);
                    write(group.memory.resolve("memory.swap.max"), 0);
                    write(group.pids.resolve("pids.max"), processes);
                    write(group.cpu.resolve("cpu.max"), quota + " " + CPU_PERIOD_US);
                } else {
                    write(group.memory.resolve("memory.limit_in_bytes"), memoryBytes);
                    if (Files.exists(group.memory.resolve("memory.memsw.limit_in_bytes"))) {
                        write(group.memory.resolve("memory.memsw.limit_in_bytes"), memoryBytes);
                    }
                    write(group.pids.resolve("pids.max"), processes);
                    write(group.cpu.resolve("cpu.cfs_period_us"), CPU_PERIOD_US);
                    write(group.cpu.resolve("cpu.cfs_quota_us"), quota);
                }
                return group;
            } catch (IOException | RuntimeException e) {
                group.close();
                throw new IllegalStateException("Cannot set up the control group of lab sandbox " + session + ": " + e.getMessage(), e);
            }
        }
    }

    private final Version version;
    private final List<Path> dirs;
    private final Path memory;
    private final Path pids;
    private final Path cpu;
    private final Path cpuacct;

    private SessionCgroup(Version version, List<Path> dirs, Path memory, Path pids, Path cpu, Path cpuacct) {
        this.version = version;
        this.dirs = dirs;
        this.memory = memory;
        this.pids = pids;
        this.cpu = cpu;
        this.cpuacct = cpuacct;
    }

    public Version version() {
        return version;
    }

    /** The files a process writes its own id into to join the group (one per controller directory). */
    public List<Path> procsFiles() {
        return dirs.stream().map(dir -> dir.resolve("cgroup.procs")).toList();
    }

    /** What the session uses and what the kernel refused it so far. */
    public Usage usage() {
        if (version == Version.V2) {
            return new Usage(number(memory.resolve("memory.current")), number(memory.resolve("memory.peak")),
                    field(memory.resolve("memory.events"), "oom_kill"),
                    number(pids.resolve("pids.current")), number(pids.resolve("pids.max")), field(pids.resolve("pids.events"), "max"),
                    Duration.ofNanos(field(cpu.resolve("cpu.stat"), "usage_usec") * 1000));
        }
        return new Usage(number(memory.resolve("memory.usage_in_bytes")), number(memory.resolve("memory.max_usage_in_bytes")),
                field(memory.resolve("memory.oom_control"), "oom_kill"),
                number(pids.resolve("pids.current")), number(pids.resolve("pids.max")), field(pids.resolve("pids.events"), "max"),
                Duration.ofNanos(number(cpuacct.resolve("cpuacct.usage"))));
    }

    /** The host ids of the processes in the group now. */
    public Set<Long> processes() {
        Set<Long> ids = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(pids.resolve("cgroup.procs"))) {
            lines.map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).forEach(ids::add);
        } catch (IOException | UncheckedIOException e) {
            // The group is gone: no processes.
        }
        return ids;
    }

    /**
     * Kills every process of the group but {@code keep}, again until none is left: a process that
     * forks while its siblings die is caught in the next round.
     */
    public int kill(Set<Long> keep) {
        int killed = 0;
        for (int round = 0; round < 50; round++) {
            List<Long> victims = processes().stream().filter(pid -> !keep.contains(pid)).toList();
            if (victims.isEmpty()) {
                return killed;
            }
            for (long pid : victims) {
                if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                    killed++;
                }
            }
            try {
                Thread.sleep(round < 5 ? 10 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return killed;
            }
        }
        log.warn("Processes of {} survived 50 rounds of SIGKILL", pids);
        return killed;
    }

    /** Kills every process left and removes the group. */
    @Override
    public void close() {
        if (version == Version.V2 && Files.exists(pids.resolve("cgroup.kill"))) {
            try {
                Files.writeString(pids.resolve("cgroup.kill"), "1");
            } catch (IOException e) {
                log.debug("cgroup.kill of {} failed: {}", pids, e.toString());
            }
        }
        kill(Set.of());
        for (Path dir : dirs) {
            for (int attempt = 0; attempt < 50 && Files.exists(dir); attempt++) {
                try {
                    Files.delete(dir);
                } catch (IOException e) {
                    // Busy while the last processes are reaped.
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (Files.exists(dir)) {
                log.warn("Could not remove control group {}", dir);
            }
        }
    }

    private static void write(Path file, Object value) throws IOException {
        Files.writeString(file, String.valueOf(value), StandardCharsets.US_ASCII);
    }

    private static long number(Path file) {
        try {
            String text = Files.readString(file).strip();
            return "max".equals(text) ? Long.MAX_VALUE : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The value of {@code key} in a flat-keyed file ({@code key value} lines). */
    private static long field(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
