package eu.aiskills.academy.enrolment.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CredentialRecords extends JpaRepository<CredentialEntity, UUID> {

    List<CredentialEntity> findByLearnerIdOrderByIssuedAtDesc(UUID learnerId);

    boolean existsBySubjectKey(String subjectKey);

    Optional<CredentialEntity> findBySubjectKey(String subjectKey);
}
