package eu.aiskills.academy.catalogue.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LessonMaterials extends JpaRepository<LessonMaterialEntity, UUID> {

    @Query("select m from LessonMaterialEntity m where m.lessonId in :lessons order by m.position")
    List<LessonMaterialEntity> findByLessons(@Param("lessons") Collection<UUID> lessons);

    long countByLessonId(UUID lessonId);
}
