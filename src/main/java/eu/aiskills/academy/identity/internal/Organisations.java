package eu.aiskills.academy.identity.internal;

import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.OrganisationKind;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Organisations extends JpaRepository<OrganisationEntity, UUID> {

    Optional<OrganisationEntity> findByNameAndKind(String name, OrganisationKind kind);

    boolean existsByNameAndKind(String name, OrganisationKind kind);

    @Query("select o from OrganisationEntity o where lower(o.name) like lower(concat('%', :text, '%'))")
    Page<OrganisationEntity> search(@Param("text") String text, Pageable pageable);
}
