package eu.aiskills.academy.identity.internal;

import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Accounts extends JpaRepository<AccountEntity, UUID> {

    Optional<AccountEntity> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("""
            select a from AccountEntity a
            where lower(a.email) like lower(concat('%', :text, '%'))
               or lower(a.displayName) like lower(concat('%', :text, '%'))
            """)
    Page<AccountEntity> search(@Param("text") String text, Pageable pageable);

    @Query("select count(a) from AccountEntity a join a.roles r where r = :role")
    long countWithRole(@Param("role") Role role);
}
