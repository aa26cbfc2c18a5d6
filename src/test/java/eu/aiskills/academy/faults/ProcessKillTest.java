package eu.aiskills.academy.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import eu.aiskills.academy.testsupport.MariaDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's process is killed (SIGKILL) in the middle of an enrolment, of the reaction to
 * one, of a notebook save and of a credential's issue, on a real MariaDB server: each time it is
 * started again on the same database and data directory, and the database holds either all of
 * what the interrupted work wrote or none of it; every event whose reaction was cut off is
 * resubmitted by the event publication registry at start-up, and its reaction happens once.
 */
class ProcessKillTest {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration REPLY = Duration.ofMinutes(1);
    private static final String LEARNER = "kill-test-learner@academy.test";
    private static final String COURSE = "generative-ai-foundations";
    private static final String RUN = "2027-open";
    private static final String LAB = "first-classifier";

    private final MariaDb server = MariaDb.get();
    private final String url = server.newDatabase();
    private final Path dataDir = Path.of("target", "test-data", "process-kill-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    private final List<Platform> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(Platform::kill);
    }

    @Test
    void nothingIsHalfWrittenAndNoEventIsLostWhenTheProcessIsKilled() throws Exception {
        Platform first = start();
        first.send("person " + LEARNER + " Kim STUDENT");

        // 1. Killed inside the enrolment's transaction (seat taken, enrolment and event written, not committed).
        first.send("arm ^update run_seats");
        first.sendUntilHalted("enrol " + LEARNER + " " + COURSE + " " + RUN);
        first.kill();
        assertThat(count("SELECT COUNT(*) FROM enrolment")).as("no enrolment").isZero();
        assertThat(count("SELECT COALESCE(SUM(taken), 0) FROM run_seats")).as("no seat taken").isZero();
        assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE event_type LIKE '%LearnerEnrolled'")).as("no event").isZero();

        // 2. The enrolment commits; killed while the compute module grants the run's lab hours in reaction.
        Platform second = start();
        second.send("arm ^INSERT INTO quota_entry");
        assertThat(second.sendUntilHalted("enrol " + LEARNER + " " + COURSE + " " + RUN)).isIn("OK ENROLLED", "HALTED");
        second.kill();
        assertThat(count("SELECT COUNT(*) FROM enrolment WHERE status = 'ENROLLED'")).isEqualTo(1);
        assertThat(count("SELECT COALESCE(SUM(taken), 0) FROM run_seats")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM quota_entry WHERE idempotency_key LIKE 'cap:%'")).as("the reaction's write is gone").isZero();
        assertThat(incomplete("LearnerEnrolled", "LearnerCaps")).as("the event waits in the registry").isEqualTo(1);

        // 3. Started again: the registry resubmits the event and the learner's hours are granted, once.
        Platform third = start();
        await().atMost(REPLY).pollInterval(Duration.ofMillis(500))
                .until(() -> incomplete("LearnerEnrolled", "LearnerCaps") == 0);
        assertThat(count("SELECT COUNT(*) FROM quota_entry WHERE idempotency_key LIKE 'cap:%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM quota_account WHERE learner_id IS NOT NULL AND balance = 2")).isEqualTo(1);

        // 4. A notebook save killed between writing the new revision and pruning old ones.
        assertThat(third.send("save " + LEARNER + " " + LAB + " first-save")).isEqualTo("OK 1");
        third.send("arm ^DELETE FROM lab_notebook");
        third.sendUntilHalted("save " + LEARNER + " " + LAB + " second-save");
        third.kill();
        assertThat(count("SELECT COUNT(*) FROM lab_notebook")).as("only the first revision").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM lab_notebook WHERE revision = 1 AND content LIKE '%first-save%'"
                + " AND content NOT LIKE '%second-save%'")).isEqualTo(1);

        // 5. The learner saves again on the revision they have; completing the course is killed while the credential is issued.
        Platform fourth = start();
        assertThat(fourth.send("save " + LEARNER + " " + LAB + " third-save")).isEqualTo("OK 2");
        fourth.send("arm ^INSERT INTO credential");
        assertThat(fourth.sendUntilHalted("complete " + LEARNER + " " + COURSE)).isIn("OK COMPLETED", "HALTED");
        fourth.kill();
        assertThat(count("SELECT COUNT(*) FROM enrolment WHERE completed_at IS NOT NULL")).as("the completion committed").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM credential")).as("the credential's write is gone").isZero();
        assertThat(incomplete("CourseCompleted", "CredentialIssuing")).isEqualTo(1);

