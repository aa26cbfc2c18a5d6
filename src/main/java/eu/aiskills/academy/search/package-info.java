/**
 * Search: Elasticsearch index definitions (from {@code search/}), indexing from other
 * modules' events, queries and suggestions, and the embedded engine for single-machine runs
 * and tests. Elasticsearch types never leave this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package eu.aiskills.academy.search;
