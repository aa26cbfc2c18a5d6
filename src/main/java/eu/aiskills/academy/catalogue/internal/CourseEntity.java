package eu.aiskills.academy.catalogue.internal;

import static eu.aiskills.academy.shared.Columns.LONG_TEXT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.CourseSummary;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "course")
public class CourseEntity {

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CourseLevel level;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "workload_hours", nullable = false)
    private int workloadHours;

    @Column(precision = 4, scale = 1)
    private BigDecimal ects;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CourseStatus status;

    /** Hash of the content files a course was imported from; null for courses authored in the platform. */
    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<LessonEntity> lessons = new ArrayList<>();

    protected CourseEntity() {
    }

    public CourseEntity(CourseId id, String slug, Instant now) {
        this.id = id.value();
        this.slug = slug;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = CourseStatus.DRAFT;
    }

    public CourseId id() {
        return new CourseId(id);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String descriptionMarkdown() {
        return descriptionMarkdown;
    }

    public CourseStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public String contentHash() {
        return contentHash;
    }

    public List<LessonEntity> lessons() {
        return lessons;
    }

    public void describe(String title, String summary, String descriptionMarkdown, CourseLevel level, String language,
                         int workloadHours, BigDecimal ects, Instant now) {
        this.title = title;
        this.summary = summary;
        this.descriptionMarkdown = descriptionMarkdown;
        this.level = level;
        this.language = language;
        this.workloadHours = workloadHours;
        this.ects = ects;
        this.updatedAt = now;
    }

    public void changeStatus(CourseStatus status) {
        this.status = status;
    }

    public void importedFrom(String contentHash) {
        this.contentHash = contentHash;
    }

    /** Replaces the lessons, keeping the rows of lessons whose slug stays, so their ids are stable. */
    public void replaceLessons(List<LessonEntity.Draft> drafts) {
        java.util.Map<String, LessonEntity> bySlug = new java.util.HashMap<>();
        lessons.forEach(lesson -> bySlug.put(lesson.slug(), lesson));
        List<LessonEntity> next = new ArrayList<>();
        int position = 1;
        for (LessonEntity.Draft draft : drafts) {
            LessonEntity lesson = bySlug.getOrDefault(draft.slug(), new LessonEntity(UUID.randomUUID(), this, draft.slug()));
            lesson.update(position++, draft.title(), draft.markdown(), draft.minutes());
            next.add(lesson);
        }
        lessons.clear();
        lessons.addAll(next);
    }

    public eu.aiskills.academy.catalogue.CourseDocument toDocument() {
        return new eu.aiskills.academy.catalogue.CourseDocument(id(), slug, title, summary,
                eu.aiskills.academy.shared.Markdown.toPlainText(descriptionMarkdown), level, language, workloadHours, ects,
                updatedAt, version, lessons.stream().map(LessonEntity::toDocument).toList());
    }

    public CourseSummary toSummary() {
        return new CourseSummary(id(), slug, title, summary, level, language, workloadHours, ects, lessons.size());
    }
}
