package eu.aiskills.academy.search;

/** How results are ordered. */
public enum SearchOrder {
    RELEVANCE,
    NEWEST,
    TITLE;

    public String messageKey() {
        return "search.order." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
