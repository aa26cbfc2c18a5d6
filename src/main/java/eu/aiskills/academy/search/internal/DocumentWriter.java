package eu.aiskills.academy.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import eu.aiskills.academy.search.SearchUnavailableException;
import org.springframework.stereotype.Component;

/**
 * Writes documents with their source's version as an external version: writing the same
 * version again, or an older one after a newer, changes nothing. So retries and events seen out
 * of order are harmless, and the index converges on the newest state.
 */
@Component
class DocumentWriter {

    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchClient client;

    DocumentWriter(ElasticsearchClient client) {
        this.client = client;
    }

    void write(List<String> targets, List<IndexedDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (String target : targets) {
            for (IndexedDocument document : documents) {
                operations.add(BulkOperation.of(o -> o.index(i -> i.index(target).id(document.id())
                        .version(document.version()).versionType(VersionType.External).document(document.fields()))));
            }
        }
        execute(operations);
    }

    /** Writes {@code document}, or deletes {@code id} at {@code version} when there is none (any more) to show. */
    void put(List<String> targets, String id, java.util.Optional<IndexedDocument> document, long version) {
        document.ifPresentOrElse(d -> write(targets, List.of(d)), () -> delete(targets, List.of(id), version));
    }

    void delete(List<String> targets, List<String> ids, long version) {
        if (ids.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (String target : targets) {
            for (String id : ids) {
                operations.add(BulkOperation.of(o -> o.delete(d -> d.index(target).id(id)
                        .version(version).versionType(VersionType.External))));
            }
        }
        execute(operations);
    }

    private void execute(List<BulkOperation> operations) {
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations));
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
        if (response.errors()) {
            List<String> failures = response.items().stream()
                    .filter(item -> item.error() != null && !VERSION_CONFLICT.equals(item.error().type()))
                    .filter(item -> !(item.status() == 404 && "delete".equals(item.operationType().jsonValue())))
                    .map(DocumentWriter::describe)
                    .toList();
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Search indexing failed for " + failures.size() + " documents: "
                        + String.join("; ", failures.subList(0, Math.min(5, failures.size()))));
            }
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.index() + "/" + item.id() + ": " + item.error().type() + " " + item.error().reason();
    }
}
