package eu.aiskills.academy.documents.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StoredDocuments extends JpaRepository<DocumentEntity, UUID> {

    @Query("select d from DocumentEntity d where d.ownerId = :owner order by d.createdAt desc")
    List<DocumentEntity> findByOwner(@Param("owner") UUID owner);
}
