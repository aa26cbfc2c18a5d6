package eu.aiskills.academy.compute.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.compute.FactoryId;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.compute.SchedulerEndpoint;
import eu.aiskills.academy.identity.OrganisationId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import static eu.aiskills.academy.shared.Columns.LONG_TEXT;

@Entity
@Table(name = "ai_factory")
public class FactoryEntity {

    /** A factory as its registry file describes it. */
    public record Draft(String name, String hostingEntity, String hostCountry, List<String> consortium,
                        String supercomputer, String supercomputerNote, List<String> keySectors, String description,
                        List<PartitionEntity.Draft> partitions) {
    }

    @Id
    private UUID id;

    @Column(nullable = false, length = 60)
    private String slug;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "hosting_entity", nullable = false, length = 200)
    private String hostingEntity;

    @Column(name = "operator_organisation_id")
    private UUID operatorOrganisationId;

    @Column(name = "host_country", nullable = false, length = 2)
    private String hostCountry;

    @ElementCollection
    @CollectionTable(name = "ai_factory_country", joinColumns = @JoinColumn(name = "factory_id"))
    @OrderColumn(name = "position")
    @Column(name = "country", nullable = false, length = 2)
    private List<String> consortium = new ArrayList<>();

    @Column(nullable = false, length = 120)
    private String supercomputer;

    @Column(name = "supercomputer_note", length = 200)
    private String supercomputerNote;

    @ElementCollection
    @CollectionTable(name = "ai_factory_sector", joinColumns = @JoinColumn(name = "factory_id"))
    @OrderColumn(name = "position")
    @Column(name = "sector", nullable = false, length = 80)
    private List<String> keySectors = new ArrayList<>();

    @Column(name = "description", length = LONG_TEXT)
    private String description;

    @OneToMany(mappedBy = "factory", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<PartitionEntity> partitions = new ArrayList<>();

    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "scheduler_url", length = 300)
    private String schedulerUrl;

    @Column(name = "scheduler_api_version", length = 16)
    private String schedulerApiVersion;

    @Column(name = "scheduler_user", length = 64)
    private String schedulerUser;

    @Column(name = "scheduler_work_dir", length = 300)
    private String schedulerWorkDir;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "edited_by")
    private UUID editedBy;

    @Version
    private long version;

    protected FactoryEntity() {
    }

    public FactoryEntity(FactoryId id, String slug) {
        this.id = id.value();
        this.slug = slug;
    }

    public String contentHash() {
        return contentHash;
    }

    public String hostingEntity() {
        return hostingEntity;
    }

    public void update(Draft draft, OrganisationId operator, String contentHash, Instant now) {
        this.name = draft.name();
        this.hostingEntity = draft.hostingEntity();
        this.hostCountry = draft.hostCountry();
        this.consortium.clear();
        this.consortium.addAll(draft.consortium());
        this.supercomputer = draft.supercomputer();
        this.supercomputerNote = draft.supercomputerNote();
        this.keySectors.clear();
        this.keySectors.addAll(draft.keySectors());
        this.description = draft.description();
        this.operatorOrganisationId = operator == null ? null : operator.value();
        replacePartitions(draft.partitions());
        this.contentHash = contentHash;
        this.updatedAt = now;
    }

    private void replacePartitions(List<PartitionEntity.Draft> drafts) {
        Map<String, PartitionEntity> byName = new HashMap<>();
        partitions.forEach(p -> byName.put(p.name(), p));
        List<PartitionEntity> next = new ArrayList<>();
        for (PartitionEntity.Draft p : drafts) {
            PartitionEntity partition = byName.getOrDefault(p.name(), new PartitionEntity(UUID.randomUUID(), this, p.name()));
            partition.update(p);
            next.add(partition);
        }
        partitions.clear();
        partitions.addAll(next);
    }

    /** Whether an operator edited the factory (the registry files then leave it alone). */
    public boolean editedByOperator() {
        return editedAt != null;
    }

    /**
     * An operator's edit: what the registry file says is replaced by what the people who run the
     * factory say, from now on.
     */
    public void edit(String description, String supercomputerNote, List<String> keySectors, List<PartitionEntity.Draft> partitions,
                     SchedulerEndpoint scheduler, UUID by, Instant now) {
        this.description = description;
        this.supercomputerNote = supercomputerNote;
        this.keySectors.clear();
        this.keySectors.addAll(keySectors);
        replacePartitions(partitions);
        this.schedulerUrl = scheduler == null ? null : scheduler.url();
        this.schedulerApiVersion = scheduler == null ? null : scheduler.apiVersion();
        this.schedulerUser = scheduler == null ? null : scheduler.user();
        this.schedulerWorkDir = scheduler == null ? null : scheduler.workDir();
        this.editedAt = now;
        this.editedBy = by;
        this.updatedAt = now;
    }

    public FactorySummary toSummary() {
        return new FactorySummary(new FactoryId(id), slug, name, hostingEntity,
                operatorOrganisationId == null ? null : new OrganisationId(operatorOrganisationId), hostCountry,
                consortium, supercomputer, supercomputerNote, keySectors, description,
                partitions.stream().map(PartitionEntity::toSummary).toList(),
                schedulerUrl == null ? null : new SchedulerEndpoint(schedulerUrl, schedulerApiVersion, schedulerUser, schedulerWorkDir),
                editedAt);
    }
}
