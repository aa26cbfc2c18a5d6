package eu.aiskills.academy.identity.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import eu.aiskills.academy.identity.MembershipRole;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "membership")
public class MembershipEntity {

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MembershipRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MembershipEntity() {
    }

    public MembershipEntity(UUID organisationId, UUID accountId, MembershipRole role, Instant createdAt) {
        this.key = new Key(organisationId, accountId);
        this.role = role;
        this.createdAt = createdAt;
    }

    public UUID organisationId() {
        return key.organisationId();
    }

    public UUID accountId() {
        return key.accountId();
    }

    public MembershipRole role() {
        return role;
    }

    public void changeRole(MembershipRole role) {
        this.role = role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Embeddable
    public record Key(
            @Column(name = "organisation_id") UUID organisationId,
            @Column(name = "account_id") UUID accountId) implements Serializable {
    }
}
