package eu.aiskills.academy.search;

import java.time.Duration;

/** What a rebuild did: the new index behind the alias, how many documents it loaded, how long it took. */
public record RebuildReport(String name, String index, long documents, Duration took) {
}
