package eu.aiskills.academy.catalogue.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Courses extends JpaRepository<CourseEntity, UUID> {

    @EntityGraph(attributePaths = "lessons")
    Optional<CourseEntity> findBySlug(String slug);

    /** One page of the published courses matching the words, by title: their ids (a page of fetched lessons would be cut in memory). */
    @Query(value = """
            select c.id from CourseEntity c
            where c.status = :status
              and (:text = '' or lower(c.title) like lower(concat('%', :text, '%'))
                   or lower(c.summary) like lower(concat('%', :text, '%')))
            order by c.status, c.title, c.id
            """)
    Page<UUID> idsByStatusMatching(@Param("status") CourseStatus status, @Param("text") String text, Pageable page);

    /**
     * One page of all the courses in a status, by title: read in the order of index
     * {@code ix_course_status_title}. The status leads the order although it is fixed: H2 walks an
     * index in order only for an ORDER BY that starts with the index's first column; otherwise it
     * reads every published course and sorts them, for each page.
     */
    @Query("select c.id from CourseEntity c where c.status = :status order by c.status, c.title, c.id")
    Page<UUID> idsByStatus(@Param("status") CourseStatus status, Pageable page);

    /** One page of the courses in a status whose title contains the words, by title, leaving one out (the course being edited). */
    @Query("""
            select c.id from CourseEntity c
            where c.status = :status and c.id <> :except
              and (:text = '' or lower(c.title) like lower(concat('%', :text, '%')))
            order by c.status, c.title, c.id
            """)
    Page<UUID> idsByStatusTitledExcept(@Param("status") CourseStatus status, @Param("text") String text,
                                       @Param("except") UUID except, Pageable page);

    @EntityGraph(attributePaths = "lessons")
    @Query("select c from CourseEntity c where c.id in :ids")
    List<CourseEntity> findWithLessons(@Param("ids") Collection<UUID> ids);

    long countByStatus(CourseStatus status);

    List<CourseEntity> findByStatusOrderBySubmittedAt(CourseStatus status);

    @Query("select p from CourseEntity c join c.prerequisiteCourseIds p where c.id = :course")
    List<UUID> prerequisiteIds(@Param("course") UUID course);

    @Query("select l.course from LessonEntity l where l.id = :lesson")
    Optional<CourseEntity> findByLesson(@Param("lesson") UUID lesson);

    @Query("select c from CourseEntity c join c.instructorIds i where i = :account order by c.title")
    List<CourseEntity> findByInstructor(@Param("account") UUID account);

    @EntityGraph(attributePaths = "lessons")
    @Query("select c from CourseEntity c where c.id = :id")
    Optional<CourseEntity> findWithLessonsById(@Param("id") UUID id);

    /** A course with its lessons, whatever its status, for its authors and reviewers. */
    default CourseEntity authored(CourseId id) {
        return findWithLessonsById(id.value()).orElseThrow(() -> new NotFoundException("authoring.course-not-found"));
    }

    /** The courses of one keyset page, {@code after < id <= last}, with their lessons: a range scan, not an IN list. */
    @EntityGraph(attributePaths = "lessons")
    @Query("select c from CourseEntity c where c.status = :status and c.id > :after and c.id <= :last order by c.id")
    List<CourseEntity> findWithLessonsInRange(@Param("status") CourseStatus status, @Param("after") UUID after,
                                             @Param("last") UUID last);

    /**
     * Keyset paging for rebuilds over the index (status, id): ids compare as their CHAR(36)
     * text in the database, and each page starts after the last id of the one before. Ordered by
     * status, then id, so that H2 reads the index in order and stops after the page (as above).
     */
    @Query("select c.id from CourseEntity c where c.status = :status and c.id > :after order by c.status, c.id")
    List<UUID> publishedIdsAfter(@Param("status") CourseStatus status, @Param("after") UUID after,
                                 org.springframework.data.domain.Pageable limit);

    /** Published courses teaching any of these skills, with the skill each teaches: [course, skill uri]. */
    @Query("select c, s from CourseEntity c join c.skillUris s where c.status = :status and s in :skills order by c.title")
    List<Object[]> teaching(@Param("status") CourseStatus status, @Param("skills") java.util.Collection<String> skills);
}
