package eu.aiskills.academy.search;

/** How results are ordered. */
public enum SearchOrder {
    RELEVANCE,
    NEWEST,
    TITLE,
    /** Courses whose next run starts soonest first; those without a coming run last. */
    STARTING;

    public String messageKey() {
        return "search.order." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
