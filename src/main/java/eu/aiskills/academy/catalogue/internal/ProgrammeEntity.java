package eu.aiskills.academy.catalogue.internal;

import static eu.aiskills.academy.shared.Columns.LONG_TEXT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.ProgrammeId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "programme")
public class ProgrammeEntity {

    /** One course in a programme, in the order the programme lists it. */
    @Embeddable
    public static class Entry {

        @Column(name = "course_id", nullable = false)
        private UUID courseId;

        @Column(nullable = false)
        private boolean required;

        @Column(nullable = false, length = 120)
        private String part;

        protected Entry() {
        }

        public Entry(UUID courseId, boolean required, String part) {
            this.courseId = courseId;
            this.required = required;
            this.part = part;
        }

        public UUID courseId() {
            return courseId;
        }

        public boolean required() {
            return required;
        }

        public String part() {
            return part;
        }
    }

    @Id
    private UUID id;

    @Column(nullable = false, length = 120)
    private String slug;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 600)
    private String summary;

    @Column(name = "description_md", length = LONG_TEXT)
    private String descriptionMarkdown;

    @Column(name = "credits_total", nullable = false, precision = 5, scale = 1)
    private BigDecimal creditsTotal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CourseStatus status;

    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "programme_course", joinColumns = @JoinColumn(name = "programme_id"))
    @OrderColumn(name = "position")
    private List<Entry> courses = new ArrayList<>();

    protected ProgrammeEntity() {
    }

    public ProgrammeEntity(ProgrammeId id, String slug, Instant now) {
        this.id = id.value();
        this.slug = slug;
        this.createdAt = now;
        this.status = CourseStatus.DRAFT;
    }

    public void update(String title, String summary, String descriptionMarkdown, BigDecimal creditsTotal,
                       CourseStatus status, List<Entry> courses, String contentHash, Instant now) {
        this.title = title;
        this.summary = summary;
        this.descriptionMarkdown = descriptionMarkdown;
        this.creditsTotal = creditsTotal;
        this.status = status;
        this.courses.clear();
        this.courses.addAll(courses);
        this.contentHash = contentHash;
        this.updatedAt = now;
    }

    public ProgrammeId id() {
        return new ProgrammeId(id);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String descriptionMarkdown() {
        return descriptionMarkdown;
    }

    public BigDecimal creditsTotal() {
        return creditsTotal;
    }

    public CourseStatus status() {
        return status;
    }

    public String contentHash() {
        return contentHash;
    }

    public List<Entry> courses() {
        return List.copyOf(courses);
    }
}
