package eu.aiskills.academy.compute.internal.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.testsupport.LocalSlurm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v0.0.38 adapter against a real slurmrestd (Debian's Slurm 22.05). */
class SlurmV0038LiveTest {

    private static LocalSlurm slurm;
    private static SlurmConnection connection;
    private final SlurmApi api = new SlurmV0038(new SlurmHttp(Duration.ofSeconds(2), Duration.ofSeconds(10)));

    @BeforeAll
    static void cluster() {
        slurm = LocalSlurm.get();
        String token = slurm.token();
        connection = new SlurmConnection(slurm.url(), LocalSlurm.USER, () -> token);
    }

    private SlurmJobSubmission job(String name, String script, int gpus) {
        return new SlurmJobSubmission(name, LocalSlurm.PARTITION, script, 2, gpus, null, null, Map.of("PATH", "/usr/bin:/bin"),
                slurm.workDir(), "/dev/null", 0);
    }

    @Test
    void submitsAGpuJobSeesItRunOnTheNodesGpusAndCancelsIt() {
        String name = "academy-" + UUID.randomUUID();
        String id = api.submit(connection, job(name, "#!/bin/bash\nsleep 120\n", 2));

        await().atMost(Duration.ofSeconds(20)).until(() -> api.job(connection, id).map(SlurmJobStatus::state).orElse(""),
                "RUNNING"::equals);
        SlurmJobStatus running = api.job(connection, id).orElseThrow();
        assertThat(running.name()).isEqualTo(name);
        assertThat(running.startTime()).isNotNull();
        assertThat(running.nodes()).isEqualTo(LocalSlurm.NODE);
        assertThat(api.jobsNamed(connection, name)).extracting(SlurmJobStatus::jobId).containsExactly(id);
        SlurmNode node = api.nodes(connection).stream().filter(n -> n.name().equals(LocalSlurm.NODE)).findFirst().orElseThrow();
        assertThat(node.gpus()).isEqualTo(LocalSlurm.GPUS);
        assertThat(node.gpusUsed()).isGreaterThanOrEqualTo(2);
        assertThat(node.partitions()).contains(LocalSlurm.PARTITION);
        assertThat(node.usable()).isTrue();

        api.cancel(connection, id);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.job(connection, id).map(SlurmJobStatus::state).orElse(""),
                "CANCELLED"::equals);
        assertThat(api.job(connection, id).orElseThrow().endTime()).isNotNull();
        api.cancel(connection, id);
    }

    @Test
    void aFailingScriptEndsFailedWithItsExitStatus() {
        String id = api.submit(connection, job("academy-" + UUID.randomUUID(), "#!/bin/bash\nexit 3\n", 0));

        await().atMost(Duration.ofSeconds(20)).until(() -> api.job(connection, id).map(SlurmJobStatus::state).orElse(""),
                "FAILED"::equals);
        SlurmJobStatus failed = api.job(connection, id).orElseThrow();
        assertThat(failed.returnCode()).isEqualTo(3);
        assertThat(failed.signal()).isZero();
        assertThat(failed.stateReason()).isEqualTo("NonZeroExitCode");
    }

    @Test
    void anUnknownJobIsEmptyAndCancellingItIsNoError() {
        assertThat(api.job(connection, "987654")).isEqualTo(Optional.empty());
        api.cancel(connection, "987654");
        assertThatThrownBy(() -> api.job(connection, "1; rm -rf /")).isInstanceOf(SlurmException.class)
                .hasMessageContaining("Not a Slurm job id");
    }

    @Test
    void aBadTokenIsACredentialsFailure() {
        SlurmConnection bad = new SlurmConnection(slurm.url(), LocalSlurm.USER, () -> "not-a-token");

        assertThatThrownBy(() -> api.nodes(bad)).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.CREDENTIALS));
        assertThatThrownBy(() -> api.submit(bad, job("academy-bad", "#!/bin/bash\ntrue\n", 0)))
                .isInstanceOfSatisfying(SlurmException.class, e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.CREDENTIALS));
    }

    @Test
    void theSchedulersRefusalIsRejectedWithItsReason() {
        SlurmJobSubmission wrong = new SlurmJobSubmission("academy-wrong", "no-such-partition", "#!/bin/bash\ntrue\n", 2, 0,
                null, null, Map.of(), slurm.workDir(), null, 0);
        assertThatThrownBy(() -> api.submit(connection, wrong)).isInstanceOfSatisfying(SlurmException.class, e -> {
            assertThat(e.kind()).isEqualTo(SlurmException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("Invalid partition name");
        });
        assertThatThrownBy(() -> api.submit(connection, job("academy-greedy", "#!/bin/bash\ntrue\n", LocalSlurm.GPUS + 1)))
                .isInstanceOfSatisfying(SlurmException.class, e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.REJECTED));
    }

    @Test
    void nothingListeningIsUnreachableAndSilenceIsATimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SlurmConnection down = new SlurmConnection(URI.create("http://127.0.0.1:" + closedPort), LocalSlurm.USER, () -> "t");
        assertThatThrownBy(() -> api.nodes(down)).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.UNREACHABLE));

        SlurmApi impatient = new SlurmV0038(new SlurmHttp(Duration.ofSeconds(1), Duration.ofMillis(700)));
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (IOException | InterruptedException e) {
                    // The test is over.
                }
            });
            SlurmConnection mute = new SlurmConnection(URI.create("http://127.0.0.1:" + silent.getLocalPort()), LocalSlurm.USER, () -> "t");
            long started = System.nanoTime();
            assertThatThrownBy(() -> impatient.nodes(mute)).isInstanceOfSatisfying(SlurmException.class,
                    e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            acceptor.interrupt();
        }
    }
}
