package eu.aiskills.academy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node Slurm for the tests, started once per test JVM from Debian's packages:
 * {@code munged}, {@code slurmctld}, {@code slurmd} (one node with 16 CPUs, more than the machine has, so that
 * the tests' sleeping jobs do not queue behind each other, and 4 GPUs as GRES backed
 * by {@code /dev/null}) and {@code slurmrestd} serving API v0.0.38 with JWT, in a private directory,
 * on free loopback ports, stopped at exit. Two partitions on the node: {@code gpu-lab} and a
 * higher-priority {@code urgent} whose jobs pre-empt (cancel) those of {@code gpu-lab}.
 * <p>
 * Jobs run as a real user, so the daemons need root, as the CI runs. Elsewhere the tests that
 * need Slurm fail with that reason (a green run must have tested the scheduler); only
 * {@value #SKIP_PROPERTY} skips them, on request.
 */
public final class LocalSlurm {

    public static final String NODE = "academy-node";
    public static final String PARTITION = "gpu-lab";
    public static final String URGENT_PARTITION = "urgent";
    public static final int GPUS = 4;
    /** Set to skip the Slurm tests on purpose (not as root, no Slurm packages): never by default. */
    public static final String SKIP_PROPERTY = "academy.tests.skip-slurm";
    /** The unprivileged Slurm user jobs are submitted as. */
    public static final String USER = "nobody";

    private static LocalSlurm instance;

    private final Path dir;
    private final int restPort;
    private final List<Process> daemons;

    private LocalSlurm(Path dir, int restPort, List<Process> daemons) {
        this.dir = dir;
        this.restPort = restPort;
        this.daemons = daemons;
    }

    /** The running cluster; fails the calling test when this machine cannot run one (skips it only on request). */
    public static synchronized LocalSlurm get() {
        Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY), "-D" + SKIP_PROPERTY + "=true: the Slurm tests are skipped on request");
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The Slurm tests start slurmd, which must run as root: run the suite as root (as .ci/run does),"
                    + " or skip them on purpose with -D" + SKIP_PROPERTY + "=true");
        }
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The base URL of slurmrestd (no API path). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + restPort);
    }

    /** A fresh JWT for {@link #USER}, valid for two hours. */
    public String token() {
        String out = cli(List.of("scontrol", "token", "username=" + USER, "lifespan=7200"));
        int at = out.indexOf("SLURM_JWT=");
        if (at < 0) {
            throw new IllegalStateException("scontrol token answered: " + out);
        }
        return out.substring(at + "SLURM_JWT=".length()).strip();
    }

    /** A directory every job may write to. */
    public String workDir() {
        return dir.resolve("work").toString();
    }

    /** Submits a job as root outside the platform, for example one that pre-empts the platform's. */
    public String sbatch(String partition, int gpus, String script) {
        return sbatch(partition, gpus, script, "outside-job");
    }

    /** Submits a named job as root outside the platform. */
    public String sbatch(String partition, int gpus, String script, String name) {
        try {
            Path file = Files.createTempFile(dir, "job-", ".sh");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            String out = cli(List.of("sbatch", "--parsable", "-p", partition, "--gres=gpu:" + gpus, "-t", "5", "-J", name, "-D", workDir(),
                    "-o", "/dev/null", file.toString()));
            return out.strip().split(";")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cancels a job outside the platform, as a factory's administrator would. */
    public void scancel(String jobId) {
        cli(List.of("scancel", jobId));
    }

    /** The state of a job as squeue/scontrol sees it (RUNNING, PENDING, CANCELLED, ...). */
    public String state(String jobId) {
        String out = cli(List.of("scontrol", "show", "job", jobId));
        int at = out.indexOf("JobState=");
        return at < 0 ? "" : out.substring(at + "JobState=".length()).split("\\s")[0];
    }

    /** Runs a Slurm command against this cluster with a time limit, and answers what it printed. */
    public String cli(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("SLURM_CONF", dir.resolve("slurm.conf").toString());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 15 s");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static LocalSlurm start() {
        for (String daemon : List.of("/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/slurmrestd")) {
            if (!Files.isExecutable(Path.of(daemon))) {
                throw new IllegalStateException(daemon + " was not found. The tests need Debian's Slurm: run `./academy test`, which "
                        + "installs slurm-wlm, slurmrestd, slurm-wlm-jwt-plugin and munge, or install them yourself.");
            }
        }
        try {
            Path dir = Files.createTempDirectory("academy-slurm-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String sub : List.of("munge", "state", "spool", "log", "gpus", "work")) {
                Files.createDirectories(dir.resolve(sub));
            }
            // Jobs call scontrol (a lab job writes its address into its comment), which reaches the controller through munge.
            Files.setPosixFilePermissions(dir.resolve("munge"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(dir.resolve("work"), PosixFilePermissions.fromString("rwxrwxrwx"));
            for (int i = 0; i < GPUS; i++) {
                Files.createSymbolicLink(dir.resolve("gpus/gpu" + i), Path.of("/dev/null"));
            }
            SecureRandom random = new SecureRandom();
            byte[] mungeKey = new byte[1024];
            random.nextBytes(mungeKey);
            Files.write(dir.resolve("munge/munge.key"), mungeKey);
            Files.setPosixFilePermissions(dir.resolve("munge/munge.key"), PosixFilePermissions.fromString("r--------"));
            byte[] jwtKey = new byte[32];
            random.nextBytes(jwtKey);
            Files.write(dir.resolve("jwt.key"), jwtKey);
            Files.setPosixFilePermissions(dir.resolve("jwt.key"), PosixFilePermissions.fromString("rw-------"));
            int[] ports = freePorts(3);
            int ctldPort = ports[0];
            int slurmdPort = ports[1];
            int restPort = ports[2];
            String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            Files.writeString(dir.resolve("slurm.conf"), """
                    ClusterName=academy
                    SlurmctldHost=localhost(127.0.0.1)
                    SlurmctldPort=%1$d
                    SlurmdPort=%2$d
                    SlurmUser=root
                    AuthType=auth/munge
                    AuthInfo=socket=%3$s/munge/munge.sock
                    AuthAltTypes=auth/jwt
                    AuthAltParameters=jwt_key=%3$s/jwt.key
                    StateSaveLocation=%3$s/state
                    SlurmdSpoolDir=%3$s/spool
                    SlurmctldPidFile=%3$s/slurmctld.pid
                    SlurmdPidFile=%3$s/slurmd.pid
                    SlurmctldLogFile=%3$s/log/slurmctld.log
                    SlurmdLogFile=%3$s/log/slurmd.log
                    ProctrackType=proctrack/linuxproc
                    TaskPlugin=task/none
                    SelectType=select/cons_tres
                    SelectTypeParameters=CR_Core
                    GresTypes=gpu
                    MpiDefault=none
                    ReturnToService=2
                    SchedulerType=sched/backfill
                    JobCompType=jobcomp/none
                    AccountingStorageType=accounting_storage/none
                    MinJobAge=3600
                    DefMemPerNode=128
                    SlurmdParameters=config_overrides
                    PreemptType=preempt/partition_prio
                    PreemptMode=CANCEL
                    NodeName=%4$s NodeHostname=%5$s NodeAddr=127.0.0.1 CPUs=16 RealMemory=8000 Gres=gpu:lab:%6$d State=UNKNOWN
                    PartitionName=%7$s Nodes=%4$s Default=YES MaxTime=INFINITE State=UP PriorityTier=1
                    PartitionName=%8$s Nodes=%4$s MaxTime=INFINITE State=UP PriorityTier=10
                    """.formatted(ctldPort, slurmdPort, dir, NODE, host, GPUS, PARTITION, URGENT_PARTITION), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("gres.conf"), "NodeName=%s Name=gpu Type=lab File=%s/gpus/gpu[0-%d]%n"
                    .formatted(NODE, dir, GPUS - 1), StandardCharsets.UTF_8);
            List<Process> daemons = new ArrayList<>();
            LocalSlurm slurm = new LocalSlurm(dir, restPort, daemons);
            Runtime.getRuntime().addShutdownHook(new Thread(slurm::stop, "slurm-stop"));
            daemons.add(slurm.daemon("munged", List.of("/usr/sbin/munged", "-F", "--force", "--key-file=" + dir.resolve("munge/munge.key"),
                    "--socket=" + dir.resolve("munge/munge.sock"), "--pid-file=" + dir.resolve("munge/munged.pid"),
                    "--log-file=" + dir.resolve("munge/munged.log"), "--seed-file=" + dir.resolve("munge/seed")), Map.of()));
            slurm.await("munge socket", () -> Files.exists(dir.resolve("munge/munge.sock")), Duration.ofSeconds(10));
            daemons.add(slurm.daemon("slurmctld", List.of("/usr/sbin/slurmctld", "-D", "-i", "-f", dir.resolve("slurm.conf").toString()), Map.of()));
            daemons.add(slurm.daemon("slurmd", List.of("/usr/sbin/slurmd", "-D", "-N", NODE, "-f", dir.resolve("slurm.conf").toString()), Map.of()));
            daemons.add(slurm.daemon("slurmrestd", List.of("/usr/sbin/slurmrestd", "-f", dir.resolve("slurm.conf").toString(), "-u", USER,
                    "-g", "nogroup", "-a", "rest_auth/jwt", "-s", "openapi/v0.0.38", "127.0.0.1:" + restPort), Map.of("SLURM_JWT", "daemon")));
            slurm.await("the node to be idle behind slurmrestd", slurm::nodeIdle, Duration.ofSeconds(45));
            return slurm;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Slurm for the tests", e);
        }
    }

    private Process daemon(String name, List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log/" + name + ".out").toFile());
        builder.environment().put("SLURM_CONF", dir.resolve("slurm.conf").toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private boolean nodeIdle() {
        for (Process daemon : daemons) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException(daemon.info().command().orElse("a Slurm daemon") + " exited at start-up; see " + dir.resolve("log"));
            }
        }
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url() + "/slurm/v0.0.38/nodes"))
                    .timeout(Duration.ofSeconds(5)).header("X-SLURM-USER-NAME", USER).header("X-SLURM-USER-TOKEN", token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"state\": \"idle\"");
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private interface Check {
        boolean ok() throws IOException;
    }

    private void await(String what, Check check, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (check.ok()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Slurm: waited " + timeout.toSeconds() + " s for " + what + " in vain; see " + dir.resolve("log"));
    }

    private void stop() {
        cancelAllJobs();
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process daemon = daemons.get(i);
            daemon.descendants().forEach(ProcessHandle::destroy);
            daemon.destroy();
        }
        for (Process daemon : daemons) {
            try {
                if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                    daemon.descendants().forEach(ProcessHandle::destroyForcibly);
                    daemon.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        killOrphanedSteps();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: it is a temporary directory.
        }
    }

    /** Jobs end through Slurm, which also ends their processes; bounded, since the controller may be gone. */
    private void cancelAllJobs() {
        try {
            for (String id : cli(List.of("squeue", "-h", "-o", "%i")).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                cli(List.of("scancel", id));
            }
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline) && !cli(List.of("squeue", "-h", "-o", "%i")).isBlank()) {
                Thread.sleep(200);
            }
        } catch (RuntimeException e) {
            // The controller is already gone: the steps are killed below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** slurmstepd daemonises, so it is no descendant of slurmd: found by the configuration it was started with. */
    private void killOrphanedSteps() {
        String mine = "SLURM_CONF=" + dir.resolve("slurm.conf");
        ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.contains("slurmstepd")).orElse(false))
                .filter(p -> {
                    try {
                        return new String(Files.readAllBytes(Path.of("/proc/" + p.pid() + "/environ")), StandardCharsets.UTF_8)
                                .contains(mine);
                    } catch (IOException e) {
                        return false;
                    }
                })
                .forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
    }

    /**
     * {@code count} different free loopback ports: all held open at once before they are given
     * back, since a port closed and asked for again may come back the same (two daemons on one port).
     */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
