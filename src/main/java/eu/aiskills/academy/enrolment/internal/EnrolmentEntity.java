package eu.aiskills.academy.enrolment.internal;

import java.time.Instant;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.enrolment.EnrolmentId;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.identity.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "enrolment")
public class EnrolmentEntity implements org.springframework.data.domain.Persistable<UUID> {

    /** New rows are inserted directly (no merge, which would read first while the run is locked). */
    @jakarta.persistence.Transient
    private boolean fresh;

    @Id
    private UUID id;

    @Column(name = "run_id", nullable = false)
    private UUID runId;

    @Column(name = "course_id", nullable = false)
    private UUID courseId;

    @Column(name = "learner_id", nullable = false)
    private UUID learnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EnrolmentStatus status;

    /** Order of arrival in the run; the waitlist is served in this order. */
    @Column(nullable = false)
    private long arrival;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    @Column(name = "promoted_at")
    private Instant promotedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected EnrolmentEntity() {
    }

    public EnrolmentEntity(RunId run, CourseId course, AccountId learner) {
        this.id = UUID.randomUUID();
        this.runId = run.value();
        this.courseId = course.value();
        this.learnerId = learner.value();
        this.fresh = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @jakarta.persistence.PostLoad
    @jakarta.persistence.PostPersist
    void stored() {
        fresh = false;
    }

    /** A new request (or a renewed one after a cancellation): seated or waiting, in arrival order. */
    public void request(boolean seated, long arrival, Instant now) {
        this.arrival = arrival;
        this.requestedAt = now;
        this.cancelledAt = null;
        this.promotedAt = null;
        this.completedAt = null;
        if (seated) {
            this.status = EnrolmentStatus.ENROLLED;
            this.enrolledAt = now;
        } else {
            this.status = EnrolmentStatus.WAITLISTED;
            this.enrolledAt = null;
        }
    }

    public void promote(Instant now) {
        this.status = EnrolmentStatus.ENROLLED;
        this.enrolledAt = now;
        this.promotedAt = now;
    }

    public void cancel(Instant now) {
        this.status = EnrolmentStatus.CANCELLED;
        this.cancelledAt = now;
    }

    public void complete(Instant now) {
        this.status = EnrolmentStatus.COMPLETED;
        this.completedAt = now;
    }

    public EnrolmentId id() {
        return new EnrolmentId(id);
    }

    public RunId runId() {
        return new RunId(runId);
    }

    public CourseId courseId() {
        return new CourseId(courseId);
    }

    public AccountId learnerId() {
        return new AccountId(learnerId);
    }

    public EnrolmentStatus status() {
        return status;
    }

    public long arrival() {
        return arrival;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
