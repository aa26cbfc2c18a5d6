package eu.aiskills.academy.search;

import java.util.List;
import java.util.function.DoubleConsumer;

import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.search.internal.SearchIndexOperations;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

/** Looking after the search indices: their state, and rebuilding one without downtime. */
@Service
public class SearchAdministration {

    private final SearchIndexOperations indices;

    SearchAdministration(SearchIndexOperations indices) {
        this.indices = indices;
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public List<IndexStatus> status() {
        return indices.status();
    }

    /**
     * Builds a new index from the current definition and the database, then switches the alias
     * to it; searches keep using the old index until then. {@code progress} receives 0..1.
     */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public RebuildReport rebuild(String name, DoubleConsumer progress) {
        return indices.rebuild(name, progress == null ? p -> { } : progress);
    }
}
