package eu.aiskills.academy.search.ui;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the search views keep in the address (words {@code q}, one parameter per facet, {@code page}
 * counted from 1): the same for the catalogue and candidates.
 */
final class SearchAddress {

    private SearchAddress() {
    }

    /**
     * Words, filters, a view's own parameters ({@code more}) and page as address parameters; empty
     * words and the first page are left out.
     */
    static Map<String, List<String>> parameters(String text, Map<String, Set<String>> filters, Map<String, String> more, int page) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            parameters.put("q", List.of(text));
        }
        filters.forEach((facet, values) -> parameters.put(facet, values.stream().sorted().toList()));
        more.forEach((name, value) -> parameters.put(name, List.of(value)));
        if (page > 0) {
            parameters.put("page", List.of(Integer.toString(page + 1)));
        }
        return parameters;
    }

    static String text(Map<String, List<String>> values) {
        return values.getOrDefault("q", List.of("")).getFirst();
    }

    /** The chosen values of each of {@code facets} that the address names. */
    static Map<String, Set<String>> filters(Map<String, List<String>> values, Collection<String> facets) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        for (String facet : facets) {
            List<String> chosen = values.get(facet);
            if (chosen != null && !chosen.isEmpty()) {
                filters.put(facet, Set.copyOf(chosen));
            }
        }
        return filters;
    }
}
