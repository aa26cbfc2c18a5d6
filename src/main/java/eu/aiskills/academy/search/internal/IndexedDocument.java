package eu.aiskills.academy.search.internal;

import java.util.Map;

/** One document to write: its id in the index, the version of its source, its fields. */
record IndexedDocument(String id, long version, Map<String, Object> fields) {
}
