package eu.aiskills.academy.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.Hit;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDocument;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CoursePublished;
import eu.aiskills.academy.catalogue.CourseWithdrawn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalogue index in step with the catalogue: a published course and each of its
 * lessons are documents; a withdrawn course disappears with its lessons. Reactions run through
 * Spring Modulith's event publication registry: if the engine is down the publication stays
 * incomplete and is retried until the index has caught up.
 */
@Component
class CatalogueIndexing implements SearchSource {

    static final String INDEX = "catalogue";
    /** Languages with an analyser of their own in the index definition. */
    static final Set<String> ANALYSED_LANGUAGES = Set.of("en", "de", "fr");
    private static final Logger log = LoggerFactory.getLogger(CatalogueIndexing.class);

    private final Catalogue catalogue;
    private final ElasticsearchClient client;
    private final DocumentWriter writer;
    /** Provider, since the indices in turn use this class as the source of their rebuilds. */
    private final ObjectProvider<SearchIndices> indices;

    CatalogueIndexing(Catalogue catalogue, ElasticsearchClient client, DocumentWriter writer, ObjectProvider<SearchIndices> indices) {
        this.catalogue = catalogue;
        this.client = client;
        this.writer = writer;
        this.indices = indices;
    }

    @ApplicationModuleListener
    void on(CoursePublished event) {
        SystemActor.call(() -> catalogue.indexable(event.courseId())).ifPresentOrElse(
                this::index,
                () -> withdraw(event.courseId(), event.version()));
    }

    @ApplicationModuleListener
    void on(CourseWithdrawn event) {
        withdraw(event.courseId(), event.version());
    }

    private void index(CourseDocument course) {
        List<String> targets = indices.getObject().writeTargets(INDEX);
        List<IndexedDocument> documents = documents(course);
        writer.write(targets, documents);
        Set<String> current = documents.stream().map(IndexedDocument::id).collect(Collectors.toSet());
        List<String> stale = idsOf(course.id()).stream().filter(id -> !current.contains(id)).toList();
        writer.delete(targets, stale, course.version());
        log.debug("Indexed course {} ({} documents, {} stale removed)", course.id(), documents.size(), stale.size());
    }

    private void withdraw(CourseId id, long version) {
        List<String> ids = new ArrayList<>(idsOf(id));
        ids.add(courseDocumentId(id));
        writer.delete(indices.getObject().writeTargets(INDEX), ids.stream().distinct().toList(), version);
        log.debug("Course {} withdrawn from the search index", id);
    }

    private List<String> idsOf(CourseId course) {
        try {
            return client.search(s -> s.index(indices.getObject().alias(INDEX)).size(10_000).source(src -> src.fetch(false))
                            .query(q -> q.term(t -> t.field("course_id").value(course.value().toString()))), Void.class)
                    .hits().hits().stream().map(Hit::id).toList();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    @Override
    public String index() {
        return INDEX;
    }

    @Override
    public long estimatedDocuments() {
        return SystemActor.call(catalogue::countPublished);
    }

    @Override
    public void forEachBatch(int batchSize, Consumer<List<IndexedDocument>> batch) {
        CourseId after = null;
        while (true) {
            CourseId from = after;
            List<CourseDocument> page = SystemActor.call(() -> catalogue.indexableAfter(from, batchSize));
            if (page.isEmpty()) {
                return;
            }
            batch.accept(page.stream().flatMap(course -> documents(course).stream()).toList());
            after = page.getLast().id();
        }
    }

    /**
     * Puts text under the object of its language ({@code en}, {@code de}, {@code fr}), whose fields
     * are analysed for that language; text in other languages goes into the language-neutral
     * fields. Each text is analysed once for its language, not once for every language.
     */
    static void putText(Map<String, Object> fields, String language, Map<String, String> texts) {
        if (ANALYSED_LANGUAGES.contains(language)) {
            Map<String, String> present = new HashMap<>();
            texts.forEach((field, text) -> {
                if (text != null && !text.isBlank()) {
                    present.put(field, text);
                }
            });
            fields.put(language, present);
        } else {
            if (texts.get("body") != null) {
                fields.put("body", texts.get("body"));
            }
            if (texts.get("document_text") != null && !texts.get("document_text").isBlank()) {
                fields.put("document_text", texts.get("document_text"));
            }
        }
    }

    static String courseDocumentId(CourseId id) {
        return "course:" + id.value();
    }

    static List<IndexedDocument> documents(CourseDocument course) {
        List<IndexedDocument> documents = new ArrayList<>();
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", "course");
        fields.put("course_id", course.id().value().toString());
        fields.put("course_slug", course.slug());
        fields.put("course_title", course.title());
        fields.put("slug", course.slug());
        fields.put("title", course.title());
        fields.put("summary", course.summary());
        putText(fields, course.language(), Map.of("title", course.title(), "summary", course.summary(),
                "body", course.descriptionText()));
        fields.put("level", course.level().name());
        fields.put("language", course.language());
        fields.put("workload_hours", course.workloadHours());
        if (course.ects() != null) {
            fields.put("ects", course.ects().doubleValue());
        }
        fields.put("updated_at", course.updatedAt().toString());
        fields.put("format", course.format().name());
        fields.put("skills", course.skills());
        fields.put("sectors", course.sectors());
        fields.put("mode", course.modes());
        if (course.nextStart() != null) {
            fields.put("starts_on", course.nextStart().toString());
        }
        fields.put("suggest", Map.of("input", List.of(course.title()), "weight", 10));
        documents.add(new IndexedDocument(courseDocumentId(course.id()), course.version(), fields));
        for (CourseDocument.Lesson lesson : course.lessons()) {
            Map<String, Object> lessonFields = new HashMap<>();
            lessonFields.put("type", "lesson");
            lessonFields.put("course_id", course.id().value().toString());
            lessonFields.put("course_slug", course.slug());
            lessonFields.put("course_title", course.title());
            lessonFields.put("slug", lesson.slug());
            lessonFields.put("title", lesson.title());
            putText(lessonFields, course.language(), Map.of("title", lesson.title(), "body", lesson.text(),
                    "document_text", lesson.materialText()));
            lessonFields.put("level", course.level().name());
            lessonFields.put("language", course.language());
            lessonFields.put("position", lesson.position());
            lessonFields.put("minutes", lesson.minutes());
            lessonFields.put("updated_at", course.updatedAt().toString());
            lessonFields.put("suggest", Map.of("input", List.of(lesson.title()), "weight", 5));
            documents.add(new IndexedDocument("lesson:" + course.id().value() + ":" + lesson.slug(), course.version(),
                    lessonFields));
        }
        return documents;
    }
}
