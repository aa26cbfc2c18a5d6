package eu.aiskills.academy.search;

import static eu.aiskills.academy.search.internal.SearchQueries.CLOSES_AT;
import static eu.aiskills.academy.search.internal.SearchQueries.SNIPPET_FIELDS;
import static eu.aiskills.academy.search.internal.SearchQueries.STARTS;
import static eu.aiskills.academy.search.internal.SearchQueries.filters;
import static eu.aiskills.academy.search.internal.SearchQueries.highlight;
import static eu.aiskills.academy.search.internal.SearchQueries.order;
import static eu.aiskills.academy.search.internal.SearchQueries.snippet;
import static eu.aiskills.academy.search.internal.SearchQueries.string;
import static eu.aiskills.academy.search.internal.SearchQueries.titlePhrase;
import static eu.aiskills.academy.search.internal.SearchQueries.values;
import static eu.aiskills.academy.search.internal.SearchQueries.visibleMatches;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;

/**
 * Searching the catalogue: full text with field boosts, typo tolerance and English, German and
 * French analysis at once; multi-select facets with counts; highlighted snippets; suggestions
 * while typing; related courses. Results only ever contain what the caller may open.
 */
@Service
public class Search {

    static final String CATALOGUE = "catalogue";
    static final String OPPORTUNITIES = "opportunities";
    static final String CANDIDATES = "candidates";
    /** Published courses and lessons are public; postings and calls while they take applications (closed calls for reviewers too). */
    private static final Set<String> PUBLIC_TYPES = Set.of("course", "lesson");
    private final ElasticsearchClient client;
    private final SearchProperties properties;

