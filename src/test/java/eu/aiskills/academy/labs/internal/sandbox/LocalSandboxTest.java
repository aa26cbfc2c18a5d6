package eu.aiskills.academy.labs.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.labs.internal.kernel.Execution;
import eu.aiskills.academy.labs.internal.kernel.KernelClient;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Real Jupyter kernels in real bubblewrap sandboxes: code runs and its outputs come back as they
 * are produced; it cannot reach the network, the host's files or another session; its memory is
 * limited; it can be interrupted; stopping the sandbox leaves nothing behind.
 */
class LocalSandboxTest {

    static final LabsProperties.Sandbox SETTINGS = new LabsProperties.Sandbox("/usr/bin/bwrap", "/usr/bin/python3", 910000, 100,
            DataSize.ofGigabytes(3), 64, 1, Duration.ofMinutes(10), DataSize.ofMegabytes(512), 5000, DataSize.ofMegabytes(64),
            Duration.ofSeconds(60), LabsProperties.Confinement.AUTO);
    static final SandboxHost HOST = new SandboxHost(SETTINGS);

    private static LocalSandbox first;
    private static LocalSandbox second;
    private static KernelClient kernel;

    @BeforeAll
    static void start() throws Exception {
        SandboxRequirements.check();
        Path root = Files.createDirectories(Path.of("target/lab-sandboxes").toAbsolutePath());
        first = LocalSandbox.start(HOST, SETTINGS, Files.createTempDirectory(root, "first-"));
        second = LocalSandbox.start(HOST, SETTINGS, Files.createTempDirectory(root, "second-"));
        kernel = KernelClient.start(first.endpoint(), first.token(), "python3", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            kernel.close();
        }
        for (LocalSandbox sandbox : new LocalSandbox[] {first, second}) {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private static Execution run(String code) throws Exception {
        return kernel.execute(code, output -> { }).get(60, TimeUnit.SECONDS);
    }

    private static String text(Execution execution) {
        return TestSandbox.text(execution);
    }

    @Test
    void runsCodeAndStreamsItsOutputsAsTheyCome() throws Exception {
        List<KernelOutput> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Execution> running = kernel.execute("""
                import time
                print('first', flush=True)
                time.sleep(1.5)
                print('second')
                6 * 7
                """, seen::add);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
        assertThat(running).as("the first line arrives while the cell still runs").isNotDone();
        Execution done = running.get(30, TimeUnit.SECONDS);
        assertThat(done.ok()).isTrue();
        assertThat(done.executionCount()).isPositive();
        assertThat(text(done)).isEqualTo("first\nsecond\n42");
    }

    @Test
    void numpyAndMatplotlibWorkAndAPlotComesBackAsAPng() throws Exception {
        Execution plot = run("""
                import numpy as np
                import matplotlib.pyplot as plt
                x = np.linspace(0, 6.28, 50)
                plt.plot(x, np.sin(x))
                plt.show()
                """);

        assertThat(plot.ok()).as(text(plot)).isTrue();
        assertThat(plot.outputs()).as("no complaints on stderr (fonts, caches)")
                .noneMatch(o -> o instanceof KernelOutput.Stream s && "stderr".equals(s.name()));
        assertThat(plot.outputs()).anySatisfy(output -> {
            assertThat(output).isInstanceOf(KernelOutput.Display.class);
            assertThat(((KernelOutput.Display) output).data()).containsKey("image/png");
        });
    }

    @Test
    void torchComputesGradientsAndScikitLearnFitsAModel() throws Exception {
        Execution learned = run("""
                import torch
                from sklearn.linear_model import LogisticRegression
                w = torch.tensor([2.0, -1.0], requires_grad=True)
                loss = (w ** 2).sum()
                loss.backward()
                model = LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1])
                print(w.grad.tolist(), model.predict([[2.5]]).tolist())
                """);

        assertThat(learned.ok()).as(text(learned)).isTrue();
        assertThat(text(learned)).isEqualTo("[4.0, -2.0] [1]\n");
    }

    @Test
    void anErrorComesBackWithItsTraceback() throws Exception {
        Execution failed = run("1 / 0");

        assertThat(failed.status()).isEqualTo("error");
        KernelOutput.Error error = (KernelOutput.Error) failed.outputs().getLast();
        assertThat(error.name()).isEqualTo("ZeroDivisionError");
        assertThat(error.plainTraceback()).contains("----> 1 1 / 0").doesNotContain("\u001B");
    }

    @Test
    void theNetworkTheHostAndOtherSessionsAreOutOfReach() throws Exception {
        Files.writeString(second.home().resolve("secret.txt"), "another learner's work");
        int hostPort = first.endpoint().getPort();

        Execution probe = run("""
                import os, socket
                results = []
                for host, port in [('127.0.0.1', %d), ('10.0.2.2', 80)]:
                    try:
                        socket.create_connection((host, port), timeout=3)
                        results.append('connected')
                    except OSError as e:
                        results.append(type(e).__name__)
                try:
                    socket.getaddrinfo('repo.maven.apache.org', 443)
                    results.append('resolved')
                except OSError as e:
                    results.append(type(e).__name__)
                results.append(sorted(os.listdir('/')))
                results.append(os.listdir('/home'))
                results.append(os.path.exists('/work') or os.path.exists('/root') or os.path.exists('/var/lib'))
                try:
                    open('/usr/evil', 'w')
                    results.append('wrote /usr')
                except OSError as e:
                    results.append(type(e).__name__)
                print(results)
                """.formatted(hostPort));

        String seen = text(probe);
        assertThat(seen).doesNotContain("connected", "resolved", "wrote /usr", "secret", "True");
        assertThat(seen).contains("ConnectionRefusedError").contains("gaierror").contains("['learner']")
                .contains("OSError");
    }

    @Test
    void aRunawayCellCanBeInterrupted() throws Exception {
        CompletableFuture<Execution> forever = kernel.execute("while True:\n    pass", output -> { });
        Thread.sleep(1000);
        kernel.interrupt();
        Execution interrupted = forever.get(30, TimeUnit.SECONDS);
        assertThat(text(interrupted)).contains("KeyboardInterrupt");
        assertThat(run("'still alive'").ok()).isTrue();
    }

    @Test
    void aForkBombIsStoppedByTheProcessLimitAndTheKernelGoesOn() throws Exception {
        Execution bomb = run("""
                import subprocess
                children = []
                try:
                    for i in range(500):
                        children.append(subprocess.Popen(['sleep', '30']))
                except OSError as e:
                    print('refused after', len(children), type(e).__name__)
                finally:
                    for child in children:
                        child.kill()
                        child.wait()
                """);

        assertThat(text(bomb)).startsWith("refused after").contains("BlockingIOError");
        int started = Integer.parseInt(text(bomb).split(" ")[2]);
        assertThat(started).isLessThan(SETTINGS.processes());
        assertThat(run("'still alive'").ok()).isTrue();
    }

    @Test
    void aCellOverItsCpuTimeIsKilledAndReportedNotLeftHanging() throws Exception {
        LabsProperties.Sandbox strict = SETTINGS.withCpuTime(Duration.ofSeconds(4));
        Path root = Path.of("target/lab-sandboxes").toAbsolutePath();
        try (LocalSandbox sandbox = LocalSandbox.start(HOST, strict, Files.createTempDirectory(root, "cpu-"));
             KernelClient client = KernelClient.start(sandbox.endpoint(), sandbox.token(), "python3", Duration.ofSeconds(60))) {
            Execution spinning = client.execute("while True:\n    pass", output -> { }).get(60, TimeUnit.SECONDS);

            assertThat(spinning.status()).as("the kernel was killed by its CPU limit").isEqualTo("dead");
            assertThat(sandbox.alive()).as("the sandbox itself goes on").isTrue();
        }
    }

    @Test
    void stoppingTheSandboxEndsEveryProcessAndRemovesItsFiles() throws Exception {
        Path root = Path.of("target/lab-sandboxes").toAbsolutePath();
        Path dir = Files.createTempDirectory(root, "short-");
        LocalSandbox sandbox = LocalSandbox.start(HOST, SETTINGS, dir);
        KernelClient client = KernelClient.start(sandbox.endpoint(), sandbox.token(), "python3", Duration.ofSeconds(60));
        client.execute("import subprocess; subprocess.Popen(['sleep', '600'])", output -> { }).get(60, TimeUnit.SECONDS);

        sandbox.close();

        assertThat(sandbox.alive()).isFalse();
        assertThat(dir).doesNotExist();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").equals("sleep 600"))).isEmpty();
    }
}
