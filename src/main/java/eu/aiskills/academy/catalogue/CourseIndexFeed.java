package eu.aiskills.academy.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.CourseRunEntity;
import eu.aiskills.academy.catalogue.internal.CourseRuns;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.catalogue.internal.LessonEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterialEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterials;
import eu.aiskills.academy.catalogue.internal.Skills;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SystemActor;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the search index holds of the catalogue: each published course as one document, with its
 * skills' labels, its runs and the text of its lessons' materials; read one course at a time
 * after a change, or a page at a time for a full rebuild (a page reads its runs and materials
 * in one query each).
 */
@Service
public class CourseIndexFeed {

    /** Before every id: its text, "00000000-0000-…", sorts first. */
    private static final UUID FIRST = new UUID(0, 0);

    private final Courses courses;
    private final CourseRuns runs;
    private final Skills skills;
    private final LessonMaterials materials;
    private final Documents documents;
    private final Clock clock;

    CourseIndexFeed(Courses courses, CourseRuns runs, Skills skills, LessonMaterials materials, Documents documents, Clock clock) {
        this.courses = courses;
        this.runs = runs;
        this.skills = skills;
        this.materials = materials;
        this.documents = documents;
        this.clock = clock;
    }

    /** The published course as the search index holds it; empty when it is not (or no longer) published. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @Transactional(readOnly = true)
    public Optional<CourseDocument> indexable(CourseId id) {
        return courses.findWithLessonsById(id.value())
                .filter(c -> c.status() == CourseStatus.PUBLISHED)
                .map(c -> documents(List.of(c)).getFirst());
    }

    /**
     * Published courses in id order after {@code after} (null: from the start), at most
     * {@code limit}: the pages a full index rebuild reads.
     */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<CourseDocument> indexableAfter(CourseId after, int limit) {
        UUID from = after == null ? FIRST : after.value();
        List<UUID> ids = courses.publishedIdsAfter(CourseStatus.PUBLISHED, from, PageRequest.of(0, limit));
        if (ids.isEmpty()) {
            return List.of();
        }
        return documents(courses.findWithLessonsInRange(CourseStatus.PUBLISHED, from, ids.getLast()));
    }

    private List<CourseDocument> documents(List<CourseEntity> page) {
        Map<String, String> labels = new HashMap<>();
        skills.findAll().forEach(skill -> labels.put(skill.uri(), skill.toSkill().label()));
        Map<UUID, List<CourseRunEntity>> runsByCourse = new HashMap<>();
        if (!page.isEmpty()) {
            runs.findByCourses(page.stream().map(c -> c.id().value()).toList())
                    .forEach(run -> runsByCourse.computeIfAbsent(run.course().id().value(), k -> new ArrayList<>()).add(run));
        }
        LocalDate today = LocalDate.now(clock);
        Map<UUID, String> materialText = materialText(page);
        return page.stream().map(c -> c.toDocument(labels, runsByCourse.getOrDefault(c.id().value(), List.of()), today,
                materialText)).toList();
    }

    /** The text extracted from each lesson's materials (joined per lesson), for the index. */
    private Map<UUID, String> materialText(List<CourseEntity> page) {
        List<UUID> lessonIds = page.stream().flatMap(c -> c.lessons().stream()).map(LessonEntity::id).toList();
        Map<UUID, StringBuilder> text = new HashMap<>();
        if (!lessonIds.isEmpty()) {
            for (LessonMaterialEntity material : materials.findByLessons(lessonIds)) {
                String extracted = SystemActor.call(() -> documents.text(material.documentId()));
                if (extracted != null && !extracted.isBlank()) {
                    text.computeIfAbsent(material.lessonId(), k -> new StringBuilder()).append(extracted).append('\n');
                }
            }
        }
        Map<UUID, String> joined = new HashMap<>();
        text.forEach((lesson, builder) -> joined.put(lesson, builder.toString()));
        return joined;
    }
}
