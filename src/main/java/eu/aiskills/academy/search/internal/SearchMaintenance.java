package eu.aiskills.academy.search.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.aiskills.academy.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps search usable without anyone watching: at start-up (before content is imported) the
 * indices are made to exist, outdated ones rebuilt in the background; then, periodically, the
 * same check runs again (the engine may have been down) and indexing that failed is retried from
 * the event publication registry. With the engine down the application still starts and serves.
 */
@Component
@Order(5)
class SearchMaintenance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchMaintenance.class);

    private final SearchIndices indices;
    private final IncompleteEventPublications incomplete;
    private final SearchProperties properties;
    private final TaskExecutor executor;
    private final AtomicBoolean ready = new AtomicBoolean();
    /** Set once the start-up check has run; the periodic one waits for it. */
    private final AtomicBoolean started = new AtomicBoolean();

    SearchMaintenance(SearchIndices indices, IncompleteEventPublications incomplete, SearchProperties properties,
                      TaskExecutor applicationTaskExecutor) {
        this.indices = indices;
        this.incomplete = incomplete;
        this.properties = properties;
        this.executor = applicationTaskExecutor;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureIndices();
        started.set(true);
    }

    @Scheduled(initialDelayString = "${academy.search.retry-interval}", fixedDelayString = "${academy.search.retry-interval}")
    void maintain() {
        if (!started.get()) {
            return;
        }
        if (!ready.get()) {
            ensureIndices();
        }
        if (ready.get()) {
            incomplete.resubmitIncompletePublicationsOlderThan(properties.retryInterval());
        }
    }

    boolean ready() {
        return ready.get();
    }

    private synchronized void ensureIndices() {
        try {
            List<String> outdated = indices.ensureAll();
            ready.set(true);
            for (String name : outdated) {
                executor.execute(() -> {
                    try {
                        indices.rebuild(name, progress -> { });
                    } catch (RuntimeException e) {
                        log.warn("Rebuilding search index {} failed; it will be tried again: {}", name, e.getMessage());
                        ready.set(false);
                    }
                });
            }
        } catch (RuntimeException e) {
            ready.set(false);
            log.warn("Search engine not ready ({}); pages work, search will say it is unavailable, "
                    + "and changes are indexed once it is back", e.getMessage());
        }
    }
}
