package eu.aiskills.academy.search.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.talent.MatchRelevance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Text relevance for matching, from the opportunities and candidates indices: the engine picks a
 * text's most telling words ("more like this" over the given text) and scores the documents that
 * share them. When the engine is down, matching hears nothing and ranks by skills alone.
 */
@Component
class SearchMatchRelevance implements MatchRelevance {

    private static final Logger log = LoggerFactory.getLogger(SearchMatchRelevance.class);
    /** The text fields postings and candidates share (both indices name them alike). */
    private static final List<String> TEXT_FIELDS = List.of("title", "en.title", "de.title", "fr.title", "skills.text",
            "body", "en.body", "de.body", "fr.body");

    private final ElasticsearchClient client;
    private final SearchIndices indices;

    SearchMatchRelevance(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    @Override
    public Map<UUID, Double> postingsFor(String text, int max) {
        return relevant(OpportunityIndexing.INDEX, TEXT_FIELDS, text, openPostings(), max,
                id -> UUID.fromString(id.substring("posting:".length())));
    }

    @Override
    public Map<AccountId, Double> candidatesFor(String text, int max) {
        Query openToOffers = Query.of(q -> q.term(t -> t.field("visibility").value("OPEN_TO_OFFERS")));
        return relevant(CandidateIndexing.INDEX, TEXT_FIELDS, text, openToOffers, max,
                id -> new AccountId(UUID.fromString(id.substring("candidate:".length()))));
    }

    @Override
    public List<UUID> similarPostings(UUID posting, int max) {
        String alias = indices.alias(OpportunityIndexing.INDEX);
        try {
            return client.search(s -> s.index(alias).size(Math.clamp(max, 1, 20)).source(src -> src.fetch(false))
                            .query(q -> q.bool(b -> b.must(m -> m.moreLikeThis(l -> l.fields(TEXT_FIELDS)
                                            .like(like -> like.document(d -> d.index(alias).id(OpportunityIndexing.postingId(posting))))
                                            .minTermFreq(1).minDocFreq(1).maxQueryTerms(30).minimumShouldMatch("10%")))
                                    .filter(openPostings()))), Void.class)
                    .hits().hits().stream().map(hit -> UUID.fromString(hit.id().substring("posting:".length()))).toList();
        } catch (IOException | ElasticsearchException | IllegalArgumentException e) {
            log.debug("No similar postings: {}", e.getMessage());
            return List.of();
        }
    }

    private static Query openPostings() {
        return Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("type").value("posting")))
                .filter(f -> f.range(r -> r.date(d -> d.field("closes_at").gt("now"))))));
    }

    private <K> Map<K, Double> relevant(String index, List<String> fields, String text, Query filter, int max, Function<String, K> key) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            List<Hit<Void>> hits = client.search(s -> s.index(indices.alias(index)).size(Math.clamp(max, 1, 1_000))
                    .source(src -> src.fetch(false))
                    .query(q -> q.bool(b -> b.must(m -> m.moreLikeThis(l -> l.fields(fields).like(like -> like.text(text))
                                    .minTermFreq(1).minDocFreq(1).maxQueryTerms(40).minimumShouldMatch("1")))
                            .filter(filter))), Void.class).hits().hits();
            Map<K, Double> relevance = new LinkedHashMap<>();
            double best = hits.isEmpty() || hits.getFirst().score() == null ? 1 : hits.getFirst().score();
            for (Hit<Void> hit : hits) {
                relevance.put(key.apply(hit.id()), hit.score() == null || best <= 0 ? 0 : hit.score() / best);
            }
            return relevance;
        } catch (IOException | ElasticsearchException | IllegalArgumentException e) {
            log.debug("Text relevance unavailable: {}", e.getMessage());
            return Map.of();
        }
    }
}