    Search(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @PermitAll
    public SearchResults catalogue(SearchQuery query) {
        try {
            SearchResponse<Map> response = client.search(catalogueRequest(query), Map.class);
            List<SearchHit> hits = response.hits().hits().stream().map(Search::toHit).toList();
            Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
            for (String facet : SearchQuery.FACETS) {
                var values = query.filters().containsKey(facet)
                        ? response.aggregations().get(facet).filter().aggregations().get("values")
                        : response.aggregations().get(OTHER_FACETS).filter().aggregations().get(facet);
                if (STARTS.equals(facet)) {
                    facets.put(facet, values.dateRange().buckets().array().stream()
                            .filter(b -> b.docCount() > 0).map(b -> new FacetValue(b.key(), b.docCount())).toList());
                } else {
                    facets.put(facet, values.sterms().buckets().array().stream()
                            .map((StringTermsBucket b) -> new FacetValue(b.key().stringValue(), b.docCount())).toList());
                }
            }
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new SearchResults(query, total, hits, facets);
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /**
     * The request {@link #catalogue} sends (the benchmarks send it to the engine directly, too).
     * Three choices keep it cheap on a large index (measured in docs/benchmarks.md): what may not
     * be seen is excluded ({@code must_not} over the few closed roles and calls) rather than what
     * may be seen included (a filter over every document); the title-phrase bonus rescoring only the
     * best 50 rather than scoring every match; and the facets without a chosen value counted under
     * one shared filter, so the filters are evaluated once rather than once per facet.
     */
    SearchRequest catalogueRequest(SearchQuery query) {
        return SearchRequest.of(s -> {
            s.index(alias(), alias(OPPORTUNITIES))
                    .query(visibleMatches(query.text(), CurrentUser.hasRole(Roles.REVIEWER) || CurrentUser.hasRole(Roles.ADMIN)))
                    .from(query.page() * query.pageSize())
                    .size(query.pageSize())
                    .trackTotalHits(t -> t.enabled(true))
                    // Only what a result shows: the texts themselves stay in the engine (a third of the bytes).
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                    .highlight(highlight(query.text()));
            if (query.order() == SearchOrder.RELEVANCE) {
                // Sorted by score alone: a rescore cannot follow an explicit sort.
                if (!query.text().isEmpty()) {
                    s.rescore(r -> r.windowSize(50).query(rq -> rq.query(titlePhrase(query.text()))));
                }
            } else {
                s.sort(order(query.order()));
            }
            if (!query.filters().isEmpty()) {
                s.postFilter(filters(query.filters(), null));
            }
            Map<String, Aggregation> others = new LinkedHashMap<>();
            for (String facet : SearchQuery.FACETS) {
                if (query.filters().containsKey(facet)) {
                    s.aggregations(facet, a -> a.filter(filters(query.filters(), facet)).aggregations("values", values(facet)));
                } else {
                    others.put(facet, values(facet));
                }
            }
            s.aggregations(OTHER_FACETS, a -> a.filter(filters(query.filters(), null)).aggregations(others));
            return s;
        });
    }

    /** The source fields {@link #toHit} reads. */
    private static final List<String> HIT_FIELDS = List.of("type", "slug", "course_slug", "title", "course_title", "level", "language",
            "organisation");

    /** The aggregation under which the facets without a chosen value are counted together. */
    private static final String OTHER_FACETS = "facets";

    /** Completions for what the person has typed so far. */
    @PermitAll
    public List<Suggestion> suggest(String prefix, int max) {
        String text = prefix == null ? "" : prefix.strip();
        if (text.isEmpty() || text.length() > SearchQuery.TEXT_MAX_LENGTH) {
            return List.of();
        }
        int size = Math.clamp(max, 1, 20);
        try {
            SearchResponse<Map> response = client.search(s -> s.index(alias(), alias(OPPORTUNITIES))
                            .source(src -> src.filter(f -> f.includes("type", CLOSES_AT)))
                    .suggest(g -> g.suggesters("completion", x -> x.prefix(text)
                            .completion(c -> c.field("suggest").size(size).skipDuplicates(true)))), Map.class);
            List<Suggestion> suggestions = new ArrayList<>();
            for (CompletionSuggestOption<Map> option : response.suggest().get("completion").getFirst().completion().options()) {
                Object type = option.source() == null ? null : option.source().get("type");
                Object closes = option.source() == null ? null : option.source().get(CLOSES_AT);
                boolean open = closes != null && java.time.Instant.parse(closes.toString()).isAfter(java.time.Instant.now());
                if (type == null || PUBLIC_TYPES.contains(type.toString()) || open) {
                    suggestions.add(new Suggestion(option.text(), type == null ? null : type.toString()));
                }
            }
            return suggestions;
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /** Courses like the one with {@code courseSlug}, most similar first. */
    @PermitAll
    public List<SearchHit> relatedCourses(String courseSlug, int max) {
        int size = Math.clamp(max, 1, 20);
        try {
            List<Hit<Void>> self = client.search(s -> s.index(alias()).size(1).source(src -> src.fetch(false))
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("type").value("course")))
                            .filter(f -> f.term(t -> t.field("course_slug").value(courseSlug))))), Void.class).hits().hits();
            if (self.isEmpty()) {
                return List.of();
            }
            String id = self.getFirst().id();
            return client.search(s -> s.index(alias()).size(size)
                    .query(q -> q.bool(b -> b
                            .must(m -> m.moreLikeThis(l -> l.fields("title", "summary", "en.title", "en.summary", "en.body",
                                            "de.title", "de.summary", "de.body", "fr.title", "fr.summary", "fr.body", "body",
                                            "skills.text")
                                    .like(like -> like.document(d -> d.index(alias()).id(id)))
                                    .minTermFreq(1).minDocFreq(1).maxQueryTerms(30).minimumShouldMatch("10%")))
                            .filter(f -> f.term(t -> t.field("type").value("course")))))
                    .highlight(highlight("")), Map.class).hits().hits().stream().map(Search::toHit).toList();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    private String alias() {
        return alias(CATALOGUE);
    }

    String alias(String index) {
        return properties.alias(index);
    }

    private static SearchHit toHit(Hit<Map> hit) {
        Map<?, ?> source = hit.source() == null ? Map.of() : hit.source();
        String type = string(source.get("type"));
        String slug = string(source.get("slug"));
        String courseSlug = string(source.get("course_slug"));
        String path = switch (type == null ? "" : type) {
            case "lesson" -> "courses/" + courseSlug + "/lessons/" + slug;
            case "posting" -> "postings/" + slug;
            case "call" -> "fellowships/" + slug;
            default -> "courses/" + slug;
        };
        return new SearchHit(type, hit.id(), string(source.get("title")),
                "lesson".equals(type) ? string(source.get("course_title"))
                        : "posting".equals(type) ? string(source.get("organisation")) : null,
                snippet(hit, SNIPPET_FIELDS), path, string(source.get("level")),
                string(source.get("language")));
    }


}
