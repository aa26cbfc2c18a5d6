package eu.aiskills.academy.search.internal;

import java.io.IOException;
import java.time.Clock;
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
import eu.aiskills.academy.catalogue.CourseIndexFeed;
import eu.aiskills.academy.catalogue.CoursePublished;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.CourseWithdrawn;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.compute.AllocationChanged;
import eu.aiskills.academy.compute.Allocations;
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
    private final CourseIndexFeed feed;
    private final ElasticsearchClient client;
    private final DocumentWriter writer;
    /** Provider, since the indices in turn use this class as the source of their rebuilds. */
    private final ObjectProvider<SearchIndices> indices;
    private final Allocations allocations;
    private final Clock clock;

    CatalogueIndexing(Catalogue catalogue, CourseIndexFeed feed, ElasticsearchClient client, DocumentWriter writer, ObjectProvider<SearchIndices> indices,
                      Allocations allocations, Clock clock) {
        this.allocations = allocations;
        this.clock = clock;
        this.catalogue = catalogue;
        this.feed = feed;
        this.client = client;
        this.writer = writer;
        this.indices = indices;
    }

    @ApplicationModuleListener
    void on(CoursePublished event) {
        reindex(event.courseId());
    }

    @ApplicationModuleListener
    void on(CourseWithdrawn event) {
        withdraw(event.courseId(), clock.millis());
    }

    /** A run's GPU-hours were granted or ended: its course's AI Factories changed. */
    @ApplicationModuleListener
    void on(AllocationChanged event) {
        CourseRun run = SystemActor.call(() -> catalogue.runs(List.of(new RunId(event.runId())))).get(new RunId(event.runId()));
        if (run != null) {
            reindex(run.courseId());
        }
    }

    /**
     * Documents carry the time they were read as their version (as in {@link OpportunityIndexing}):
     * a course's own version does not change when, say, an AI Factory grants its labs GPU-hours.
     */
    private void reindex(CourseId id) {
        long version = clock.millis();
        SystemActor.call(() -> feed.indexable(id)).ifPresentOrElse(
                course -> index(course, version),
                () -> withdraw(id, version));
    }

    private void index(CourseDocument course, long version) {
        List<String> targets = indices.getObject().writeTargets(INDEX);
        List<IndexedDocument> documents = documents(course, factoriesOf(List.of(course)).getOrDefault(course.id(), List.of()), version);
        writer.write(targets, documents);
        Set<String> current = documents.stream().map(IndexedDocument::id).collect(Collectors.toSet());
        List<String> stale = idsOf(course.id()).stream().filter(id -> !current.contains(id)).toList();
        writer.delete(targets, stale, version);
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
            List<CourseDocument> page = SystemActor.call(() -> feed.indexableAfter(from, batchSize));
            if (page.isEmpty()) {
                return;
            }
            long version = clock.millis();
            Map<CourseId, List<String>> factories = factoriesOf(page);
            batch.accept(page.stream().flatMap(course -> documents(course, factories.getOrDefault(course.id(), List.of()), version)
                    .stream()).toList());
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

    /** The AI Factories that granted GPU-hours to each course's scheduled runs, read for a whole batch at once. */
    private Map<CourseId, List<String>> factoriesOf(List<CourseDocument> courses) {
        List<java.util.UUID> runs = courses.stream().flatMap(c -> c.scheduledRuns().stream()).map(RunId::value).toList();
        if (runs.isEmpty()) {
            return Map.of();
        }
        Map<java.util.UUID, List<String>> byRun = SystemActor.call(() -> allocations.factoriesOfRuns(runs));
        Map<CourseId, List<String>> byCourse = new HashMap<>();
        for (CourseDocument course : courses) {
            List<String> names = course.scheduledRuns().stream().flatMap(r -> byRun.getOrDefault(r.value(), List.of()).stream())
                    .distinct().sorted().toList();
            if (!names.isEmpty()) {
                byCourse.put(course.id(), names);
            }
        }
        return byCourse;
    }

    static List<IndexedDocument> documents(CourseDocument course, List<String> factories, long version) {
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
        fields.put("factories", factories);
        if (course.nextStart() != null) {
            fields.put("starts_on", course.nextStart().toString());
        }
        fields.put("suggest", Map.of("input", List.of(course.title()), "weight", 10));
        documents.add(new IndexedDocument(courseDocumentId(course.id()), version, fields));
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
            documents.add(new IndexedDocument("lesson:" + course.id().value() + ":" + lesson.slug(), version,
                    lessonFields));
        }
        return documents;
    }
}
