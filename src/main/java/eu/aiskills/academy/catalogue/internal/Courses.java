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
}
