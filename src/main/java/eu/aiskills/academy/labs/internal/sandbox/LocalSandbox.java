package eu.aiskills.academy.labs.internal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.labs.internal.kernel.KernelClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lab session's Jupyter Server in its own bubblewrap sandbox: every namespace unshared (so no
 * network but its own loopback, no view of other processes), the system's {@code /usr} read-only
 * and nothing else of the host but a few harmless files, a private home and runtime directory for
 * this session only, resource limits on every process (address space, process count, CPU time,
 * file size, no core dumps), killed with the platform. When the platform runs as root the sandbox
 * runs as an unprivileged host user. The server listens on a Unix-domain socket in the session's
 * runtime directory, which a {@link UnixSocketRelay} makes reachable on a loopback port.
 */
public final class LocalSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSandbox.class);
    static final String HOME = "/home/learner";
    private static final String RUN = "/run/lab";

    private final Path dir;
    private final Path run;
    private final Process process;
    private final String token;
    private UnixSocketRelay relay;

    private LocalSandbox(Path dir, Path run, Process process, String token) {
        this.dir = dir;
        this.run = run;
        this.process = process;
        this.token = token;
    }

    /** Starts a sandbox in {@code dir} (created; removed again by {@link #close()}) and waits until its server answers. */
    public static LocalSandbox start(LabsProperties.Sandbox settings, Path dir) {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        try {
            Files.createDirectories(dir);
            // The sandbox's host user may pass through (to its home, its socket, its passwd) but not list it.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Path home = Files.createDirectories(dir.resolve("home"));
            // The socket's directory: short, since a Unix socket's path is limited to about 100 characters.
            Path run = Files.createTempDirectory("lab-");
            Path etc = Files.createDirectories(dir.resolve("etc"));
            Files.writeString(etc.resolve("passwd"), "learner:x:1000:1000:Learner:" + HOME + ":/bin/sh\n", StandardCharsets.UTF_8);
            Files.writeString(etc.resolve("group"), "learner:x:1000:\n", StandardCharsets.UTF_8);
            boolean root = "root".equals(System.getProperty("user.name"));
            for (Path path : List.of(home, run)) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                if (root) {
                    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
                    Files.setOwner(path, users.lookupPrincipalByName(settings.runAs()));
                }
            }
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + settings.runAs(), "--regid=" + groupOf(settings.runAs()),
                        "--clear-groups", "--no-new-privs"));
            }
            command.addAll(List.of(settings.bwrap(), "--unshare-all", "--die-with-parent", "--new-session",
                    "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                    "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                    "--ro-bind", etc.resolve("passwd").toString(), "/etc/passwd", "--ro-bind", etc.resolve("group").toString(), "/etc/group"));
            // Debian reaches BLAS and other libraries through /etc/alternatives (symbolic links only); fontconfig reads /etc/fonts.
            for (String file : List.of("/etc/ld.so.cache", "/etc/alternatives", "/etc/fonts", "/etc/matplotlibrc", "/etc/mime.types", "/etc/localtime")) {
                if (Files.exists(Path.of(file))) {
                    command.addAll(List.of("--ro-bind", file, file));
                }
            }
            command.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                    "--bind", home.toString(), HOME, "--bind", run.toString(), RUN,
                    "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL", "--hostname", "lab",
                    "--clearenv", "--setenv", "HOME", HOME, "--setenv", "USER", "learner", "--setenv", "PATH", "/usr/bin:/bin",
                    "--setenv", "LANG", "C.UTF-8", "--setenv", "JUPYTER_TOKEN", token,
                    "--setenv", "JUPYTER_RUNTIME_DIR", "/tmp/jupyter-runtime", "--setenv", "JUPYTER_DATA_DIR", "/tmp/jupyter-data",
                    "--setenv", "JUPYTER_CONFIG_DIR", "/tmp/jupyter-config", "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib",
                    "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--setenv", "OMP_NUM_THREADS", "1", "--setenv", "PYTHONHASHSEED", "0",
                    "--chdir", HOME, "--",
                    "/usr/bin/prlimit", "--as=" + settings.memory().toBytes(), "--nproc=" + settings.processes(),
                    "--cpu=" + settings.cpuTime().toSeconds(), "--fsize=" + settings.fileSize().toBytes(), "--nofile=1024", "--core=0", "--",
                    settings.python(), "-m", "jupyter_server", "--sock", RUN + "/jupyter.sock", "--sock-mode", "0600",
                    "--ServerApp.root_dir=" + HOME, "--ServerApp.open_browser=False", "--ServerApp.terminals_enabled=False",
                    "--ServerApp.allow_remote_access=False"));
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile()).start();
            process.getOutputStream().close();
            LocalSandbox sandbox = new LocalSandbox(dir, run, process, token);
            try {
                sandbox.awaitReady(run.resolve("jupyter.sock"), settings.startTimeout());
            } catch (RuntimeException e) {
                sandbox.close();
                throw e;
            }
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the sandbox in " + dir, e);
        }
    }

    private static String groupOf(String user) throws IOException {
        Process id = new ProcessBuilder("id", "-gn", user).redirectErrorStream(true).start();
        try {
            if (!id.waitFor(5, TimeUnit.SECONDS) || id.exitValue() != 0) {
                throw new IOException("No host user " + user + " to run sandboxes as");
            }
            return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
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

    /** The session's home, where its files live while it runs. */
    public Path home() {
        return dir.resolve("home");
    }

    /** The last lines the server wrote, for the reason of a failure. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("server.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops every process of the sandbox and removes its directory. */
    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Path path : List.of(run, dir)) {
            try (Stream<Path> paths = Files.walk(path)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("Could not remove sandbox directory {}: {}", path, e.toString());
            }
        }
    }
}
