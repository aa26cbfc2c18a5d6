package eu.aiskills.academy.search.internal;

import java.util.function.Consumer;

/** Where an index's documents come from when it is rebuilt: the owning module's data, read through its API. */
interface SearchSource {

    /** The index definition this source fills. */
    String index();

    /** How many documents a full load will deliver, for progress; may be an estimate. */
    long estimatedDocuments();

    /** Delivers every document, in batches. */
    void forEachBatch(int batchSize, Consumer<java.util.List<IndexedDocument>> batch);
}
