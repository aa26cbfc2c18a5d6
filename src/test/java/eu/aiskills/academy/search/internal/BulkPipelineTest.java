package eu.aiskills.academy.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The rebuild's bulk writes: bounded in number, failures passed on, and an engine that stops answering not waited for forever. */
class BulkPipelineTest {

    @Test
    void runsEveryWriteWithAtMostParallelismAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (BulkPipeline pipeline = new BulkPipeline(2, Duration.ofSeconds(30))) {
            for (int i = 0; i < 20; i++) {
                pipeline.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    done.incrementAndGet();
                });
            }
            pipeline.await();
        }
        assertThat(done).hasValue(20);
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void theFirstFailureStopsTheLoad() {
        try (BulkPipeline pipeline = new BulkPipeline(1, Duration.ofSeconds(30))) {
            pipeline.submit(() -> {
                throw new IllegalStateException("mapping rejected");
            });
            assertThatThrownBy(() -> {
                pipeline.submit(() -> { });
                pipeline.await();
            }).hasMessage("mapping rejected");
        }
    }

    @Test
    void aWriteThatNeverEndsFailsTheLoadAfterThePatienceRunsOut() {
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();
        try (BulkPipeline pipeline = new BulkPipeline(1, Duration.ofMillis(300))) {
            pipeline.submit(() -> await(never));
            assertThatThrownBy(() -> pipeline.submit(() -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has not answered a bulk write");
            assertThatThrownBy(pipeline::await).hasMessageContaining("has not answered a bulk write");
        }
        // Closing waited once more for the stuck write, then gave up on it.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        never.countDown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
