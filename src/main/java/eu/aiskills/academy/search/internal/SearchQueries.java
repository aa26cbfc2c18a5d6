package eu.aiskills.academy.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import eu.aiskills.academy.search.SearchOrder;
import eu.aiskills.academy.search.SearchQuery;
import eu.aiskills.academy.shared.Markdown;

/**
 * The parts of the engine's queries that the catalogue search and the candidate search build
 * alike: which fields words are looked for in and with what weight, what a caller may not see,
 * facet filters and counts, highlighted snippets and sort orders. Pure functions of their
 * arguments; the searches in the module's root compose them.
 */
public final class SearchQueries {

    /** Fields searched for the words as typed (each text is in its language's fields and the neutral ones). */
    public static final List<String> TEXT_FIELDS = List.of(
            "title^4", "en.title^3", "de.title^3", "fr.title^3",
            "skills.text^3",
            "summary^2", "en.summary^1.5", "de.summary^1.5", "fr.summary^1.5",
            "body", "en.body", "de.body", "fr.body",
            "document_text^0.5", "en.document_text^0.5", "de.document_text^0.5", "fr.document_text^0.5");
    /**
     * Short fields also searched with typos tolerated: one typo in words of 5 to 8 letters, two
     * in longer ones (fuzzy matching in long text, or of short words, costs more than it finds).
     */
    public static final List<String> TYPO_FIELDS = List.of("title^2", "skills.text");
    public static final String TYPOS = "AUTO:5,9";
    public static final List<String> SNIPPET_FIELDS = List.of("en.body", "de.body", "fr.body", "body",
            "en.summary", "de.summary", "fr.summary", "summary",
            "en.document_text", "de.document_text", "fr.document_text", "document_text", "title");
    /** Fields whose beginning stands in for a snippet when nothing in them matched. */
    public static final Set<String> LEAD_FIELDS = Set.of("en.body", "de.body", "fr.body", "body", "summary");
    public static final String CLOSES_AT = "closes_at";

    private SearchQueries() {
    }

    /**
     * What the caller may open: courses and lessons (only published ones are indexed), postings
     * until they close, calls until they close or, for reviewers and administrators, after.
     */
    public static Query hidden(boolean reviewer) {
        List<FieldValue> closable = reviewer ? List.of(FieldValue.of("posting")) : List.of(FieldValue.of("call"), FieldValue.of("posting"));
        return Query.of(q -> q.bool(closed -> closed.filter(f -> f.terms(t -> t.field("type").terms(v -> v.value(closable))))
                .filter(f -> f.range(r -> r.date(d -> d.field(CLOSES_AT).lte("now"))))));
    }

    /** The types these two indices hold (their definitions allow no others); browsing without words lists only these. */
    private static final List<FieldValue> SEARCHED_TYPES = List.of(FieldValue.of("call"), FieldValue.of("course"),
            FieldValue.of("lesson"), FieldValue.of("posting"));

    public static Query visibleMatches(String text, boolean reviewer) {
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
    public static Query titlePhrase(String text) {
        return Query.of(q -> q.matchPhrase(p -> p.field("title").query(text).boost(3f)));
    }

    /** The words as typed, in every text field. */
    public static Query exactly(String text) {
        return Query.of(q -> q.multiMatch(mm -> mm.query(text).fields(TEXT_FIELDS).type(TextQueryType.BestFields).tieBreaker(0.3)));
    }

    /** All facet filters, or all but {@code except} (so that a facet's own choices do not hide its other values). */
    public static Query filters(Map<String, Set<String>> filters, String except) {
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
    public static Aggregation values(String facet) {
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

    public static final String STARTS = "starts";
    public static final String STARTS_ON = "starts_on";

    /** Date-math bounds of a {@code starts} value, rounded to days: [from, to), {@code to} null for open-ended. */
    public static String[] startBounds(String key) {
        return switch (key) {
            case "within-month" -> new String[] {"now/d", "now+1M/d"};
            case "within-quarter" -> new String[] {"now+1M/d", "now+3M/d"};
            default -> new String[] {"now+3M/d", null};
        };
    }

    public static Query startsWithin(String key) {
        String[] bounds = startBounds(key);
        return Query.of(q -> q.range(r -> r.date(d -> {
            d.field(STARTS_ON).gte(bounds[0]);
            if (bounds[1] != null) {
                d.lt(bounds[1]);
            }
            return d;
        })));
    }

    public static Highlight highlight(String text) {
        return Highlight.of(h -> {
            h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>").fragmentSize(180).numberOfFragments(1);
            if (!text.isEmpty()) {
                h.highlightQuery(q -> q.multiMatch(mm -> mm.query(text).fields(SNIPPET_FIELDS)));
            }
            for (String field : SNIPPET_FIELDS) {
                h.fields(NamedValue.of(field, HighlightField.of(f ->
                        LEAD_FIELDS.contains(field) ? f.noMatchSize(180) : f)));
            }
            return h;
        });
    }

    public static List<SortOptions> order(SearchOrder order) {
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

    /**
     * A hit's snippet, sanitised: the first fragment of {@code fields} with a match; else the first
     * fragment at all (a field's beginning, where it has one); else empty.
     */
    public static String snippet(Hit<Map> hit, List<String> fields) {
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

    /** A source field as text, or null. */
    public static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
