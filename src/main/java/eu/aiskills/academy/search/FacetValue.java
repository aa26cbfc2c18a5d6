package eu.aiskills.academy.search;

/** A value of a facet with the number of results that have it. */
public record FacetValue(String value, long count) {
}
