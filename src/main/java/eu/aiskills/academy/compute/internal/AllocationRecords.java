package eu.aiskills.academy.compute.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.compute.AllocationStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AllocationRecords extends JpaRepository<AllocationEntity, UUID> {

    List<AllocationEntity> findByRequesterIdOrderByRequestedAtDesc(UUID requesterId);

    List<AllocationEntity> findByFactoryIdOrderByRequestedAtDesc(UUID factoryId);

    List<AllocationEntity> findByRunIdAndStatusOrderByRequestedAtAsc(UUID runId, AllocationStatus status);

    List<AllocationEntity> findByStatusAndValidUntilBefore(AllocationStatus status, LocalDate day);

    List<AllocationEntity> findByStatusInAndValidUntilBefore(List<AllocationStatus> statuses, LocalDate day);
}
