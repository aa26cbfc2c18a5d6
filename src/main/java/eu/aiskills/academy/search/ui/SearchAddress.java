package eu.aiskills.academy.search.ui;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * What the search views keep in the address (words {@code q}, one parameter per facet, {@code page}
 * counted from 1) and the pager under their results: the same for the catalogue and candidates.
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

    /** The page the address names, from 0; a mistyped page number is the first page. */
    static int page(Map<String, List<String>> values) {
        try {
            return Math.max(0, Integer.parseInt(values.getOrDefault("page", List.of("1")).getFirst()) - 1);
        } catch (NumberFormatException mistyped) {
            return 0;
        }
    }

    /** Previous, "page n of m", next under the results; nothing when everything fits on one page. */
    static void pager(Div pager, Component view, int page, int pages, IntConsumer go) {
        if (pages <= 1) {
            return;
        }
        Button previous = new Button(view.getTranslation("search.previous"), e -> go.accept(page - 1));
        previous.setEnabled(page > 0);
        Button next = new Button(view.getTranslation("search.next"), e -> go.accept(page + 1));
        next.setEnabled(page + 1 < pages);
        pager.add(previous, new Span(view.getTranslation("search.page", page + 1, pages)), next);
    }
}
