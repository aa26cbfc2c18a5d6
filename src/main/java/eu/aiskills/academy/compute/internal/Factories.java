package eu.aiskills.academy.compute.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Factories extends JpaRepository<FactoryEntity, UUID> {

    @EntityGraph(attributePaths = "partitions")
    List<FactoryEntity> findAllByOrderByNameAsc();

    @EntityGraph(attributePaths = "partitions")
    Optional<FactoryEntity> findBySlug(String slug);
}
