package eu.aiskills.academy.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import co.elastic.clients.json.JsonData;
import eu.aiskills.academy.search.IndexStatus;
import eu.aiskills.academy.search.RebuildReport;
import eu.aiskills.academy.search.SearchProperties;
import eu.aiskills.academy.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The life of the indices: each is reached through an alias; a rebuild fills a new versioned
 * index from the source while live changes go to both, then moves the alias in one atomic step
 * and drops the old index. Searches never see an empty or half-filled index.
 */
@Component
class SearchIndices {

    private static final Logger log = LoggerFactory.getLogger(SearchIndices.class);
    private static final Duration STALE_LOCK = Duration.ofHours(1);
    /** How long a rebuild waits for one bulk write: a few seconds is usual, minutes mean the engine is stuck. */
    private static final Duration BULK_PATIENCE = Duration.ofMinutes(5);

    private final ElasticsearchClient client;
    private final IndexDefinitions definitions;
    private final SearchProperties properties;
    private final Map<String, SearchSource> sources;
    private final DocumentWriter writer;
    private final Clock clock;
    /** Index being filled by a running rebuild, per definition name. */
    private final Map<String, Rebuild> rebuilding = new ConcurrentHashMap<>();

    private record Rebuild(String index, long expected, AtomicLong loaded) {
    }

    SearchIndices(ElasticsearchClient client, IndexDefinitions definitions, SearchProperties properties,
                  List<SearchSource> sources, DocumentWriter writer, Clock clock) {
        this.client = client;
        this.definitions = definitions;
        this.properties = properties;
        this.sources = new ConcurrentHashMap<>();
        sources.forEach(source -> this.sources.put(source.index(), source));
        this.writer = writer;
        this.clock = clock;
    }

    String alias(String name) {
        return properties.alias(name);
    }

    /** Where changes to {@code name} are written: the alias, and the index a running rebuild fills. */
    List<String> writeTargets(String name) {
        Rebuild running = rebuilding.get(name);
        return running == null ? List.of(alias(name)) : List.of(alias(name), running.index());
    }

