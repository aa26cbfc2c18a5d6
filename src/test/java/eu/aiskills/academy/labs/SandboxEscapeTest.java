package eu.aiskills.academy.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.aiskills.academy.labs.internal.LabRuntime;
import eu.aiskills.academy.labs.internal.kernel.Execution;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import eu.aiskills.academy.labs.internal.sandbox.SandboxRequirements;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.LocalSlurm;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.Smtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running platform, on MariaDB, with its search engine, mail server and an AI Factory's
 * Slurm beside it, tried from inside a learner's sandbox: no port the host listens on answers, and
 * neither the platform's data directory, its configuration nor its database's files can be found
 * by any path.
 */
@AcademyWebTest
class SandboxEscapeTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = Smtp.server();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
        Smtp.register(registry, MAIL);
    }

    @Autowired
    LabRuntime runtime;
    @LocalServerPort
    int webPort;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private final UUID session = UUID.randomUUID();
    private LabRuntime.Live lab;

    @BeforeEach
    void aLearnersSandbox() {
        SandboxRequirements.check();
        lab = runtime.launch(session, "python3", 1024);
    }

    @AfterEach
    void stop() {
        runtime.stop(session);
    }

    @Test
    void noPortTheHostListensOnAnswersFromInside() throws Exception {
        int slurm = LocalSlurm.get().url().getPort();
        int database = URI.create(databaseUrl.substring("jdbc:".length())).getPort();
        // slurmrestd may still be binding its port when the controller already answers.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listeningPorts())
                .as("the platform, its database, mail server and Slurm are all listening")
                .contains(webPort, database, MAIL.getSmtp().getPort(), slurm));
        Set<Integer> listening = listeningPorts();

        String ports = listening.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String seen = text(run("""
                import socket
                def own(port):
                    # The sandbox's own loopback has listeners too (the kernel's channels, on random ports):
                    # a port one of them holds here is not the host's, whatever its number.
                    for family, host in [(socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')]:
                        s = socket.socket(family, socket.SOCK_STREAM)
                        try:
                            s.bind((host, port))
                        except OSError:
                            return True
                        finally:
                            s.close()
                    return False
                answered = []
                ports = [%s]
                skipped = [p for p in ports if own(p)]
                for port in [p for p in ports if p not in skipped]:
                    for family, host in [(socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')]:
                        s = socket.socket(family, socket.SOCK_STREAM)
                        s.settimeout(2)
                        try:
                            s.connect((host, port))
                            answered.append(f'{host}:{port}')
                        except OSError:
                            pass
                        finally:
                            s.close()
                print('answered', answered, 'interfaces', sorted(name for _, name in socket.if_nameindex()))
                print('own', skipped)
                """.formatted(ports)));

        List<String> lines = seen.strip().lines().toList();
        assertThat(lines.getFirst()).as("tried %d ports", listening.size()).isEqualTo("answered [] interfaces ['lo']");
        // Skipping the sandbox's own ports must not hide a shared network: the platform's own ports are never among them.
        assertThat(lines.getLast()).startsWith("own [");
        List<Integer> own = java.util.Arrays.stream(lines.getLast().replaceAll("[^0-9,]", "").split(",")).filter(p -> !p.isEmpty())
                .map(Integer::valueOf).toList();
        assertThat(own).doesNotContain(webPort, database, MAIL.getSmtp().getPort(), slurm);
    }

    @Test
    void thePlatformsDataConfigurationAndDatabaseCannotBeFoundByAnyPath() throws Exception {
        Path own = lab.sandbox().directory();
        assertThat(own).as("the session's own directory, on the host").exists().endsWith(Path.of("labs", "sessions", session.toString()));
        Path data = own.getParent().getParent().getParent();
        List<String> paths = new ArrayList<>(List.of(data.toString(), own.toString(), data.resolve("db").toString(),
                Path.of("target/classes/application.yaml").toAbsolutePath().toString(), System.getProperty("user.dir"),
                "/root", "/etc/shadow", "/var/lib/mysql", "/proc/1/root/work",
                "/proc/" + ProcessHandle.current().pid() + "/environ"));
        // The JDK may live under /usr/lib/jvm: system software like Python, visible read-only; the platform's files are not.
        String quoted = paths.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));

        String seen = text(run("""
                import os, fnmatch
                found = [p for p in [%s] if os.path.exists(p)]
                wanted = ['*.mv.db', 'ibdata1', 'application*.yaml', '*.jwks.json', '*.token', 'slurm.conf', 'munge.key']
                for root, dirs, files in os.walk('/', onerror=lambda e: None):
                    dirs[:] = [d for d in dirs if os.path.join(root, d) not in ('/proc', '/sys', '/usr', '/dev')]
                    found += [os.path.join(root, f) for f in files if any(fnmatch.fnmatch(f, w) for w in wanted)]
                print('found', found)
                """.formatted(quoted)));

        assertThat(seen.strip()).isEqualTo("found []");
    }

    private Execution run(String code) throws Exception {
        return lab.kernel().execute(code, output -> { }).get(120, TimeUnit.SECONDS);
    }

    private static String text(Execution execution) {
        return execution.outputs().stream().map(output -> switch (output) {
            case KernelOutput.Stream s -> s.text();
            case KernelOutput.Error e -> e.name() + ": " + e.value();
            default -> "";
        }).collect(Collectors.joining());
    }

    /** Every TCP port the host listens on, from the kernel's own tables (IPv4 and IPv6). */
    private static Set<Integer> listeningPorts() throws IOException {
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.strip().split("\\s+");
                if ("0A".equals(fields[3])) {
                    ports.add(Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
