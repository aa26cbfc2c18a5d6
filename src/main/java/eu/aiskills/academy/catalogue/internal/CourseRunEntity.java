package eu.aiskills.academy.catalogue.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.DeliveryMode;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.catalogue.RunStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "course_run")
public class CourseRunEntity {

    /** A run as the content file or the authoring form describes it, validated by {@code RunRules}. */
    public record Draft(String code, LocalDate startsOn, LocalDate endsOn, Instant enrolOpensAt, Instant enrolClosesAt,
                        ZoneId timeZone, int capacity, boolean waitlist, String language, DeliveryMode mode,
                        String location, BigDecimal labGpuHours) {
    }

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private CourseEntity course;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "enrol_opens_at", nullable = false)
    private Instant enrolOpensAt;

    @Column(name = "enrol_closes_at", nullable = false)
    private Instant enrolClosesAt;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private boolean waitlist;

    @Column(nullable = false, length = 8)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false, length = 16)
    private DeliveryMode mode;

    @Column(length = 200)
    private String location;

    @Column(name = "lab_gpu_hours", precision = 8, scale = 2)
    private BigDecimal labGpuHours;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CourseRunEntity() {
    }

    public CourseRunEntity(RunId id, CourseEntity course, Instant now) {
        this.id = id.value();
        this.course = course;
        this.createdAt = now;
        this.status = RunStatus.SCHEDULED;
    }

    public void update(Draft draft, Instant now) {
        this.code = draft.code();
        this.startsOn = draft.startsOn();
        this.endsOn = draft.endsOn();
        this.enrolOpensAt = draft.enrolOpensAt();
        this.enrolClosesAt = draft.enrolClosesAt();
        this.timeZone = draft.timeZone().getId();
        this.capacity = draft.capacity();
        this.waitlist = draft.waitlist();
        this.language = draft.language();
        this.mode = draft.mode();
        this.location = draft.location();
        this.labGpuHours = draft.labGpuHours();
        this.updatedAt = now;
    }

    public void cancel(Instant now) {
        this.status = RunStatus.CANCELLED;
        this.updatedAt = now;
    }

    public RunId id() {
        return new RunId(id);
    }

    public String code() {
        return code;
    }

    public CourseEntity course() {
        return course;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public CourseRun toRun() {
        return new CourseRun(id(), course.id(), course.slug(), course.title(), code, startsOn, endsOn, enrolOpensAt,
                enrolClosesAt, ZoneId.of(timeZone), capacity, waitlist, language, mode, location, labGpuHours, status);
    }
}
