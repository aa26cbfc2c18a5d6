package eu.aiskills.academy.search.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import eu.aiskills.academy.search.FacetValue;

/**
 * The frame of a faceted search page, the catalogue's and the candidates' alike: facet groups beside
 * the results, a summary that assistive technology reads out as it changes, a pager below. Choosing
 * facet values hands the new filters to the page, which puts them into the address.
 */
class FacetedResults extends Div {

    final Div facets = new Div();
    final Div results = new Div();
    final Paragraph summary = new Paragraph();
    final Div pager = new Div();

    FacetedResults() {
        facets.addClassName("academy-facets");
        facets.getElement().setAttribute("role", "group");
        facets.getElement().setAttribute("aria-label", getTranslation("search.filters"));
        results.addClassName("academy-results");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.addClassName("academy-search-summary");
        pager.addClassName("academy-pager");
        add(facets, new Div(summary, results, pager));
        addClassName("academy-search-body");
    }

    /** Empties results, facets and pager before a search runs. */
    void clear() {
        results.removeAll();
        pager.removeAll();
        facets.removeAll();
    }

    /**
     * One group of checkboxes for each of {@code shown} that has values or a chosen value. With
     * {@code keepChosen}, a chosen value the search no longer finds stays in its group (count 0), so
     * that it can be unticked. Returns the groups by facet.
     */
    Map<String, CheckboxGroup<FacetValue>> showFacets(List<String> shown, Map<String, List<FacetValue>> found,
                                                      Map<String, Set<String>> filters, boolean keepChosen,
                                                      Function<String, String> groupLabel, BiFunction<String, String, String> valueLabel,
                                                      Consumer<Map<String, Set<String>>> onChange) {
        Map<String, CheckboxGroup<FacetValue>> groups = new LinkedHashMap<>();
        for (String facet : shown) {
            List<FacetValue> values = found.getOrDefault(facet, List.of());
            Set<String> selected = filters.getOrDefault(facet, Set.of());
            if (values.isEmpty() && selected.isEmpty()) {
                continue;
            }
            List<FacetValue> items = new ArrayList<>(values);
            if (keepChosen) {
                selected.stream().filter(v -> values.stream().noneMatch(f -> f.value().equals(v)))
                        .forEach(v -> items.add(new FacetValue(v, 0)));
            }
            CheckboxGroup<FacetValue> group = new CheckboxGroup<>(groupLabel.apply(facet));
            group.setItems(items);
            group.setItemLabelGenerator(f -> valueLabel.apply(facet, f.value()) + " (" + f.count() + ")");
            group.setValue(items.stream().filter(f -> selected.contains(f.value())).collect(Collectors.toSet()));
            group.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    Map<String, Set<String>> changed = new LinkedHashMap<>(filters);
                    Set<String> chosen = e.getValue().stream().map(FacetValue::value).collect(Collectors.toSet());
                    if (chosen.isEmpty()) {
                        changed.remove(facet);
                    } else {
                        changed.put(facet, chosen);
                    }
                    onChange.accept(changed);
                }
            });
            group.addClassName("academy-facet");
            groups.put(facet, group);
            facets.add(group);
        }
        return groups;
    }

    /** A hit's highlighted snippet: sanitised HTML with {@code <mark>} around the matched words. */
    static Paragraph snippet(String html) {
        Paragraph snippet = new Paragraph();
        snippet.getElement().setProperty("innerHTML", html);
        snippet.addClassName("academy-result-snippet");
        return snippet;
    }
}
