package eu.aiskills.academy.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRecords extends JpaRepository<NotificationEntity, UUID> {

    List<NotificationEntity> findByAccountIdOrderByCreatedAtDesc(UUID accountId, Limit limit);

    long countByAccountIdAndReadAtIsNull(UUID accountId);

    @Modifying
    @Query("update NotificationEntity n set n.readAt = :now where n.accountId = :account and n.readAt is null")
    int markAllRead(@Param("account") UUID account, @Param("now") Instant now);
}
