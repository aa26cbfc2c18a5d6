package eu.aiskills.academy.search.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs bulk writes while the next batch is read: at most {@code parallelism} at once, so that
 * reading from the database and indexing overlap without unbounded memory. The first failure
 * stops further submissions and is rethrown by {@link #submit} or {@link #await}. A write that
 * has not finished after {@code patience} fails the load, rather than letting it wait forever
 * for an engine that stopped answering (the HTTP client has no time limit on sending a body).
 */
final class BulkPipeline implements AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final int parallelism;
    private final Duration patience;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    BulkPipeline(int parallelism, Duration patience) {
        this.parallelism = parallelism;
        this.patience = patience;
        this.slots = new Semaphore(parallelism);
    }

    /** Waits for a free slot, then runs {@code write} in the background. */
    void submit(Runnable write) {
        rethrow();
        acquire(1);
        rethrow();
        executor.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every submitted write has finished; rethrows the first failure. */
    void await() {
        acquire(parallelism);
        slots.release(parallelism);
        rethrow();
    }

    private void acquire(int permits) {
        try {
            if (!slots.tryAcquire(permits, patience.toMillis(), TimeUnit.MILLISECONDS)) {
                rethrow();
                throw new IllegalStateException("The search engine has not answered a bulk write for " + patience.toSeconds()
                        + " s; the load stops and the index in use stays as it is");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing", e);
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Waits for writes still running, but no longer than {@code patience} (one may never end). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
