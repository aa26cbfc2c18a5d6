package eu.aiskills.academy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import eu.aiskills.academy.catalogue.CourseDocument;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseIndexFeed;
import eu.aiskills.academy.catalogue.CoursePublished;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.BenchmarkReport.Latencies;
import eu.aiskills.academy.testsupport.BenchmarkReport;
import eu.aiskills.academy.testsupport.GeneratedCourses;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search on 100,000 generated courses (and their lessons) in the embedded engine: full rebuild
 * time, latency of a faceted, highlighted search through the application's service and of the
 * same request sent straight to the engine, at 1 and 16 concurrent clients, and the lag from a
 * catalogue event to a searchable change.
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles("test")
class SearchBenchmark {

    static final int COURSES = Integer.getInteger("bench.courses", 100_000);
    static final int LESSONS_PER_COURSE = 2;
    static final int MEASURED_QUERIES = 2_000;
    static final int LAG_SAMPLES = 60;
    static final List<String> QUERIES = List.of("transformer attention", "neuronale Netze", "apprentissage profond",
            "gradient descent", "federated learning privacy", "Sprachmodelle Feinabstimmung", "Slurm scheduling",
            "reinforcment learning", "vison transformers", "diffusion", "graph neural networks", "Zeitreihenanalyse",
            "explicabilité", "MLOps pipelines", "modèles de langage", "medical imaging", "energy-efficient training",
            "Robotik", "séries temporelles", "knowledge distillation");

    @Autowired
    Search search;
    @Autowired
    SearchAdministration administration;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    Rest5Client rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CourseIndexFeed feed;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void searchOnAHundredThousandCourses() throws Exception {
        long loadStart = System.nanoTime();
        GeneratedCourses.Loaded corpus = GeneratedCourses.insert(jdbc, COURSES, LESSONS_PER_COURSE, 42);
        Duration load = Duration.ofNanos(System.nanoTime() - loadStart);

        long readStart = System.nanoTime();
        long read = SystemActor.call(() -> {
            long records = 0;
            CourseId after = null;
            for (List<CourseDocument> page = feed.indexableAfter(null, 500); !page.isEmpty();
                 page = feed.indexableAfter(after, 500)) {
                records += page.size();
                after = page.getLast().id();
            }
            return records;
        });
        Duration sourceRead = Duration.ofNanos(System.nanoTime() - readStart);
        assertThat(read).isGreaterThanOrEqualTo(COURSES);

        RebuildReport rebuild = SystemActor.call(() -> administration.rebuild("catalogue", progress -> { }));
        assertThat(rebuild.documents()).isGreaterThanOrEqualTo(COURSES * (1L + LESSONS_PER_COURSE));
        if (Boolean.getBoolean("bench.rebuild-only")) {
            // For profiling the rebuild alone; reports nothing.
            System.out.printf("BENCH read %s, rebuild %s%n", sourceRead, rebuild.took());
            // Optionally keeps the engine up to try queries against it by hand.
            Thread.sleep(Duration.ofSeconds(Long.getLong("bench.pause-seconds", 0)));
            return;
        }

        List<SearchQuery> queries = queries();
        // Every index the service searches (the catalogue's and the opportunities'), as it does.
        String indices = String.join(",", search.catalogueRequest(queries.getFirst()).index());
        List<String> bodies = queries.stream()
                .map(q -> JsonpUtils.toJsonString(search.catalogueRequest(q), client._jsonpMapper())).toList();
        for (int i = 0; i < 400; i++) {
            search.catalogue(queries.get(i % queries.size()));
            direct(indices, bodies.get(i % bodies.size()));
        }
        assertThat(search.catalogue(queries.getFirst()).total()).isPositive();

        List<String> rows = new ArrayList<>();
        double[] ratios = new double[4];
        int row = 0;
        for (int clients : new int[]{1, 16}) {
            Run app = measure(clients, i -> search.catalogue(queries.get(i % queries.size())));
            Run engine = measure(clients, i -> direct(indices, bodies.get(i % bodies.size())));
            ratios[row++] = app.latencies().p50() / engine.latencies().p50();
            ratios[row++] = app.latencies().p95() / engine.latencies().p95();
            rows.add(row("application service", clients, app));
            rows.add(row("engine directly", clients, engine));
        }
        Latencies lag = indexingLag(corpus);

        BenchmarkReport.write("search", String.format(Locale.ROOT, "Search on %,d courses (embedded Elasticsearch)", COURSES), String.format(Locale.ROOT, """
                Corpus: %,d generated courses (60 %% English, 20 %% German, 20 %% French; titles, summaries, Markdown
                descriptions) with %,d lessons, %.0f MB of text, loaded into H2 in %.1f s. Index: %,d documents.

                | measure | result | target |
                | --- | --- | --- |
                | full rebuild (new index, bulk load from the database, alias swap) | %.1f s | under 60 s |
                | of which reading the courses from the database (measured alone) | %.1f s | |
                | indexing lag, event to searchable, p50 / p95 / max (%d changes) | %.0f / %.0f / %.0f ms | p95 under 2 s |
                | overhead of the application, 1 client, p50 / p95 | %.2fx / %.2fx | at most 1.3x |
                | overhead of the application, 16 clients, p50 / p95 | %.2fx / %.2fx | at most 1.3x |

                Faceted, highlighted search (%d different queries, with and without facet filters, 8 facets,
                highlights, 10 hits), %,d queries per row after 400 of warm-up; "engine directly" sends the same JSON
                request to the same indices over HTTP with the low-level client and reads the response body without
                parsing it.

                | path | clients | p50 ms | p95 ms | p99 ms | max ms | queries/s |
                | --- | --- | --- | --- | --- | --- | --- |
                %s
                """, COURSES, corpus.lessons(), corpus.characters() / 1e6, load.toMillis() / 1000.0, rebuild.documents(),
                rebuild.took().toMillis() / 1000.0, sourceRead.toMillis() / 1000.0, LAG_SAMPLES, lag.p50(), lag.p95(), lag.max(),
                ratios[0], ratios[1], ratios[2], ratios[3], queries.size(), MEASURED_QUERIES, String.join("\n", rows)));
    }

