package eu.aiskills.academy.enrolment.internal;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SeatCounters extends JpaRepository<RunSeatsEntity, UUID> {

    /** The counter, locked until the transaction ends (SELECT … FOR UPDATE). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from RunSeatsEntity s where s.runId = :run")
    Optional<RunSeatsEntity> lock(@Param("run") UUID run);
}
