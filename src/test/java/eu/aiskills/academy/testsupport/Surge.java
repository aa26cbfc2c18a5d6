package eu.aiskills.academy.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** What surge benchmarks share: many learners created at once, and their calls released together from a pool of threads. */
public final class Surge {

    private Surge() {
    }

    /** One learner's call. */
    public interface Work {
        Object call(Authentication learner) throws Exception;
    }

    /** How a surge went: calls, calls per second over the whole surge, each call's latency, and the calls that threw. */
    public record Measured(int count, double perSecond, List<Long> nanos, int failures, double seconds) {
    }

    /**
     * Student accounts {@code prefix0@example.org} onwards, written in batches (hashing thousands
     * of passwords would measure Argon2, not what the benchmark is about), signed in as the real
     * sign-in would.
     */
    public static List<Authentication> learners(JdbcTemplate jdbc, UserDetailsService users, String prefix, int count) {
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            accounts.add(new Object[] {id, prefix + i + "@example.org", "Bench Learner " + i, now});
            roles.add(new Object[] {id});
        }
        jdbc.batchUpdate("INSERT INTO account (id, email, display_name, password_hash, preferred_locale, enabled, created_at, version)"
                + " VALUES (?, ?, ?, '{noop}bench-only', NULL, TRUE, ?, 0)", accounts);
        jdbc.batchUpdate("INSERT INTO account_role (account_id, role) VALUES (?, 'STUDENT')", roles);
        List<Authentication> authentications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UserDetails user = users.loadUserByUsername(prefix + i + "@example.org");
            authentications.add(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        }
        return authentications;
    }

    /** Every learner's call released at once on {@code threads} threads; each call's latency from when its thread makes it to its return. */
    public static Measured race(List<Authentication> learners, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Authentication learner : learners) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long begin = System.nanoTime();
                    SecurityContextHolder.getContext().setAuthentication(learner);
                    try {
                        work.call(learner);
                    } catch (Exception e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                    nanos.add(System.nanoTime() - begin);
                    return null;
                }));
            }
            long released = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - released) / 1e9;
            return new Measured(learners.size(), learners.size() / seconds, nanos, failures.values().stream().mapToInt(Integer::intValue).sum(),
                    seconds);
        } finally {
            pool.shutdownNow();
        }
    }
}
