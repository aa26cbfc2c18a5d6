package eu.aiskills.academy.identity.internal;

import java.time.Instant;
import java.util.UUID;

import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "organisation")
public class OrganisationEntity {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private OrganisationKind kind;

    @Column(length = 2)
    private String country;

    @Column(length = 300)
    private String website;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected OrganisationEntity() {
    }

    public OrganisationEntity(OrganisationId id, String name, OrganisationKind kind, String country,
                              String website, Instant createdAt) {
        this.id = id.value();
        this.name = name;
        this.kind = kind;
        this.country = country;
        this.website = website;
        this.createdAt = createdAt;
    }

    public OrganisationId id() {
        return new OrganisationId(id);
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public String country() {
        return country;
    }

    public String website() {
        return website;
    }

    public void update(String name, String country, String website) {
        this.name = name;
        this.country = country;
        this.website = website;
    }
}
