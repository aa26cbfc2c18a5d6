package eu.aiskills.academy.search;

/** A completion offered while typing: the text to search for, and what it is. */
public record Suggestion(String text, String type) {
}
