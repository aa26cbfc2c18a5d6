package eu.aiskills.academy.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import eu.aiskills.academy.shared.UserFacingException;

/**
 * An employer's search for candidates: words (may be empty), facet filters, page. Only profiles
 * whose owners consent to employers seeing them are ever found.
 *
 * @param filters {@code skills}, {@code verified_skills}, {@code language}, {@code country}, {@code mobility}
 */
public record CandidateSearch(String text, Map<String, Set<String>> filters, int page, int pageSize) {

    public static final List<String> FACETS = List.of("verified_skills", "skills", "language", "country", "mobility");

    public CandidateSearch {
        text = text == null ? "" : text.strip().replaceAll("\\p{Cntrl}", " ");
        if (text.length() > SearchQuery.TEXT_MAX_LENGTH) {
            throw UserFacingException.onField("text", "search.query.too-long", SearchQuery.TEXT_MAX_LENGTH);
        }
        Map<String, Set<String>> clean = new TreeMap<>();
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (!FACETS.contains(facet)) {
                    throw new UserFacingException("search.query.unknown-filter", facet);
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
        if (pageSize < 1 || pageSize > SearchQuery.PAGE_SIZE_MAX) {
            throw new UserFacingException("search.query.page-size", SearchQuery.PAGE_SIZE_MAX);
        }
        if (page < 0 || (long) (page + 1) * pageSize > SearchQuery.RESULT_WINDOW) {
            throw new UserFacingException("search.query.page", SearchQuery.RESULT_WINDOW);
        }
    }

    /**
     * One candidate found. {@code snippetHtml} is sanitised HTML with {@code <mark>} around matched words.
     */
    public record Hit(java.util.UUID account, String name, String headline, String country, String city, List<String> skills,
                      List<String> verifiedSkills, String snippetHtml) {

        public Hit {
            skills = List.copyOf(skills);
            verifiedSkills = List.copyOf(verifiedSkills);
        }
    }

    /** A page of candidates with the total and the facets' values and counts. */
    public record Results(CandidateSearch search, long total, List<Hit> hits, Map<String, List<FacetValue>> facets) {

        public Results {
            hits = List.copyOf(hits);
            facets = Map.copyOf(facets);
        }

        public int pages() {
            long capped = Math.min(total, SearchQuery.RESULT_WINDOW);
            return (int) Math.max(1, (capped + search.pageSize() - 1) / search.pageSize());
        }
    }
}
