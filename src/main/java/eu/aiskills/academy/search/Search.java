package eu.aiskills.academy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.talent.Candidates;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
    /** Fields searched for the words as typed (each text is in its language's fields and the neutral ones). */
    private static final List<String> TEXT_FIELDS = List.of(
            "title^4", "en.title^3", "de.title^3", "fr.title^3",
            "skills.text^3",
            "summary^2", "en.summary^1.5", "de.summary^1.5", "fr.summary^1.5",
            "body", "en.body", "de.body", "fr.body",
            "document_text^0.5", "en.document_text^0.5", "de.document_text^0.5", "fr.document_text^0.5");
    /**
     * Short fields also searched with typos tolerated: one typo in words of 5 to 8 letters, two
     * in longer ones (fuzzy matching in long text, or of short words, costs more than it finds).
     */
    private static final List<String> TYPO_FIELDS = List.of("title^2", "skills.text");
    private static final String TYPOS = "AUTO:5,9";
    private static final List<String> SNIPPET_FIELDS = List.of("en.body", "de.body", "fr.body", "body",
            "en.summary", "de.summary", "fr.summary", "summary",
            "en.document_text", "de.document_text", "fr.document_text", "document_text", "title");
    /** Fields whose beginning stands in for a snippet when nothing in them matched. */
    private static final Set<String> LEAD_FIELDS = Set.of("en.body", "de.body", "fr.body", "body", "summary");
    /** Published courses and lessons are public; postings and calls while they take applications (closed calls for reviewers too). */
    private static final Set<String> PUBLIC_TYPES = Set.of("course", "lesson");
    private static final String CLOSES_AT = "closes_at";

    private static final List<String> CANDIDATE_TEXT = List.of("title^3", "en.title^3", "de.title^3", "fr.title^3", "skills.text^3",
            "body", "en.body", "de.body", "fr.body");
    private static final List<String> CANDIDATE_SNIPPETS = List.of("en.body", "de.body", "fr.body", "body");

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final Candidates candidates;

    Search(ElasticsearchClient client, SearchProperties properties, Candidates candidates) {
        this.client = client;
        this.properties = properties;
        this.candidates = candidates;
    }

    /**
     * Candidates for an employer: only profiles whose owners consent to employers seeing them
     * (the index holds no others, and each hit is checked against the profile as it is now).
     */
    @RolesAllowed(Roles.EMPLOYER)
    public CandidateSearch.Results candidates(CandidateSearch search) {
        try {
            SearchResponse<Map> response = client.search(s -> {
                s.index(alias(CANDIDATES))
                        .query(q -> q.bool(b -> {
                            b.filter(f -> f.terms(t -> t.field("visibility").terms(v -> v.value(List.of(FieldValue.of("EMPLOYERS"),
                                    FieldValue.of("OPEN_TO_OFFERS"))))));
                            if (!search.text().isEmpty()) {
                                b.must(m -> m.multiMatch(mm -> mm.query(search.text()).fields(CANDIDATE_TEXT).type(TextQueryType.BestFields)
                                        .tieBreaker(0.3).fuzziness(TYPOS).prefixLength(1).maxExpansions(20)));
                            }
                            return b;
                        }))
                        .from(search.page() * search.pageSize()).size(search.pageSize())
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
                                SortOptions.of(o -> o.field(f -> f.field("updated_at").order(SortOrder.Desc))))
                        .highlight(h -> {
                            h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>").fragmentSize(180).numberOfFragments(1);
                            CANDIDATE_SNIPPETS.forEach(field -> h.fields(NamedValue.of(field,
                                    co.elastic.clients.elasticsearch.core.search.HighlightField.of(f -> f.noMatchSize(180)))));
                            return h;
                        });
                if (!search.filters().isEmpty()) {
                    s.postFilter(filters(search.filters(), null));
                }
                for (String facet : CandidateSearch.FACETS) {
                    s.aggregations(facet, a -> a.filter(filters(search.filters(), facet))
                            .aggregations("values", v -> v.terms(t -> t.field(facet).size(30))));
                }
                return s;
            }, Map.class);
            List<CandidateSearch.Hit> found = response.hits().hits().stream().map(Search::toCandidate).toList();
            var stillVisible = candidates.visibleToEmployers(found.stream().map(h -> new AccountId(h.account())).toList());
            List<CandidateSearch.Hit> hits = found.stream().filter(h -> stillVisible.contains(new AccountId(h.account()))).toList();
            Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
            for (String facet : CandidateSearch.FACETS) {
                facets.put(facet, response.aggregations().get(facet).filter().aggregations().get("values").sterms().buckets().array()
                        .stream()
                        .map((StringTermsBucket b) -> new FacetValue(b.key().stringValue(), b.docCount())).toList());
            }
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new CandidateSearch.Results(search, total - (found.size() - hits.size()), hits, facets);
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static CandidateSearch.Hit toCandidate(Hit<Map> hit) {
        Map<?, ?> source = hit.source() == null ? Map.of() : hit.source();
        return new CandidateSearch.Hit(java.util.UUID.fromString(string(source.get("account"))), string(source.get("name")),
                string(source.get("title")), string(source.get("country")), string(source.get("city")),
                source.get("skills") instanceof List<?> l ? (List<String>) l : List.of(),
                source.get("verified_skills") instanceof List<?> v ? (List<String>) v : List.of(), snippet(hit, CANDIDATE_SNIPPETS));
    }

    /**
     * A hit's snippet, sanitised: the first fragment of {@code fields} with a match; else the first
     * fragment at all (a field's beginning, where it has one); else empty.
     */
    private static String snippet(Hit<Map> hit, List<String> fields) {
        String lead = null;
        if (hit.highlight() != null) {
            for (String field : fields) {
                List<String> fragments = hit.highlight().get(field);
                if (fragments != null && !fragments.isEmpty()) {
                    if (fragments.getFirst().contains("<mark>")) {
                        return Markdown.sanitize(fragments.getFirst());
                    }
                    lead = lead == null ? fragments.getFirst() : lead;
                }
            }
        }
        return lead == null ? "" : Markdown.sanitize(lead);
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
        return properties.indexPrefix() + "-" + index;
    }

    /**
     * What the caller may open: courses and lessons (only published ones are indexed), postings
     * until they close, calls until they close or, for reviewers and administrators, after.
     */
    private static Query hidden(boolean reviewer) {
        List<FieldValue> closable = reviewer ? List.of(FieldValue.of("posting")) : List.of(FieldValue.of("call"), FieldValue.of("posting"));
        return Query.of(q -> q.bool(closed -> closed.filter(f -> f.terms(t -> t.field("type").terms(v -> v.value(closable))))
                .filter(f -> f.range(r -> r.date(d -> d.field(CLOSES_AT).lte("now"))))));
    }

    /** The types these two indices hold (their definitions allow no others); browsing without words lists only these. */
    private static final List<FieldValue> SEARCHED_TYPES = List.of(FieldValue.of("call"), FieldValue.of("course"),
            FieldValue.of("lesson"), FieldValue.of("posting"));

    private static Query visibleMatches(String text, boolean reviewer) {
        Query hidden = hidden(reviewer);
        if (text.isEmpty()) {
            Query known = Query.of(q -> q.terms(t -> t.field("type").terms(v -> v.value(SEARCHED_TYPES))));
            return Query.of(q -> q.bool(b -> b.filter(known).mustNot(hidden)));
        }
        return Query.of(q -> q.bool(b -> b.mustNot(hidden)
                .must(m -> m.bool(words -> words
                        .should(exactly(text))
                        .should(s -> s.multiMatch(mm -> mm.query(text).fields(TYPO_FIELDS).fuzziness(TYPOS)
                                .prefixLength(1).maxExpansions(20).boost(0.6f)))
                        .minimumShouldMatch("1")))));
    }

    /** A bonus for the words as a phrase in the title. */
    private static Query titlePhrase(String text) {
        return Query.of(q -> q.matchPhrase(p -> p.field("title").query(text).boost(3f)));
    }

    /** The words as typed, in every text field. */
    private static Query exactly(String text) {
        return Query.of(q -> q.multiMatch(mm -> mm.query(text).fields(TEXT_FIELDS).type(TextQueryType.BestFields).tieBreaker(0.3)));
    }

    /** All facet filters, or all but {@code except} (so that a facet's own choices do not hide its other values). */
    private static Query filters(Map<String, Set<String>> filters, String except) {
        return Query.of(q -> q.bool(b -> {
            filters.forEach((facet, values) -> {
                if (facet.equals(except)) {
                    return;
                }
                if (STARTS.equals(facet)) {
                    b.filter(f -> f.bool(any -> {
                        values.stream().sorted().forEach(value -> any.should(startsWithin(value)));
                        return any.minimumShouldMatch("1");
                    }));
                } else {
                    b.filter(f -> f.terms(t -> t.field(facet)
                            .terms(v -> v.value(values.stream().sorted().map(FieldValue::of).toList()))));
                }
            });
            return b;
        }));
    }

    /** A facet's values with their counts. */
    private static Aggregation values(String facet) {
        if (STARTS.equals(facet)) {
            return Aggregation.of(v -> v.dateRange(dr -> {
                        dr.field(STARTS_ON);
                        for (String key : SearchQuery.STARTS) {
                            String[] bounds = startBounds(key);
                            dr.ranges(r -> {
                                r.key(key).from(from -> from.expr(bounds[0]));
                                if (bounds[1] != null) {
                                    r.to(to -> to.expr(bounds[1]));
                                }
                                return r;
                            });
                        }
                        return dr;
                    }));
        }
        return Aggregation.of(v -> v.terms(t -> t.field(facet).size(30)));
    }

    private static final String STARTS = "starts";
    private static final String STARTS_ON = "starts_on";

    /** Date-math bounds of a {@code starts} value, rounded to days: [from, to), {@code to} null for open-ended. */
    private static String[] startBounds(String key) {
        return switch (key) {
            case "within-month" -> new String[] {"now/d", "now+1M/d"};
            case "within-quarter" -> new String[] {"now+1M/d", "now+3M/d"};
            default -> new String[] {"now+3M/d", null};
        };
    }

    private static Query startsWithin(String key) {
        String[] bounds = startBounds(key);
        return Query.of(q -> q.range(r -> r.date(d -> {
            d.field(STARTS_ON).gte(bounds[0]);
            if (bounds[1] != null) {
                d.lt(bounds[1]);
            }
            return d;
        })));
    }

    private static Highlight highlight(String text) {
        return Highlight.of(h -> {
            h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>").fragmentSize(180).numberOfFragments(1);
            if (!text.isEmpty()) {
                h.highlightQuery(q -> q.multiMatch(mm -> mm.query(text).fields(SNIPPET_FIELDS)));
            }
            for (String field : SNIPPET_FIELDS) {
                h.fields(NamedValue.of(field, co.elastic.clients.elasticsearch.core.search.HighlightField.of(f ->
                        LEAD_FIELDS.contains(field) ? f.noMatchSize(180) : f)));
            }
            return h;
        });
    }

    private static List<SortOptions> order(SearchOrder order) {
        return switch (order) {
            case RELEVANCE -> List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
                    SortOptions.of(o -> o.field(f -> f.field("updated_at").order(SortOrder.Desc))));
            case NEWEST -> List.of(SortOptions.of(o -> o.field(f -> f.field("updated_at").order(SortOrder.Desc))));
            case TITLE -> List.of(SortOptions.of(o -> o.field(f -> f.field("title.sort").order(SortOrder.Asc))));
            case STARTING -> List.of(SortOptions.of(o -> o.field(f -> f.field(STARTS_ON).order(SortOrder.Asc)
                            .missing(FieldValue.of("_last")))),
                    SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        };
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

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
