package eu.aiskills.academy.compute.internal;

import java.util.UUID;

import eu.aiskills.academy.compute.PartitionSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "factory_partition")
public class PartitionEntity {

    /** A partition as a registry file describes it. */
    public record Draft(String name, String gpuModel, int gpusPerNode, int nodes, int gpuMemoryGb, boolean assumed) {
    }

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "factory_id")
    private FactoryEntity factory;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(name = "gpu_model", nullable = false, length = 80)
    private String gpuModel;

    @Column(name = "gpus_per_node", nullable = false)
    private int gpusPerNode;

    @Column(nullable = false)
    private int nodes;

    @Column(name = "gpu_memory_gb", nullable = false)
    private int gpuMemoryGb;

    @Column(nullable = false)
    private boolean assumed;

    @Version
    private long version;

    protected PartitionEntity() {
    }

    PartitionEntity(UUID id, FactoryEntity factory, String name) {
        this.id = id;
        this.factory = factory;
        this.name = name;
    }

    String name() {
        return name;
    }

    void update(Draft draft) {
        this.gpuModel = draft.gpuModel();
        this.gpusPerNode = draft.gpusPerNode();
        this.nodes = draft.nodes();
        this.gpuMemoryGb = draft.gpuMemoryGb();
        this.assumed = draft.assumed();
    }

    PartitionSummary toSummary() {
        return new PartitionSummary(name, gpuModel, gpusPerNode, nodes, gpuMemoryGb, assumed);
    }
}
