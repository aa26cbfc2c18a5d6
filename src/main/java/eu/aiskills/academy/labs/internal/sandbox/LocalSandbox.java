package eu.aiskills.academy.labs.internal.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.aiskills.academy.labs.LabLimit;
import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.labs.internal.kernel.KernelClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lab session's Jupyter Server in its own bubblewrap sandbox: every namespace unshared (so no
 * network but its own loopback, no view of other processes), the system's {@code /usr} read-only,
 * a root that cannot be written, the seccomp filter, no capabilities, and an empty environment
 * from its very first process on. Nothing of the platform shows inside: bubblewrap reads its
 * arguments, the filter and the generated {@code passwd} from descriptors, not its command line,
 * and the session's files live on its own disk image. As root, the session has its own control
 * group, disk quota and host user id (ADR 0016); otherwise per-process limits apply. The server
 * listens on a Unix-domain socket, which a {@link UnixSocketRelay} makes reachable on a loopback
 * port for the platform.
 * <p>Long because the confinement is one start sequence (namespaces, filter, limits, disk, relay)
 * that is trusted only when read whole (ADR 0016).
 */
public final class LocalSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSandbox.class);
    static final String HOME = "/home/learner";
    private static final String RUN = "/run/lab";
    private static final int LOG_LINES = 40;

    private final SandboxHost host;
    private final LabsProperties.Sandbox settings;
    private final Path dir;
    private final Path mountPoint;
    private final SessionDisk disk;
    private final SessionCgroup cgroup;
    private final int uid;
    private final String token;
    private final Deque<String> output = new ArrayDeque<>();
    private Process process;
    private UnixSocketRelay relay;
    private Set<Long> server = Set.of();
    private SessionCgroup.Usage seen;
    private volatile LabLimit notice;
    private volatile boolean cpuUsedUp;
    private volatile boolean closed;

    private LocalSandbox(SandboxHost host, LabsProperties.Sandbox settings, Path dir, Path mountPoint, SessionDisk disk,
                         SessionCgroup cgroup, int uid, String token) {
        this.host = host;
        this.settings = settings;
        this.dir = dir;
        this.mountPoint = mountPoint;
        this.disk = disk;
        this.cgroup = cgroup;
        this.uid = uid;
        this.token = token;
    }

    /** Starts a sandbox in {@code dir} (created; removed again by {@link #close()}) and waits until its server answers. */
    public static LocalSandbox start(SandboxHost host, LabsProperties.Sandbox settings, Path dir) {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        int uid = -1;
        Path mountPoint = null;
        SessionDisk disk = null;
        SessionCgroup cgroup = null;
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            uid = host.root() ? host.takeUid() : -1;
            // Short, since a Unix socket's path is limited to about 100 characters.
            mountPoint = Files.createTempDirectory("lab-");
            if (host.disks()) {
                Files.setPosixFilePermissions(mountPoint, PosixFilePermissions.fromString("rwxr-xr-x"));
                disk = SessionDisk.create(dir.resolve("disk.img"), mountPoint, settings.disk().toBytes(), settings.diskFiles(), uid);
            } else {
                for (String sub : List.of("home", "run")) {
                    Path path = Files.createDirectory(mountPoint.resolve(sub));
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                    if (uid >= 0) {
                        Files.setAttribute(path, "unix:uid", uid);
                        Files.setAttribute(path, "unix:gid", uid);
                    }
                }
                if (uid >= 0) {
                    Files.setPosixFilePermissions(mountPoint, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            String name = dir.getFileName().toString();
            int processes = settings.processes();
            cgroup = host.cgroups().map(parent -> parent.create(name, settings.memory().toBytes(), processes, settings.cpus()))
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            cleanUp(host, dir, mountPoint, disk, cgroup, uid);
            throw e instanceof IOException io ? new UncheckedIOException("Cannot prepare the sandbox in " + dir, io)
                    : (RuntimeException) e;
        }
        LocalSandbox sandbox = new LocalSandbox(host, settings, dir, mountPoint, disk, cgroup, uid, token);
        try {
            sandbox.launch();
            sandbox.awaitReady(mountPoint.resolve("run/jupyter.sock"), settings.startTimeout());
            sandbox.server = sandbox.processTree();
            sandbox.seen = cgroup == null ? null : cgroup.usage();
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        } finally {
            // Read by bubblewrap at its start: nothing of them is needed any more.
            for (String file : List.of("args", "seccomp.bpf", "passwd", "group")) {
                try {
                    Files.deleteIfExists(dir.resolve(file));
                } catch (IOException e) {
                    log.debug("Could not delete {}: {}", file, e.toString());
                }
            }
        }
    }

    private void launch() {
        try {
            Files.write(dir.resolve("args"), nulSeparated(bubblewrapArguments()));
            Files.write(dir.resolve("seccomp.bpf"), host.seccomp());
            Files.writeString(dir.resolve("passwd"), "learner:x:1000:1000:Learner:" + HOME + ":/bin/sh\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("group"), "learner:x:1000:\n", StandardCharsets.UTF_8);
            StringBuilder script = new StringBuilder("set -e\n");
            if (cgroup != null) {
                // Joins the session's group before anything of the sandbox exists: nothing it forks can be outside.
                for (Path procs : cgroup.procsFiles()) {
                    script.append("echo $$ > ").append(quote(procs)).append('\n');
                }
            }
            script.append("exec 3< ").append(quote(dir.resolve("args"))).append(" 4< ").append(quote(dir.resolve("seccomp.bpf")))
                    .append(" 5< ").append(quote(dir.resolve("passwd"))).append(" 6< ").append(quote(dir.resolve("group"))).append('\n');
            // The shell exports PWD: env starts what follows from nothing at all.
            List<String> exec = new ArrayList<>(List.of("/usr/bin/env", "-i"));
            if (uid >= 0) {
                exec.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--no-new-privs"));
            }
            exec.addAll(List.of(settings.bwrap(), "--args", "3", "--"));
            exec.addAll(serverCommand());
            script.append("exec ").append(exec.stream().map(LocalSandbox::quote).collect(Collectors.joining(" "))).append('\n');
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            // Not one variable of the platform's reaches the sandbox, not even its first process's.
            builder.environment().clear();
            process = builder.start();
            Thread.ofVirtual().name("lab-sandbox-log-" + dir.getFileName()).start(this::readLog);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the sandbox in " + dir, e);
        }
    }

    private List<String> bubblewrapArguments() {
        Path home = disk != null ? disk.home() : mountPoint.resolve("home");
        Path run = disk != null ? disk.run() : mountPoint.resolve("run");
        List<String> args = new ArrayList<>(List.of("--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
                "--new-session", "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--perms", "0444", "--ro-bind-data", "5", "/etc/passwd", "--perms", "0444", "--ro-bind-data", "6", "/etc/group"));
        // Debian reaches BLAS and other libraries through /etc/alternatives (symbolic links only); fontconfig reads /etc/fonts.
        for (String file : List.of("/etc/ld.so.cache", "/etc/alternatives", "/etc/fonts", "/etc/matplotlibrc", "/etc/mime.types",
                "/etc/localtime")) {
            if (Files.exists(Path.of(file))) {
                args.addAll(List.of("--ro-bind", file, file));
            }
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        if (disk != null) {
            args.addAll(List.of("--bind", disk.tmp().toString(), "/tmp"));
        } else {
            args.addAll(List.of("--size", String.valueOf(settings.disk().toBytes()), "--tmpfs", "/tmp"));
        }
        args.addAll(List.of("--bind", home.toString(), HOME, "--bind", run.toString(), RUN, "--remount-ro", "/",
                "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL", "--hostname", "lab", "--seccomp", "4",
                "--clearenv", "--setenv", "HOME", HOME, "--setenv", "USER", "learner", "--setenv", "PATH", "/usr/bin:/bin",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "JUPYTER_TOKEN", token,
                "--setenv", "JUPYTER_RUNTIME_DIR", "/tmp/jupyter-runtime", "--setenv", "JUPYTER_DATA_DIR", "/tmp/jupyter-data",
                "--setenv", "JUPYTER_CONFIG_DIR", "/tmp/jupyter-config", "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib",
                "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--setenv", "OMP_NUM_THREADS", "1", "--setenv", "PYTHONHASHSEED", "0",
                "--chdir", HOME));
        return args;
    }

    /** The server's command inside: no host path in it, since every process inside can read it. */
    private List<String> serverCommand() {
        List<String> command = new ArrayList<>(List.of("/usr/bin/prlimit"));
        if (cgroup == null) {
            // Per process: the fallback where no control group holds the session together.
            command.addAll(List.of("--as=" + settings.memory().toBytes(), "--nproc=" + settings.processes()));
        }
        command.addAll(List.of("--cpu=" + settings.cpuTime().toSeconds(), "--fsize=" + settings.fileSize().toBytes(),
                "--nofile=1024", "--core=0", "--", settings.python(), "-m", "jupyter_server", "--sock", RUN + "/jupyter.sock",
                "--sock-mode", "0600", "--ServerApp.root_dir=" + HOME, "--ServerApp.open_browser=False",
                "--ServerApp.terminals_enabled=False", "--ServerApp.allow_remote_access=False"));
        return command;
    }

    private static byte[] nulSeparated(List<String> args) {
        StringBuilder data = new StringBuilder();
        for (String arg : args) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("A sandbox argument holds a NUL character");
            }
            data.append(arg).append('\0');
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(Object value) {
        return "'" + value.toString().replace("'", "'\\''") + "'";
    }

    /** Keeps the server's last lines (from a pipe: a file's path would show in the sandbox's descriptors). */
    private void readLog() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (output) {
                    output.addLast(line.length() > 500 ? line.substring(0, 500) : line);
                    if (output.size() > LOG_LINES) {
                        output.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The sandbox ended.
        }
    }

    private void awaitReady(Path socket, Duration timeout) {
        KernelClient.awaitServer(() -> {
            if (!Files.exists(socket)) {
                return null;
            }
            if (relay == null) {
                try {
                    relay = new UnixSocketRelay(socket);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return endpoint();
        }, token, timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The lab sandbox stopped while starting: " + logTail());
            }
        }, () -> "The lab sandbox did not answer within " + timeout.toSeconds() + " s: " + logTail());
    }

    /** The host processes of the sandbox now: bubblewrap and, before any kernel starts, the server. */
    private Set<Long> processTree() {
        Set<Long> tree = new HashSet<>();
        tree.add(process.pid());
        process.descendants().forEach(p -> tree.add(p.pid()));
        return Set.copyOf(tree);
    }

    /** Where the Jupyter Server is reached: a loopback address that leads to the sandbox's socket. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + relay.port());
    }

    public String token() {
        return token;
    }

    /** The sandbox's process (bubblewrap); its descendants are the server and kernels. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The host user id the session runs as (-1 when the platform is not root and sandboxes run as itself). */
    public int uid() {
        return uid;
    }

    /** The session's directory on the host (its disk image, while it runs). */
    public Path directory() {
        return dir;
    }

    /** The session's home, where its files live while it runs. */
    public Path home() {
        return disk != null ? disk.home() : mountPoint.resolve("home");
    }

    /** The session's control group, when the host gives one. */
    public Optional<SessionCgroup> cgroup() {
        return Optional.ofNullable(cgroup);
    }

    /** The last lines the server wrote, for the reason of a failure. */
    public String logTail() {
        synchronized (output) {
            List<String> lines = new ArrayList<>(output);
            return lines.isEmpty() ? "(no output)" : String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        }
    }

    /**
     * Looks at what the kernel counted since the last look and answers the limit the learner's code
     * reached, if any. When the session cannot start a process any more (a fork bomb), every
     * process but the server is stopped, so that the server restarts the kernel and the session
     * can go on. Per-process limits report themselves in the cell's output (MemoryError) instead.
     */
    public synchronized Optional<LabLimit> watch() {
        if (cgroup == null || closed) {
            return Optional.empty();
        }
        SessionCgroup.Usage now = cgroup.usage();
        LabLimit hit = null;
        if (now.oomKills() > seen.oomKills()) {
            hit = LabLimit.MEMORY;
        }
        if (now.processesExhausted()) {
            int stopped = cgroup.kill(server);
            log.info("Lab sandbox {} reached its {} processes: {} stopped", dir.getFileName(), now.processLimit(), stopped);
            hit = LabLimit.PROCESSES;
            now = cgroup.usage();
        } else if (now.forksRefused() > seen.forksRefused()) {
            hit = LabLimit.PROCESSES;
        }
        if (disk != null && disk.full() && notice != LabLimit.DISK) {
            hit = LabLimit.DISK;
        }
        if (now.cpu().compareTo(settings.cpuTime()) >= 0) {
            cpuUsedUp = true;
            hit = LabLimit.CPU_TIME;
        }
        seen = now;
        if (hit != null) {
            notice = hit;
        }
        return Optional.ofNullable(hit);
    }

    /** The last limit reached, until {@link #clearNotice()}. */
    public Optional<LabLimit> notice() {
        return Optional.ofNullable(notice);
    }

    public void clearNotice() {
        if (notice != LabLimit.CPU_TIME) {
            notice = null;
        }
    }

    /** Whether the session used all the CPU time it may (it must end). */
    public boolean cpuUsedUp() {
        return cpuUsedUp;
    }

    /** Whether the session cannot start a process now (at its process limit). */
    public boolean blocked() {
        return cgroup != null && !closed && cgroup.usage().processesExhausted();
    }

    /** Stops every process of the sandbox and removes everything it had on the host. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (relay != null) {
            relay.close();
        }
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cleanUp(host, dir, mountPoint, disk, cgroup, uid);
    }

    private static void cleanUp(SandboxHost host, Path dir, Path mountPoint, SessionDisk disk, SessionCgroup cgroup, int uid) {
        if (cgroup != null) {
            cgroup.close();
        }
        if (uid >= 0) {
            killUser(uid);
        }
        if (disk != null) {
            disk.close();
        }
        // Never follows a symbolic link the learner planted: walk and delete see links, not their targets.
        for (Path path : Stream.of(mountPoint, dir).filter(java.util.Objects::nonNull).toList()) {
            try (Stream<Path> paths = Files.walk(path)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        log.warn("Could not remove {}: {}", p, e.toString());
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                log.warn("Could not remove sandbox directory {}: {}", path, e.toString());
            }
        }
        if (uid >= 0) {
            host.releaseUid(uid);
        }
    }

    /** Kills whatever still runs as the session's host user (its id is given to the next session). */
    private static void killUser(int uid) {
        for (int round = 0; round < 20; round++) {
            List<ProcessHandle> left = ProcessHandle.allProcesses().filter(p -> ownedBy(p.pid(), uid)).toList();
            if (left.isEmpty()) {
                return;
            }
            left.forEach(ProcessHandle::destroyForcibly);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean ownedBy(long pid, int uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]) == uid;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
