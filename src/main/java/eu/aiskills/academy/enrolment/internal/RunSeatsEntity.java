package eu.aiskills.academy.enrolment.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import jakarta.persistence.Table;

/** The seat counter of one run; see V0008 for why it is a locked row. */
@Entity
@Table(name = "run_seats")
public class RunSeatsEntity implements Persistable<UUID> {

    /**
     * New counters are inserted, never merged: a merge of a fresh counter over one another
     * transaction just created would reset its seats to zero.
     */
    @Transient
    private boolean fresh;

    @Id
    @Column(name = "run_id")
    private UUID runId;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private int taken;

    @Column(nullable = false)
    private long arrivals;

    protected RunSeatsEntity() {
    }

    public RunSeatsEntity(UUID runId, int capacity) {
        this.runId = runId;
        this.capacity = capacity;
        this.fresh = true;
    }

    @Override
    public UUID getId() {
        return runId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    /**
     * Follows the catalogue's capacity; a capacity below the seats already taken is kept at
     * the seats taken (nobody loses a seat; new requests wait).
     */
    public void followCapacity(int catalogueCapacity) {
        this.capacity = Math.max(catalogueCapacity, taken);
    }

    public boolean hasFreeSeat() {
        return taken < capacity;
    }

    public void takeSeat() {
        if (!hasFreeSeat()) {
            throw new IllegalStateException("No free seat in run " + runId);
        }
        taken++;
    }

    public void freeSeat() {
        if (taken == 0) {
            throw new IllegalStateException("No seat taken in run " + runId);
        }
        taken--;
    }

    public long nextArrival() {
        return ++arrivals;
    }

    public int capacity() {
        return capacity;
    }

    public int taken() {
        return taken;
    }
}