    /**
     * Makes every defined index usable: creates (and fills) those that do not exist, rebuilds
     * those built from an older definition. Returns the names that need a rebuild in the background.
     */
    List<String> ensureAll() {
        List<String> outdated = new ArrayList<>();
        for (IndexDefinitions.Definition definition : definitions.all()) {
            try {
                Optional<String> current = currentIndex(definition.name());
                if (current.isEmpty()) {
                    // A fixed name for the first index, so that instances starting together create it once.
                    String index = alias(definition.name()) + "-v" + definition.version() + "-initial";
                    createIfAbsent(index, definition);
                    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias(definition.name())))));
                    log.info("Search index {} created as {}", alias(definition.name()), index);
                    outdated.add(definition.name());
                } else if (builtFrom(current.get()) < definition.version()) {
                    log.info("Search index {} was built from an older definition; rebuilding", alias(definition.name()));
                    outdated.add(definition.name());
                }
            } catch (IOException | ElasticsearchException e) {
                throw new SearchUnavailableException(e);
            }
        }
        return outdated;
    }

    /** Builds a new index for {@code name} from its source and moves the alias to it. */
    RebuildReport rebuild(String name, DoubleConsumer progress) {
        IndexDefinitions.Definition definition = definitions.get(name);
        SearchSource source = sources.get(name);
        if (source == null) {
            throw new IllegalStateException("No source fills the index " + name);
        }
        long started = System.nanoTime();
        String lock = alias(name) + "-rebuild-lock";
        String index;
        try {
            acquire(lock);
            index = createIndex(definition);
        } catch (IOException | ElasticsearchException e) {
            releaseQuietly(lock);
            throw new SearchUnavailableException(e);
        }
        Rebuild rebuild = new Rebuild(index, Math.max(1, source.estimatedDocuments()), new AtomicLong());
        rebuilding.put(name, rebuild);
        try {
            // Bulk loading: no refreshes and no fsync per request until the index is complete.
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))
                    .translog(t -> t.durability(TranslogDurability.Async))));
            try (BulkPipeline pipeline = new BulkPipeline(properties.rebuildParallelism(), BULK_PATIENCE)) {
                source.forEachBatch(properties.rebuildBatchSize(), batch -> pipeline.submit(() -> {
                    writer.write(List.of(index), batch);
                    long loaded = rebuild.loaded().addAndGet(batch.size());
                    progress.accept(Math.min(1.0, (double) loaded / rebuild.expected()));
                }));
                pipeline.await();
            }
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))
                    .translog(t -> t.durability(TranslogDurability.Request))));
            client.indices().refresh(r -> r.index(index));
            List<String> previous = aliasedIndices(name);
            client.indices().updateAliases(u -> {
                previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias(name)))));
                return u.actions(a -> a.add(add -> add.index(index).alias(alias(name))));
            });
            previous.forEach(this::deleteQuietly);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("Search index {} rebuilt as {}: {} documents in {} ms", alias(name), index, rebuild.loaded().get(),
                    took.toMillis());
            progress.accept(1.0);
            return new RebuildReport(name, index, rebuild.loaded().get(), took);
        } catch (IOException | ElasticsearchException e) {
            deleteQuietly(index);
            throw new SearchUnavailableException(e);
        } catch (RuntimeException e) {
            deleteQuietly(index);
            throw e;
        } finally {
            rebuilding.remove(name);
            releaseQuietly(lock);
        }
    }

    /**
     * A rebuild lock shared by every instance of the application: an empty index that only one
     * can create. A lock older than {@link #STALE_LOCK} is taken to be left by a crashed instance.
     */
    private void acquire(String lock) throws IOException {
        try {
            client.indices().create(c -> c.index(lock).settings(s -> s.numberOfShards("1").numberOfReplicas("0")));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            Long created = client.indices().getSettings(g -> g.index(lock).name("index.creation_date"))
                    .get(lock).settings().index().creationDate();
            long age = clock.millis() - (created == null ? 0 : created);
            if (age < STALE_LOCK.toMillis()) {
                throw new IllegalStateException("A rebuild of " + lock.replace("-rebuild-lock", "") + " is already running");
            }
            log.warn("Taking over a rebuild lock {} left {} minutes ago", lock, age / 60_000);
            client.indices().delete(d -> d.index(lock));
            client.indices().create(c -> c.index(lock).settings(s -> s.numberOfShards("1").numberOfReplicas("0")));
        }
    }

    private void releaseQuietly(String lock) {
        deleteQuietly(lock);
    }

    private void createIfAbsent(String index, IndexDefinitions.Definition definition) throws IOException {
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(definition.json())));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    List<IndexStatus> status() {
        List<IndexStatus> result = new ArrayList<>();
        for (IndexDefinitions.Definition definition : definitions.all()) {
            Rebuild running = rebuilding.get(definition.name());
            Double progress = running == null ? null : Math.min(1.0, (double) running.loaded().get() / running.expected());
            try {
                Optional<String> current = currentIndex(definition.name());
                long documents = current.isEmpty() ? 0
                        : client.count(c -> c.index(alias(definition.name()))).count();
                result.add(new IndexStatus(definition.name(), alias(definition.name()), current.orElse(null),
                        definition.version(), current.map(this::builtFromQuietly).orElse(0), documents, progress));
            } catch (IOException | ElasticsearchException e) {
                throw new SearchUnavailableException(e);
            }
        }
        return result;
    }

    private String createIndex(IndexDefinitions.Definition definition) throws IOException {
        String index = alias(definition.name()) + "-v" + definition.version() + "-" + clock.millis();
        client.indices().create(c -> c.index(index).withJson(new StringReader(definition.json())));
        return index;
    }

    private Optional<String> currentIndex(String name) throws IOException {
        List<String> indices = aliasedIndices(name);
        return indices.isEmpty() ? Optional.empty() : Optional.of(indices.getFirst());
    }

    private List<String> aliasedIndices(String name) throws IOException {
        if (!client.indices().existsAlias(e -> e.name(alias(name))).value()) {
            return List.of();
        }
        return List.copyOf(client.indices().getAlias(g -> g.name(alias(name))).aliases().keySet());
    }

    private int builtFrom(String index) throws IOException {
        Map<String, JsonData> meta = client.indices().getMapping(g -> g.index(index)).get(index).mappings().meta();
        JsonData version = meta == null ? null : meta.get("version");
        return version == null ? 0 : version.to(Integer.class);
    }

    private int builtFromQuietly(String index) {
        try {
            return builtFrom(index);
        } catch (IOException e) {
            return 0;
        }
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException | ElasticsearchException e) {
            log.warn("Could not delete search index {}: {}", index, e.getMessage());
        }
    }
}
