package eu.aiskills.academy.compute.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import eu.aiskills.academy.compute.AllocationId;
import eu.aiskills.academy.compute.AllocationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "gpu_allocation")
public class AllocationEntity {

    @Id
    private UUID id;

    @Column(name = "factory_id", nullable = false)
    private UUID factoryId;

    @Column(name = "partition_name", nullable = false, length = 60)
    private String partition;

    @Column(name = "access_mode", nullable = false, length = 40)
    private String accessMode;

    @Column(name = "requester_id", nullable = false)
    private UUID requesterId;

    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "programme_id")
    private UUID programmeId;

    @Column(name = "requested_hours", nullable = false, precision = 12, scale = 3)
    private BigDecimal requestedHours;

    @Column(name = "granted_hours", precision = 12, scale = 3)
    private BigDecimal grantedHours;

    @Column(nullable = false, length = 2000)
    private String justification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AllocationStatus status;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = 1000)
    private String decisionNote;

    @Version
    private long version;

    protected AllocationEntity() {
    }

    public AllocationEntity(AllocationId id, UUID factoryId, String partition, String accessMode, UUID requesterId, UUID runId,
                            BigDecimal requestedHours, String justification, LocalDate validFrom, LocalDate validUntil,
                            Instant now) {
        this.id = id.value();
        this.factoryId = factoryId;
        this.partition = partition;
        this.accessMode = accessMode;
        this.requesterId = requesterId;
        this.runId = runId;
        this.requestedHours = requestedHours;
        this.justification = justification;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.requestedAt = now;
        this.status = AllocationStatus.REQUESTED;
    }

    public void approve(BigDecimal hours, UUID by, String note, Instant now) {
        this.status = AllocationStatus.APPROVED;
        this.grantedHours = hours;
        decided(by, note, now);
    }

    public void reject(UUID by, String note, Instant now) {
        this.status = AllocationStatus.REJECTED;
        decided(by, note, now);
    }

    public void expire(Instant now) {
        this.status = AllocationStatus.EXPIRED;
        this.decidedAt = this.decidedAt == null ? now : this.decidedAt;
    }

    private void decided(UUID by, String note, Instant now) {
        this.decidedBy = by;
        this.decidedAt = now;
        this.decisionNote = note;
    }

    public AllocationId id() {
        return new AllocationId(id);
    }

    public UUID factoryId() {
        return factoryId;
    }

    public String partition() {
        return partition;
    }

    public String accessMode() {
        return accessMode;
    }

    public UUID requesterId() {
        return requesterId;
    }

    public UUID runId() {
        return runId;
    }

    public BigDecimal requestedHours() {
        return requestedHours;
    }

    public BigDecimal grantedHours() {
        return grantedHours;
    }

    public String justification() {
        return justification;
    }

    public AllocationStatus status() {
        return status;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String decisionNote() {
        return decisionNote;
    }
}
