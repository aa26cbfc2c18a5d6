package eu.aiskills.academy.catalogue.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Programmes extends JpaRepository<ProgrammeEntity, UUID> {

    Optional<ProgrammeEntity> findBySlug(String slug);

    List<ProgrammeEntity> findByStatusOrderByTitle(CourseStatus status);
}
