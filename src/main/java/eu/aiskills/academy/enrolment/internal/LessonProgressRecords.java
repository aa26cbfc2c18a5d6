package eu.aiskills.academy.enrolment.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LessonProgressRecords extends JpaRepository<LessonProgressEntity, LessonProgressEntity.Key> {

    @Query("select p from LessonProgressEntity p where p.key.enrolmentId in :enrolments")
    List<LessonProgressEntity> findByEnrolments(@Param("enrolments") Collection<UUID> enrolments);
}
