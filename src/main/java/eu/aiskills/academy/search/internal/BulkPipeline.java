package eu.aiskills.academy.search.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs bulk writes while the next batch is read: at most {@code parallelism} at once, so that
 * reading from the database and indexing overlap without unbounded memory. The first failure
 * stops further submissions and is rethrown by {@link #submit} or {@link #await}.
 */
final class BulkPipeline implements AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final int parallelism;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    BulkPipeline(int parallelism) {
        this.parallelism = parallelism;
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
            slots.acquire(permits);
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

    @Override
    public void close() {
        executor.close();
    }
}