    private static List<SearchQuery> queries() {
        List<SearchQuery> queries = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < QUERIES.size() * 2; i++) {
            String text = QUERIES.get(i % QUERIES.size());
            Map<String, Set<String>> filters = switch (i % 4) {
                case 0 -> Map.of();
                case 1 -> Map.of("level", Set.of(GeneratedCourses.LEVELS[random.nextInt(3)]));
                case 2 -> Map.of("level", Set.of(GeneratedCourses.LEVELS[random.nextInt(3)]), "language", Set.of("en", "de"));
                default -> Map.of("type", Set.of("course"));
            };
            queries.add(new SearchQuery(text, filters, i % 5 == 0 ? SearchOrder.NEWEST : SearchOrder.RELEVANCE, 0, 10));
        }
        Collections.shuffle(queries, random);
        return queries;
    }

    private record Run(Latencies latencies, double perSecond) {
    }

    private static Run measure(int clients, Consumer<Integer> query) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        int perClient = MEASURED_QUERIES / clients;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c * 7;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        query.accept(offset + i);
                        nanos.add(System.nanoTime() - t);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(Latencies.of(new ArrayList<>(nanos)), nanos.size() / seconds);
    }

    private void direct(String indices, String body) {
        try {
            Request request = new Request("POST", "/" + indices + "/_search");
            request.addParameter("typed_keys", "true");
            request.setJsonEntity(body);
            Response response = rest.performRequest(request);
            EntityUtils.toByteArray(response.getEntity());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Renames courses through catalogue events and waits until each new title is found. */
    private Latencies indexingLag(GeneratedCourses.Loaded corpus) throws InterruptedException {
        Random random = new Random(11);
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < LAG_SAMPLES; i++) {
            int n = random.nextInt(corpus.ids().size());
            UUID id = corpus.ids().get(n);
            String token = randomWord(random);
            transactions.executeWithoutResult(status -> {
                jdbc.update("UPDATE course SET title = CONCAT(title, ?), version = version + 1 WHERE id = ?",
                        " " + token, id.toString());
                long version = jdbc.queryForObject("SELECT version FROM course WHERE id = ?", Long.class, id.toString());
                events.publishEvent(new CoursePublished(new CourseId(id), corpus.slugs().get(n), version, CoursePublished.Change.IMPORTED, 1));
            });
            long committed = System.nanoTime();
            while (search.catalogue(SearchQuery.of(token)).total() == 0) {
                if (System.nanoTime() - committed > Duration.ofSeconds(30).toNanos()) {
                    throw new AssertionError("Change " + token + " not searchable after 30 s");
                }
                Thread.sleep(5);
            }
            lags.add(System.nanoTime() - committed);
        }
        return Latencies.of(lags);
    }

    private static String randomWord(Random random) {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String row(String path, int clients, Run run) {
        Latencies l = run.latencies();
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f |", path, clients, l.p50(), l.p95(),
                l.p99(), l.max(), run.perSecond());
    }
}
