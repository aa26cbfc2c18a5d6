package eu.aiskills.academy.identity.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Links an OpenID Connect identity (issuer + subject) to a local account. */
@Entity
@Table(name = "external_identity")
public class ExternalIdentityEntity {

    @EmbeddedId
    private Key key;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected ExternalIdentityEntity() {
    }

    public ExternalIdentityEntity(String issuer, String subject, UUID accountId, Instant linkedAt) {
        this.key = new Key(issuer, subject);
        this.accountId = accountId;
        this.linkedAt = linkedAt;
    }

    public UUID accountId() {
        return accountId;
    }

    @Embeddable
    public record Key(
            @Column(name = "issuer", length = 255) String issuer,
            @Column(name = "subject", length = 255) String subject) implements Serializable {
    }
}
