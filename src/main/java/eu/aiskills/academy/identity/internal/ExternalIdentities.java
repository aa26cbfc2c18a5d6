package eu.aiskills.academy.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ExternalIdentities extends JpaRepository<ExternalIdentityEntity, ExternalIdentityEntity.Key> {
}
