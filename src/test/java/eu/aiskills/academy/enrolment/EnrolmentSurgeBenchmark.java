package eu.aiskills.academy.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.testsupport.BenchmarkReport.Latencies;
import eu.aiskills.academy.testsupport.BenchmarkReport;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.Surge;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Enrolment surge on MariaDB: 10,000 learners enrol at once in one run of 500 seats, through the
 * application's service, from {@code bench.surge.threads} threads sharing the application's
 * connection pool. Checks the outcome (500 seated, 9,500 waiting, in arrival order) and reports
 * throughput and latency beside the database's own single-row insert rate in the same run.
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class EnrolmentSurgeBenchmark {

    static final int LEARNERS = Integer.getInteger("bench.surge.learners", 10_000);
    static final int SEATS = Integer.getInteger("bench.surge.seats", 500);
    static final int THREADS = Integer.getInteger("bench.surge.threads", 32);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Enrolments enrolments;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void surge() throws Exception {
        new TestCourses(content, context).course("surge").capacity(SEATS).instructor("nobody@example.org").create();
        CourseRun run = catalogue.publishedCourse("surge").orElseThrow().runs().getFirst();
        List<Authentication> learners = Surge.learners(jdbc, users, "surge", LEARNERS);

        // Warm-up on another run: connection pool, JIT, the database's buffer pool.
        new TestCourses(content, context).course("surge-warm-up").capacity(50).instructor("nobody@example.org").create();
        CourseRun warmUp = catalogue.publishedCourse("surge-warm-up").orElseThrow().runs().getFirst();
        Surge.race(learners.subList(0, 200), THREADS, learner -> enrolments.enrol(warmUp.id()));

        Surge.Measured surge = Surge.race(learners, THREADS, learner -> enrolments.enrol(run.id()));
        Surge.Measured inserts = Surge.race(learners, THREADS, learner -> jdbc.update(
                "INSERT INTO notification (id, account_id, message_key, arguments, link, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "bench.insert", "[]", null,
                Timestamp.from(Instant.now())));

        String id = run.id().value().toString();
        int seated = jdbc.queryForObject("SELECT COUNT(*) FROM enrolment WHERE run_id = ? AND status = 'ENROLLED'", Integer.class, id);
        int waiting = jdbc.queryForObject("SELECT COUNT(*) FROM enrolment WHERE run_id = ? AND status = 'WAITLISTED'", Integer.class, id);
        Long lastSeated = jdbc.queryForObject("SELECT MAX(arrival) FROM enrolment WHERE run_id = ? AND status = 'ENROLLED'", Long.class, id);
        List<Timestamp> byArrival = jdbc.queryForList("SELECT requested_at FROM enrolment WHERE run_id = ? ORDER BY arrival",
                Timestamp.class, id);
        List<Long> arrivals = jdbc.queryForList("SELECT arrival FROM enrolment WHERE run_id = ? ORDER BY arrival", Long.class, id);
        assertThat(surge.failures()).isZero();
        assertThat(seated).isEqualTo(SEATS);
        assertThat(waiting).isEqualTo(LEARNERS - SEATS);
        assertThat(lastSeated).as("seats went to the first arrivals").isEqualTo(SEATS);
        assertThat(arrivals).as("every request has its own place, none lost")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, LEARNERS).boxed().toList());
        List<Timestamp> sorted = new ArrayList<>(byArrival);
        Collections.sort(sorted);
        assertThat(byArrival).as("arrival order is the order requests were taken").isEqualTo(sorted);

        Latencies enrol = Latencies.of(surge.nanos());
        Latencies insert = Latencies.of(inserts.nanos());
        BenchmarkReport.write("surge", "Enrolment surge on MariaDB", String.format(Locale.ROOT, """
                %,d learners enrol at once in one run of %,d seats through `Enrolments.enrol` (the service the
                views call: window, prerequisites, the run's locked seat counter, the enrolment row), from %d
                threads sharing the application's connection pool (%s connections), on MariaDB %s through
                MySQL Connector/J. Beside it, in the same run and from the same threads, the database's own rate
                for single-row inserts, each its own transaction.

                Outcome: %,d seated, %,d waitlisted; seats went to arrivals 1 to %,d; arrival numbers 1 to %,d
                without a gap or a duplicate; request times in arrival order.

                Latency is each call's own, from when a thread makes it to its return.

                | operation | count | per second | p50 ms | p95 ms | p99 ms | max ms |
                | --- | --- | --- | --- | --- | --- | --- |
                | enrol (seat or waitlist) | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f |
                | single-row insert (database alone) | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f |

                Enrolments in one run are serialised on that run's counter row (ADR 0011), so the first row
                is bounded by one lock holder at a time; different runs do not contend.
                """, LEARNERS, SEATS, THREADS,
                context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
                jdbc.queryForObject("SELECT VERSION()", String.class), seated, waiting, lastSeated, LEARNERS,
                surge.count(), surge.perSecond(), enrol.p50(), enrol.p95(), enrol.p99(), enrol.max(),
                inserts.count(), inserts.perSecond(), insert.p50(), insert.p95(), insert.p99(), insert.max()));
    }
}
