package eu.aiskills.academy.search;

import static eu.aiskills.academy.search.internal.SearchQueries.TYPOS;
import static eu.aiskills.academy.search.internal.SearchQueries.filters;
import static eu.aiskills.academy.search.internal.SearchQueries.snippet;
import static eu.aiskills.academy.search.internal.SearchQueries.string;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.talent.Candidates;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

/**
 * Employers search candidate profiles: full text over headlines, skills and experience with typos
 * tolerated, facets with counts, highlighted snippets. The index holds only profiles whose owners
 * consent to employers seeing them, and every hit is checked against the profile as it is now.
 */
@Service
public class CandidateFinder {

    private static final List<String> CANDIDATE_TEXT = List.of("title^3", "en.title^3", "de.title^3", "fr.title^3", "skills.text^3",
            "body", "en.body", "de.body", "fr.body");
    private static final List<String> CANDIDATE_SNIPPETS = List.of("en.body", "de.body", "fr.body", "body");

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final Candidates candidates;

    CandidateFinder(ElasticsearchClient client, SearchProperties properties, Candidates candidates) {
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
                s.index(properties.alias(Search.CANDIDATES))
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
                                    HighlightField.of(f -> f.noMatchSize(180)))));
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
            List<CandidateSearch.Hit> found = response.hits().hits().stream().map(CandidateFinder::toCandidate).toList();
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
        return new CandidateSearch.Hit(UUID.fromString(string(source.get("account"))), string(source.get("name")),
                string(source.get("title")), string(source.get("country")), string(source.get("city")),
                source.get("skills") instanceof List<?> l ? (List<String>) l : List.of(),
                source.get("verified_skills") instanceof List<?> v ? (List<String>) v : List.of(), snippet(hit, CANDIDATE_SNIPPETS));
    }
}
