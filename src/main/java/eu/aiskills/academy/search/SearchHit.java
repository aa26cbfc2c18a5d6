package eu.aiskills.academy.search;

/**
 * One result. {@code snippetHtml} is sanitised HTML: escaped text with {@code <mark>} around
 * the matched words, safe to show as is.
 *
 * @param path where the result opens in the application (relative URL)
 */
public record SearchHit(String type, String id, String title, String context, String snippetHtml, String path,
                        String level, String language) {
}
