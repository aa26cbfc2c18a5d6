package eu.aiskills.academy.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Starts many attempts at the same instant, to test what the database guards under concurrency. */
public final class Race {

    private Race() {
    }

    /** Runs {@code attempts} racers released together; returns each racer's result in order. */
    public static <T> List<T> run(int attempts, IntFunction<Callable<T>> racer) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Callable<T> work = racer.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
