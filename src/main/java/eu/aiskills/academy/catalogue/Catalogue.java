package eu.aiskills.academy.catalogue;

import java.util.List;
import java.util.Optional;

import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.catalogue.internal.LessonEntity;
import eu.aiskills.academy.shared.Markdown;
import java.util.UUID;

import eu.aiskills.academy.identity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public catalogue: published courses and their lessons, open to everybody. */
@Service
public class Catalogue {

    /** Before every id: its text, "00000000-0000-…", sorts first. */
    private static final UUID FIRST = new UUID(0, 0);

    /** Longest search text accepted. */
    public static final int QUERY_MAX_LENGTH = 200;

    private final Courses courses;

    Catalogue(Courses courses) {
        this.courses = courses;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<CourseSummary> publishedCourses(String text) {
        String query = text == null ? "" : text.strip();
        if (query.length() > QUERY_MAX_LENGTH) {
            query = query.substring(0, QUERY_MAX_LENGTH);
        }
        return courses.findByStatusMatching(CourseStatus.PUBLISHED, query).stream()
                .map(CourseEntity::toSummary)
                .toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public long countPublished() {
        return courses.countByStatus(CourseStatus.PUBLISHED);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<CourseDetail> publishedCourse(String slug) {
        return published(slug).map(course -> new CourseDetail(course.toSummary(),
                Markdown.toSafeHtml(course.descriptionMarkdown()),
                course.lessons().stream().map(LessonEntity::toSummary).toList()));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<LessonContent> publishedLesson(String courseSlug, String lessonSlug) {
        return published(courseSlug).flatMap(course -> {
            List<LessonEntity> lessons = course.lessons();
            for (int i = 0; i < lessons.size(); i++) {
                LessonEntity lesson = lessons.get(i);
                if (lesson.slug().equals(lessonSlug)) {
                    Optional<LessonSummary> previous = i > 0 ? Optional.of(lessons.get(i - 1).toSummary()) : Optional.empty();
                    Optional<LessonSummary> next = i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1).toSummary()) : Optional.empty();
                    return Optional.of(new LessonContent(course.toSummary(), lesson.toSummary(),
                            Markdown.toSafeHtml(lesson.bodyMarkdown()), previous, next));
                }
            }
            return Optional.empty();
        });
    }

    /** The published course as the search index holds it; empty when it is not (or no longer) published. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @Transactional(readOnly = true)
    public Optional<CourseDocument> indexable(CourseId id) {
        return courses.findWithLessonsById(id.value())
                .filter(c -> c.status() == CourseStatus.PUBLISHED)
                .map(CourseEntity::toDocument);
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
        return courses.findWithLessonsInRange(CourseStatus.PUBLISHED, from, ids.getLast()).stream()
                .map(CourseEntity::toDocument).toList();
    }

    private Optional<CourseEntity> published(String slug) {
        return courses.findBySlug(slug).filter(c -> c.status() == CourseStatus.PUBLISHED);
    }
}
