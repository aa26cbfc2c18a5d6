package eu.aiskills.academy.catalogue.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseStatus;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Courses extends JpaRepository<CourseEntity, UUID> {

    @EntityGraph(attributePaths = "lessons")
    Optional<CourseEntity> findBySlug(String slug);

    @EntityGraph(attributePaths = "lessons")
    @Query("""
            select c from CourseEntity c
            where c.status = :status
              and (:text = '' or lower(c.title) like lower(concat('%', :text, '%'))
                   or lower(c.summary) like lower(concat('%', :text, '%')))
            order by c.title
            """)
    List<CourseEntity> findByStatusMatching(@Param("status") CourseStatus status, @Param("text") String text);

    long countByStatus(CourseStatus status);

    @EntityGraph(attributePaths = "lessons")
    @Query("select c from CourseEntity c where c.id = :id")
    Optional<CourseEntity> findWithLessonsById(@Param("id") UUID id);

    @EntityGraph(attributePaths = "lessons")
    @Query("select c from CourseEntity c where c.id in :ids")
    List<CourseEntity> findAllWithLessonsByIdIn(@Param("ids") java.util.Collection<UUID> ids);

    /** Keyset paging for rebuilds: ids compare as their CHAR(36) text in the database. */
    @Query("select c.id from CourseEntity c where c.status = :status and cast(c.id as string) > :after order by cast(c.id as string)")
    List<UUID> publishedIdsAfter(@Param("status") CourseStatus status, @Param("after") String after,
                                 org.springframework.data.domain.Pageable limit);
}
