package eu.aiskills.academy.identity.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Memberships extends JpaRepository<MembershipEntity, MembershipEntity.Key> {

    @Query("select m from MembershipEntity m where m.key.accountId = :accountId")
    List<MembershipEntity> findByAccount(@Param("accountId") UUID accountId);

    @Query("select m from MembershipEntity m where m.key.organisationId = :organisationId order by m.createdAt")
    List<MembershipEntity> findByOrganisation(@Param("organisationId") UUID organisationId);

    @Query("select count(m) from MembershipEntity m where m.key.organisationId = :organisationId")
    long countByOrganisation(@Param("organisationId") UUID organisationId);
}
