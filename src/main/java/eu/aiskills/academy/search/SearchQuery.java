package eu.aiskills.academy.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import eu.aiskills.academy.shared.UserFacingException;

/**
 * What a person searches for: text (may be empty: then everything, filtered), facet filters,
 * order and page. Validates itself; the limits keep one query cheap for the engine.
 *
 * @param filters facet name to the values any of which a result must have ({@code type}, {@code level},
 *                {@code language}, {@code format}, {@code mode}, {@code sectors}, {@code skills}, {@code factories})
 */
public record SearchQuery(String text, Map<String, Set<String>> filters, SearchOrder order, int page, int pageSize) {

    public static final int TEXT_MAX_LENGTH = 200;
    public static final int PAGE_SIZE_MAX = 50;
    public static final int RESULT_WINDOW = 10_000;
    public static final Set<String> FACETS = Set.of("type", "level", "language", "format", "mode", "sectors", "skills",
            "factories", "starts");
    /** The values of the {@code starts} facet: when a course's next run starts, counted from today. */
    public static final List<String> STARTS = List.of("within-month", "within-quarter", "later");

    public SearchQuery {
        text = text == null ? "" : text.strip().replaceAll("\\p{Cntrl}", " ");
        if (text.length() > TEXT_MAX_LENGTH) {
            throw UserFacingException.onField("text", "search.query.too-long", TEXT_MAX_LENGTH);
        }
        Map<String, Set<String>> clean = new TreeMap<>();
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (!FACETS.contains(facet)) {
                    throw new UserFacingException("search.query.unknown-filter", facet);
                }
                if ("starts".equals(facet) && values != null && !STARTS.containsAll(values)) {
                    throw new UserFacingException("search.query.bad-filter", facet);
                }
                if (values != null && !values.isEmpty()) {
                    if (values.size() > 50 || values.stream().anyMatch(v -> v == null || v.length() > 200)) {
                        throw new UserFacingException("search.query.bad-filter", facet);
                    }
                    clean.put(facet, Set.copyOf(values));
                }
            });
        }
        filters = Map.copyOf(clean);
        order = order == null ? SearchOrder.RELEVANCE : order;
        if (pageSize < 1 || pageSize > PAGE_SIZE_MAX) {
            throw new UserFacingException("search.query.page-size", PAGE_SIZE_MAX);
        }
        if (page < 0 || (long) (page + 1) * pageSize > RESULT_WINDOW) {
            throw new UserFacingException("search.query.page", RESULT_WINDOW);
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, Map.of(), SearchOrder.RELEVANCE, 0, 10);
    }

    public SearchQuery withPage(int newPage) {
        return new SearchQuery(text, filters, order, newPage, pageSize);
    }
}
