package eu.aiskills.academy.enrolment.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.enrolment.EnrolmentStatus;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EnrolmentRecords extends JpaRepository<EnrolmentEntity, UUID> {

    Optional<EnrolmentEntity> findByRunIdAndLearnerId(UUID runId, UUID learnerId);

    List<EnrolmentEntity> findByLearnerIdOrderByRequestedAtDesc(UUID learnerId);

    List<EnrolmentEntity> findByRunIdAndStatusInOrderByArrival(UUID runId, Collection<EnrolmentStatus> statuses);

    /** The next person on the waitlist. */
    @Query("select e from EnrolmentEntity e where e.runId = :run and e.status = 'WAITLISTED' order by e.arrival")
    List<EnrolmentEntity> nextWaiting(@Param("run") UUID run, Limit limit);

    /** How many wait before this arrival: its place in the queue is that number plus one. */
    @Query("select count(e) from EnrolmentEntity e where e.runId = :run and e.status = 'WAITLISTED' and e.arrival < :arrival")
    long waitingBefore(@Param("run") UUID run, @Param("arrival") long arrival);

    /** The run of an enrolment, read without loading (and caching) the enrolment itself. */
    @Query("select e.runId from EnrolmentEntity e where e.id = :id")
    Optional<UUID> runOf(@Param("id") UUID id);

    long countByRunIdAndStatus(UUID runId, EnrolmentStatus status);

    /** Whether the learner completed the course in any run. */
    boolean existsByLearnerIdAndCourseIdAndStatus(UUID learnerId, UUID courseId, EnrolmentStatus status);

    @Query("select distinct e.courseId from EnrolmentEntity e where e.learnerId = :learner and e.status = 'COMPLETED'")
    List<UUID> completedCourses(@Param("learner") UUID learner);
}
