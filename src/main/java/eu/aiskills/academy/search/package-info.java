/**
 * Search: Elasticsearch index definitions (from {@code search/}), indexing from other
 * modules' events, queries and suggestions, and the embedded engine for single-machine runs
 * and tests. Elasticsearch types never leave this module. Root: the API ({@code Search} for the
 * catalogue search, {@code CandidateFinder} for employers' candidate search, the administration
 * of the indices); {@code internal}: the indices, the indexing listeners and the query parts
 * both searches share ({@code SearchQueries}); {@code ui}: the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package eu.aiskills.academy.search;
