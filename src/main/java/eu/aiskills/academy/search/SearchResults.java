package eu.aiskills.academy.search;

import java.util.List;
import java.util.Map;

/** A page of results with the total, and for each facet the values with their counts. */
public record SearchResults(SearchQuery query, long total, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {

    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public int pages() {
        long capped = Math.min(total, SearchQuery.RESULT_WINDOW);
        return (int) Math.max(1, (capped + query.pageSize() - 1) / query.pageSize());
    }
}
