package eu.aiskills.academy.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.labs.internal.LabRuntime;
import eu.aiskills.academy.labs.internal.LabSessionLifecycle;
import eu.aiskills.academy.labs.internal.LabTestContent;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.BenchmarkReport.Latencies;
import eu.aiskills.academy.testsupport.BenchmarkReport;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The local launcher on this machine: from "Start lab" to the first cell's result (beside a bare
 * Jupyter kernel started outside any sandbox, in the same run), and ten sessions at once: the
 * memory each takes and the latency of a small cell while all ten run.
 */
@Tag("bench")
@AcademyTest
// As many local sandboxes as sessions run at once.
@org.springframework.test.context.TestPropertySource(properties = "academy.labs.max-local-sessions=${bench.lab-sessions:10}")
class LabBenchmark {

    static final int STARTS = Integer.getInteger("bench.lab-starts", 10);
    static final int CONCURRENT = Integer.getInteger("bench.lab-sessions", 10);

    @Autowired
    LabSessions sessions;
    @Autowired
    LabSessionLifecycle lifecycle;
    @Autowired
    LabRuntime runtime;
    @Autowired
    LabsProperties properties;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    eu.aiskills.academy.labs.internal.PlatformInstances instances;
    @Autowired
    LabTestContent content;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path courses;
    @TempDir
    Path labFolders;

    @Test
    void startToFirstResultAndTenSessionsAtOnce() throws Exception {
        new TestCourses(courses, context).course("bench-labs").lessons(1).create();
        String lesson = catalogue.publishedCourse("bench-labs").orElseThrow().lessons().getFirst().slug();
        content.importLab(labFolders, "bench-lab", "bench-labs", lesson, "- {name: ok, points: 1, code: 'assert done'}", "1 + 1");
        KaribuSupport.signIn(context, "admin@academy.test");

        List<Long> firstResult = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long started = System.nanoTime();
            LabSession session = sessions.start("bench-lab");
            while (sessions.session(session.id()).state() != LabSessionState.RUNNING) {
                assertThat(sessions.session(session.id()).state().over()).isFalse();
                Thread.sleep(20);
            }
            LabSessions.CellRun run = sessions.execute(session.id(), "1 + 1", o -> { }).get(60, TimeUnit.SECONDS);
            firstResult.add(System.nanoTime() - started);
            assertThat(run.outputs().getFirst().text()).isEqualTo("2");
            sessions.stop(session.id());
        }
        List<Long> bare = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long started = System.nanoTime();
            Process kernel = new ProcessBuilder(properties.sandbox().python(), "-c", """
                    from jupyter_client.manager import start_new_kernel
                    km, kc = start_new_kernel(kernel_name='python3')
                    reply = kc.execute_interactive('1 + 1', timeout=60)
                    km.shutdown_kernel(now=True)
                    print(reply['content']['status'])
                    """).redirectErrorStream(true).start();
            String out = new String(kernel.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kernel.waitFor(120, TimeUnit.SECONDS)).isTrue();
            bare.add(System.nanoTime() - started);
            assertThat(out).contains("ok");
        }

        // Ten learners' sessions at once (all started by one account through separate labs of the same template).
        List<LabSessionId> live = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            LabSessionId id = LabSessionId.random();
            // Held by this instance, which starts only its own queued sessions (docs/scaling.md).
            jdbc.update("INSERT INTO lab_session (id, template_id, learner_id, launcher, state, active_slot, gpus, created_at,"
                            + " last_activity_at, gpu_hours, instance_id) SELECT ?, t.id, a.id, 'LOCAL', 'QUEUED', ?, 0, CURRENT_TIMESTAMP,"
                            + " CURRENT_TIMESTAMP, 0, ? FROM lab_template t, account a WHERE t.slug = 'bench-lab' AND a.email = 'admin@academy.test'",
                    id.toString(), "bench:" + id, instances.id());
            live.add(id);
        }
        long launchStarted = System.nanoTime();
        lifecycle.promote();
        for (LabSessionId id : live) {
            while (sessions.session(id).state() != LabSessionState.RUNNING) {
                assertThat(sessions.session(id).state().over()).as(sessions.session(id).reasonDetail()).isFalse();
                Thread.sleep(50);
            }
        }
        double allRunningSeconds = (System.nanoTime() - launchStarted) / 1e9;
        var security = SecurityContextHolder.getContext();
        List<Long> cell = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            cell.addAll(Race.run(CONCURRENT, i -> () -> {
                SecurityContextHolder.setContext(security);
                long t = System.nanoTime();
                sessions.execute(live.get(i), "sum(range(1000))", o -> { }).get(60, TimeUnit.SECONDS);
                return System.nanoTime() - t;
            }));
        }
        long rssKb = 0;
        for (LabSessionId id : live) {
            rssKb += runtime.get(id.value()).map(l -> rss(l.sandbox().pid())).orElse(0L);
        }
        live.forEach(sessions::stop);

        Latencies start = Latencies.of(firstResult);
        Latencies kernel = Latencies.of(bare);
        Latencies small = Latencies.of(cell);
        BenchmarkReport.write("labs", "Labs on the local launcher", String.format(Locale.ROOT, """
                %d starts one after the other, then %d sessions at once, on this machine (2 cores); each sandbox is bubblewrap with
                Jupyter Server 1.23 and an ipykernel 6.17 kernel.

                | measure | count | p50 ms | p95 ms | max ms | target |
                |---|---|---|---|---|---|
                | "Start lab" to the first cell's result (sandbox, server, kernel, `1 + 1`) | %d | %.0f | %.0f | %.0f | p50 under 3 s |
                | bare kernel: `start_new_kernel`, `1 + 1`, shut down, no sandbox, no server | %d | %.0f | %.0f | %.0f | for comparison |
                | small cell (`sum(range(1000))`) with %d sessions running at once | %d | %.1f | %.1f | %.1f | |

                With %d sessions running: %.1f MB resident memory per session (sandbox, server and kernel together, %,d MB in
                all); all %d started in %.1f s.
                """, STARTS, CONCURRENT, start.count(), start.p50(), start.p95(), start.max(), kernel.count(), kernel.p50(),
                kernel.p95(), kernel.max(), CONCURRENT, small.count(), small.p50(), small.p95(), small.max(), CONCURRENT,
                rssKb / 1024.0 / CONCURRENT, rssKb / 1024, CONCURRENT, allRunningSeconds));
        SecurityContextHolder.clearContext();
    }

    /** Resident memory of a process and its descendants, in KiB. */
    private static long rss(long pid) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ProcessHandle.of(pid).orElse(null)),
                        ProcessHandle.of(pid).map(ProcessHandle::descendants).orElse(java.util.stream.Stream.empty()))
                .filter(java.util.Objects::nonNull).mapToLong(p -> {
                    try {
                        return Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
                    } catch (java.io.IOException e) {
                        return 0;
                    }
                }).sum();
    }
}
