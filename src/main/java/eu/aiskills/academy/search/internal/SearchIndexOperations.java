package eu.aiskills.academy.search.internal;

import java.util.List;
import java.util.function.DoubleConsumer;

import eu.aiskills.academy.search.IndexStatus;
import eu.aiskills.academy.search.RebuildReport;
import org.springframework.stereotype.Component;

/** The index operations the module's API offers (the rest of the index machinery stays package-private). */
@Component
public class SearchIndexOperations {

    private final SearchIndices indices;

    SearchIndexOperations(SearchIndices indices) {
        this.indices = indices;
    }

    public List<IndexStatus> status() {
        return indices.status();
    }

    public RebuildReport rebuild(String name, DoubleConsumer progress) {
        return indices.rebuild(name, progress);
    }
}
