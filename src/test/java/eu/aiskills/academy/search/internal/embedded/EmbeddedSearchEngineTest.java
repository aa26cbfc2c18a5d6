package eu.aiskills.academy.search.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded node is a real Elasticsearch: the features the platform relies on work through the official client. */
class EmbeddedSearchEngineTest {

    @TempDir
    Path dir;

    @Test
    void servesTheFeaturesThePlatformUses() throws Exception {
        java.util.Set<Long> before = Thread.getAllStackTraces().keySet().stream().map(Thread::threadId)
                .collect(java.util.stream.Collectors.toSet());
        try (EmbeddedSearchEngine engine = EmbeddedSearchEngine.start(dir.resolve("home"), dir.resolve("data"), 0);
             Rest5Client rest = Rest5Client.builder(URI.create(engine.uri())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
            assertThat(client.info().version().number()).startsWith("9.");
            assertThat(client.ping().value()).isTrue();
            // Bulk bodies are read whole: the streamed path once stalled a rebuild (decision 0008).
            String settings = new String(rest.performRequest(new co.elastic.clients.transport.rest5_client.low_level.Request("GET",
                    "/_nodes/_local/settings?flat_settings=true")).getEntity().getContent().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(settings).contains("\"rest.incremental_bulk\":\"false\"");
            assertThat(client.cluster().health(h -> h.waitForStatus(HealthStatus.Yellow)).status())
                    .isIn(HealthStatus.Green, HealthStatus.Yellow);

            client.indices().create(c -> c.index("probe").withJson(new StringReader("""
                    {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
                       "analysis": {"analyzer": {"folded": {"type": "custom", "tokenizer": "standard",
                                                          "filter": ["lowercase", "asciifolding"]}}}},
                     "mappings": {"properties": {
                       "title": {"type": "text", "analyzer": "folded",
                                 "fields": {"en": {"type": "text", "analyzer": "english"},
                                            "de": {"type": "text", "analyzer": "german"},
                                            "fr": {"type": "text", "analyzer": "french"}}},
                       "level": {"type": "keyword"},
                       "suggest": {"type": "completion"}}}}
                    """)));
            index(client, "1", "Réseaux de neurones profonds", "ADVANCED");
            index(client, "2", "Training neural networks on GPUs", "INTERMEDIATE");
            index(client, "3", "Neuronale Netze trainieren", "INTERMEDIATE");

            SearchResponse<Map> english = client.search(s -> s.index("probe")
                    .query(q -> q.multiMatch(m -> m.query("network training").fields("title", "title.en", "title.de", "title.fr")))
                    .highlight(h -> h.fields(co.elastic.clients.util.NamedValue.of("title.en", co.elastic.clients.elasticsearch.core.search.HighlightField.of(f -> f))))
                    .aggregations("levels", a -> a.terms(t -> t.field("level"))), Map.class);
            assertThat(english.hits().hits().getFirst().id()).isEqualTo("2");
            assertThat(english.hits().hits().getFirst().highlight().get("title.en").getFirst()).contains("<em>");
            assertThat(english.aggregations().get("levels").sterms().buckets().array())
                    .singleElement().satisfies(b -> assertThat(b.key().stringValue()).isEqualTo("INTERMEDIATE"));
            SearchResponse<Map> all = client.search(s -> s.index("probe").size(0)
                    .aggregations("levels", a -> a.terms(t -> t.field("level"))), Map.class);
            assertThat(all.aggregations().get("levels").sterms().buckets().array())
                    .extracting(b -> b.key().stringValue() + "=" + b.docCount()).containsExactly("INTERMEDIATE=2", "ADVANCED=1");

            SearchResponse<Map> german = client.search(s -> s.index("probe")
                    .query(q -> q.match(m -> m.field("title.de").query("Netz"))), Map.class);
            assertThat(german.hits().hits()).extracting(h -> h.id()).containsExactly("3");

            SearchResponse<Map> folded = client.search(s -> s.index("probe")
                    .query(q -> q.match(m -> m.field("title").query("reseaux"))), Map.class);
            assertThat(folded.hits().hits()).extracting(h -> h.id()).containsExactly("1");

            SearchResponse<Map> typo = client.search(s -> s.index("probe")
                    .query(q -> q.match(m -> m.field("title.en").query("nueral").fuzziness("AUTO"))), Map.class);
            assertThat(typo.hits().hits()).isNotEmpty();

            SearchResponse<Map> suggestions = client.search(s -> s.index("probe")
                    .suggest(g -> g.suggesters("s", x -> x.prefix("neu").completion(c -> c.field("suggest")))), Map.class);
            assertThat(suggestions.suggest().get("s").getFirst().completion().options())
                    .extracting(o -> o.text()).containsExactlyInAnyOrder("Neuronale", "neural", "neurones");

            SearchResponse<Map> related = client.search(s -> s.index("probe")
                    .query(q -> q.moreLikeThis(m -> m.fields("title.en").like(l -> l.document(d -> d.index("probe").id("2")))
                            .minTermFreq(1).minDocFreq(1))), Map.class);
            assertThat(related.hits().hits()).isNotNull();
        }
        assertThat(Files.list(dir.resolve("data")).findAny()).isPresent();
        Thread.sleep(500);
        assertThat(Thread.getAllStackTraces().keySet()).as("no thread the engine started keeps the JVM alive after close")
                .filteredOn(t -> t.isAlive() && !t.isDaemon() && !before.contains(t.threadId()))
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("elasticsearch["));
    }

    private static void index(ElasticsearchClient client, String id, String title, String level) throws Exception {
        client.index(i -> i.index("probe").id(id).refresh(Refresh.WaitFor)
                .document(Map.of("title", title, "level", level, "suggest", Map.of("input", title.split(" ")))));
    }
}
