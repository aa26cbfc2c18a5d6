package eu.aiskills.academy.catalogue.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CourseRuns extends JpaRepository<CourseRunEntity, UUID> {

    @EntityGraph(attributePaths = "course")
    @Query("select r from CourseRunEntity r where r.course.id = :course order by r.startsOn, r.code")
    List<CourseRunEntity> findByCourse(@Param("course") UUID course);

    @EntityGraph(attributePaths = "course")
    @Query("select r from CourseRunEntity r where r.course.id in :courses order by r.startsOn, r.code")
    List<CourseRunEntity> findByCourses(@Param("courses") Collection<UUID> courses);

    @EntityGraph(attributePaths = "course")
    @Query("select r from CourseRunEntity r where r.id = :id")
    Optional<CourseRunEntity> findWithCourse(@Param("id") UUID id);

    @EntityGraph(attributePaths = "course")
    @Query("select r from CourseRunEntity r where r.id in :ids")
    List<CourseRunEntity> findWithCourse(@Param("ids") Collection<UUID> ids);
}
