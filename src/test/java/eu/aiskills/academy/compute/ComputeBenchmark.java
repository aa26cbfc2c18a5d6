package eu.aiskills.academy.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.BenchmarkReport.Latencies;
import eu.aiskills.academy.testsupport.BenchmarkReport;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Compute on MariaDB: 200 conflicting booking requests at once against one 64-GPU partition
 * (decisions, overbooking, latency, throughput), and the balance of a quota account that has
 * 1,000,000 entries.
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class ComputeBenchmark {

    static final int REQUESTS = Integer.getInteger("bench.bookings", 200);
    static final int ENTRIES = Integer.getInteger("bench.ledger-entries", 1_000_000);
    static final int THREADS = 32;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Bookings bookings;
    @Autowired
    Allocations allocations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Registration registration;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void bookingsAndLedger() throws Exception {
        String admin = "bench-admin@example.org";
        People.create(registration, admin, "Bench Admin", Role.ADMIN);
        new TestCourses(content, context).course("bench-lab").instructor(admin).create();
        CourseRun run = catalogue.publishedCourse("bench-lab").orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, admin);
        Allocation allocation = allocations.request(new AllocationRequest("lumi", "gpu-lab", "large-scale", run.id().value(),
                new BigDecimal("50000"), "Benchmark", LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(60)));
        AllocationId id = allocations.approve(allocation.id(), new BigDecimal("50000"), null).id();
        SecurityContextHolder.clearContext();

        // Warm-up on another day: pool, JIT, buffer pool.
        race(40, n -> book(admin, id, LocalDate.now(ZoneOffset.UTC).plusDays(20), n));

        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        AtomicInteger booked = new AtomicInteger();
        Measured decisions = race(REQUESTS, n -> {
            if (book(admin, id, day, n)) {
                booked.incrementAndGet();
            }
        });
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        int maxHeld = 0;
        for (int minute = 0; minute < 24 * 60; minute += 15) {
            Instant at = dayStart.plus(Duration.ofMinutes(minute));
            Integer held = jdbc.queryForObject("SELECT COALESCE(SUM(gpus), 0) FROM lab_booking WHERE status = 'BOOKED'"
                    + " AND starts_at <= ? AND ends_at > ?", Integer.class, Timestamp.from(at), Timestamp.from(at));
            maxHeld = Math.max(maxHeld, held == null ? 0 : held);
        }
        assertThat(maxHeld).as("never more than the partition's 64 GPUs at any moment").isLessThanOrEqualTo(64);
        QuotaAccountId account = ledger.allocationAccount(id.value());
        assertThat(ledger.sumOfEntries(account)).isEqualByComparingTo(ledger.balance(account));

        // A ledger of 1,000,000 entries on one account, then its balance and latest movements read repeatedly.
        QuotaAccountId big = ledger.learnerAccount(UUID.randomUUID(), UUID.randomUUID());
        long loadStart = System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        // Multi-row inserts of 1,000 rows, 10 per transaction: loading is not what is measured.
        org.springframework.transaction.support.TransactionTemplate transactions =
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        String bigAccount = big.value().toString();
        for (int from = 0; from < ENTRIES; from += 10_000) {
            int first = from;
            transactions.executeWithoutResult(status -> {
                for (int block = first; block < Math.min(ENTRIES, first + 10_000); block += 1_000) {
                    StringBuilder sql = new StringBuilder("INSERT INTO quota_entry (id, account_id, kind, hours, idempotency_key,"
                            + " actor_id, reason, created_at) VALUES ");
                    List<Object> values = new ArrayList<>();
                    for (int i = block; i < Math.min(ENTRIES, block + 1_000); i++) {
                        sql.append(i == block ? "" : ",").append("(?, ?, 'GRANTED', 0.001, ?, NULL, 'bench', ?)");
                        values.add(UUID.randomUUID().toString());
                        values.add(bigAccount);
                        values.add("bench-" + bigAccount + "-" + i);
                        values.add(new Timestamp(now.getTime() - (ENTRIES - i) * 1000L));
                    }
                    jdbc.update(sql.toString(), values.toArray());
                }
            });
        }
        jdbc.update("UPDATE quota_account SET balance = ? WHERE id = ?", new BigDecimal(ENTRIES).movePointLeft(3),
                big.value().toString());
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        List<Long> balanceNanos = new ArrayList<>();
        List<Long> latestNanos = new ArrayList<>();
        for (int i = 0; i < 2_200; i++) {
            long t0 = System.nanoTime();
            ledger.balance(big);
            long t1 = System.nanoTime();
            ledger.entries(big, 50);
            long t2 = System.nanoTime();
            if (i >= 200) {
                balanceNanos.add(t1 - t0);
                latestNanos.add(t2 - t1);
            }
        }
        long sumStart = System.nanoTime();
        BigDecimal sum = ledger.sumOfEntries(big);
        double sumMs = (System.nanoTime() - sumStart) / 1e6;
        assertThat(sum).isEqualByComparingTo(ledger.balance(big));

        Latencies decision = Latencies.of(decisions.nanos());
        Latencies balance = Latencies.of(balanceNanos);
        Latencies latest = Latencies.of(latestNanos);
        BenchmarkReport.write("compute", "Bookings and the quota ledger on MariaDB", String.format(Locale.ROOT, """
                %d booking requests at once (%d threads) for one day on a 64-GPU partition, each for 4 GPUs over
                2 hours at one of eight starts an hour apart, through `Bookings.book` (partition lock, overlap sum, ledger
                reservation; a refusal also searches the nearest fitting starts): %d booked, %d refused; at no moment
                more than %d of 64 GPUs held; the allocation's balance equals the sum of its entries.

                | measure | count | per second | p50 ms | p95 ms | p99 ms | max ms | target |
                | --- | --- | --- | --- | --- | --- | --- | --- |
                | booking decision | %d | %.0f | %.1f | %.1f | %.1f | %.1f | |
                | balance of an account with %,d entries | %d | | %.2f | %.2f | %.2f | %.2f | p95 under 10 ms |
                | its 50 latest movements | %d | | %.2f | %.2f | %.2f | %.2f | |

                Loading the %,d entries took %.1f s (batches of 10,000); summing them directly (what the balance row
                avoids) takes %.0f ms.
                """, REQUESTS, THREADS, booked.get(), REQUESTS - booked.get(), maxHeld,
                decisions.nanos().size(), decisions.perSecond(), decision.p50(), decision.p95(), decision.p99(), decision.max(),
                ENTRIES, balance.count(), balance.p50(), balance.p95(), balance.p99(), balance.max(),
                latest.count(), latest.p50(), latest.p95(), latest.p99(), latest.max(), ENTRIES, loadSeconds, sumMs));
        assertThat(balance.p95()).isLessThan(10.0);
    }

    private boolean book(String admin, AllocationId id, LocalDate day, int n) {
        KaribuSupport.signIn(context, admin);
        try {
            Instant start = day.atTime(8 + n % 8, 0).toInstant(ZoneOffset.UTC);
            bookings.book(new BookingRequest(id, start, Duration.ofHours(2), 4, 1));
            return true;
        } catch (BookingRefused refused) {
            return false;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    interface Work {
        void run(int n) throws Exception;
    }

    record Measured(List<Long> nanos, double perSecond) {
    }

    private static Measured race(int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    work.run(n);
                    nanos.add(System.nanoTime() - t0);
                    return null;
                }));
            }
            long released = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            return new Measured(nanos, count / ((System.nanoTime() - released) / 1e9));
        } finally {
            pool.shutdownNow();
        }
    }
}