        // 6. Started again: the credential is issued once, and the reactions to its issue (notification) follow.
        Platform fifth = start();
        await().atMost(REPLY).pollInterval(Duration.ofMillis(500))
                .until(() -> incomplete("CourseCompleted", "CredentialIssuing") == 0 && count("SELECT COUNT(*) FROM notification"
                        + " WHERE message_key = 'notification.credential-issued'") == 1);
        assertThat(count("SELECT COUNT(*) FROM credential WHERE kind = 'COURSE'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM lab_notebook WHERE revision = 2 AND content LIKE '%third-save%'")).isEqualTo(1);
        fifth.stop();
        assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL"
                + " AND (event_type LIKE '%LearnerEnrolled' OR event_type LIKE '%CourseCompleted' OR event_type LIKE '%CredentialIssued')"))
                .as("every reaction to the interrupted work happened").isZero();
    }

    /** Publications of the event to the listener (a class of the module that reacts) not completed. */
    private int incomplete(String eventType, String listener) throws SQLException {
        return count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL AND event_type LIKE '%." + eventType
                + "' AND listener_id LIKE '%." + listener + ".%'");
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private Platform start() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("platform-" + (started.size() + 1) + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-Xshare:off",
                "-cp", System.getProperty("java.class.path"), CrashingAcademy.class.getName(),
                "--spring.profiles.active=test,mysql", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password(),
                "--academy.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0", "--spring.output.ansi.enabled=never",
                // Only the resubmission at start-up, not the periodic one of the search module, may redo a reaction here.
                "--academy.search.retry-interval=1h", "--logging.level.org.springframework.modulith.events=DEBUG")
                .redirectErrorStream(true).start();
        Platform platform = new Platform(process, log);
        started.add(platform);
        assertThat(platform.next(START)).as("started; log in " + log).isEqualTo("READY");
        return platform;
    }

    /** One run of the platform's process, its replies and its log. */
    private static final class Platform {

        private final Process process;
        private final Path log;
        private final PrintWriter commands;
        private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

        Platform(Process process, Path log) throws IOException {
            this.process = process;
            this.log = log;
            this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            Writer out = Files.newBufferedWriter(log);
            Thread.ofPlatform().daemon().start(() -> {
                try (out; BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        out.write(line);
                        out.write('\n');
                        if (line.startsWith(CrashingAcademy.REPLY)) {
                            replies.add(line.substring(CrashingAcademy.REPLY.length()));
                        }
                    }
                } catch (IOException e) {
                    replies.add("OUTPUT LOST " + e);
                }
                replies.add("EXITED");
            });
        }

        String next(Duration timeout) throws InterruptedException {
            String reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(reply).as("a reply within " + timeout + "; log in " + log).isNotNull();
            return reply;
        }

        /** Runs a command; it must succeed. */
        String send(String command) throws InterruptedException {
            commands.println(command);
            String reply = next(REPLY);
            assertThat(reply).as(command + "; log in " + log).startsWith("OK");
            return reply;
        }

        /**
         * Runs a command that reaches the armed statement; returns the command's own reply if it
         * came before (a reaction after the commit halted), or "HALTED".
         */
        String sendUntilHalted(String command) throws InterruptedException {
            commands.println(command);
            String first = next(REPLY);
            if (first.startsWith("HALTED")) {
                return "HALTED";
            }
            assertThat(first).as(command + "; log in " + log).startsWith("OK");
            assertThat(next(REPLY)).as("halted at the armed statement; log in " + log).startsWith("HALTED");
            return first;
        }

        /** SIGKILL: no shutdown hook, no rollback by the application, no flush. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** A clean stop: standard input closes and the application shuts down. */
        void stop() throws InterruptedException {
            commands.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new UncheckedIOException(new IOException("the platform did not stop within 60 s; log in " + log));
            }
        }
    }
}
