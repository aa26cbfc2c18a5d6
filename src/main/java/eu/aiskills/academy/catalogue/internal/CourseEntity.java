package eu.aiskills.academy.catalogue.internal;

import static eu.aiskills.academy.shared.Columns.LONG_TEXT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseFormat;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.Sector;
import eu.aiskills.academy.identity.AccountId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.springframework.security.access.AccessDeniedException;

/**
 * A course with its lessons, the JPA aggregate the catalogue, authoring and the content import
 * change as a whole (ADR 0019). Long because it is the aggregate root: its columns, the lessons it
 * owns and the invariants of every change (lesson order, status transitions, versions) live
 * together so that no caller can change half of it.
 */
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

    /** The description's plain text, derived when it is saved (what the search index holds). */
    @Column(name = "description_text", length = LONG_TEXT)
    private String descriptionText;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CourseFormat format = CourseFormat.SELF_PACED;

    /** The owning organisation (identity module), by id. */
    @Column(name = "organisation_id")
    private UUID organisationId;

    @Column(name = "review_note", length = 1000)
    private String reviewNote;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    /** The course's published revision (1 until a first revision is published); for a revision, the number it will get. */
    @Column(nullable = false)
    private int revision = 1;

    /** For a revision under way, the published course it changes; null for a course. */
    @Column(name = "revision_of")
    private UUID revisionOf;

    /** A revision its authors say only fixes text (typos): a reviewer publishes it with one click. */
    @Column(name = "minor_revision", nullable = false)
    private boolean minorRevision;

    // Collections load by subselect: one query per collection for a whole page of courses (index rebuilds).
    @ElementCollection
    @CollectionTable(name = "course_language", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "language", length = 8)
    @Fetch(FetchMode.SUBSELECT)
    private Set<String> languages = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "course_outcome", joinColumns = @JoinColumn(name = "course_id"))
    @OrderColumn(name = "position")
    @Column(name = "outcome", length = 500)
    @Fetch(FetchMode.SUBSELECT)
    private List<String> outcomes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "course_skill", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "skill_uri", length = 200)
    @Fetch(FetchMode.SUBSELECT)
    private Set<String> skillUris = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "course_sector", joinColumns = @JoinColumn(name = "course_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "sector", length = 24)
    @Fetch(FetchMode.SUBSELECT)
    private Set<Sector> sectors = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "course_instructor", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "account_id")
    @Fetch(FetchMode.SUBSELECT)
    private Set<UUID> instructorIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "course_prerequisite_course", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "required_course_id")
    @Fetch(FetchMode.SUBSELECT)
    private Set<UUID> prerequisiteCourseIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "course_prerequisite_skill", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "skill_uri", length = 200)
    @Fetch(FetchMode.SUBSELECT)
    private Set<String> prerequisiteSkillUris = new LinkedHashSet<>();

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

    public CourseFormat format() {
        return format;
    }

    public String language() {
        return language;
    }

    public CourseLevel level() {
        return level;
    }

    public String summary() {
        return summary;
    }

    public int workloadHours() {
        return workloadHours;
    }

    public BigDecimal ects() {
        return ects;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String reviewNote() {
        return reviewNote;
    }

    public UUID organisationId() {
        return organisationId;
    }

    /** The primary language first, then the others. */
    public List<String> languages() {
        List<String> all = new ArrayList<>();
        all.add(language);
        languages.stream().filter(l -> !l.equals(language)).sorted().forEach(all::add);
        return all;
    }

    public List<String> outcomes() {
        return List.copyOf(outcomes);
    }

    public Set<String> skillUris() {
        return Set.copyOf(skillUris);
    }

    public Set<Sector> sectors() {
        return Set.copyOf(sectors);
    }

    /** Refuses anyone who is not one of the course's instructors. */
    public void requireTaughtBy(AccountId account) {
        if (!instructorIds().contains(account.value())) {
            throw new AccessDeniedException("Account " + account + " does not teach course " + id);
        }
    }

    public Set<UUID> instructorIds() {
        return Set.copyOf(instructorIds);
    }

    public Set<UUID> prerequisiteCourseIds() {
        return Set.copyOf(prerequisiteCourseIds);
    }

    public Set<String> prerequisiteSkillUris() {
        return Set.copyOf(prerequisiteSkillUris);
    }

    /** What a course teaches and for whom, beyond its description. */
    public record Teaching(CourseFormat format, Set<String> languages, List<String> outcomes, Set<String> skillUris,
                           Set<Sector> sectors, Set<UUID> prerequisiteCourseIds, Set<String> prerequisiteSkillUris) {
    }

    public void teach(Teaching teaching) {
        this.format = teaching.format();
        replace(languages, teaching.languages());
        outcomes.clear();
        outcomes.addAll(teaching.outcomes());
        replace(skillUris, teaching.skillUris());
        replace(sectors, teaching.sectors());
        replace(prerequisiteCourseIds, teaching.prerequisiteCourseIds());
        replace(prerequisiteSkillUris, teaching.prerequisiteSkillUris());
    }

    public void assignInstructors(Set<UUID> accountIds) {
        replace(instructorIds, accountIds);
    }

    public void ownedBy(UUID organisationId) {
        this.organisationId = organisationId;
    }

    public void submitForReview(Instant now) {
        this.status = CourseStatus.IN_REVIEW;
        this.submittedAt = now;
        this.reviewNote = null;
    }

    /** Makes this new course the revision of a published one: the number it will have once published. */
    public void revising(CourseEntity published) {
        this.revisionOf = published.id;
        this.revision = published.revision + 1;
    }

    /** A revision's authors say whether it only fixes text. */
    public void minorRevision(boolean minor) {
        this.minorRevision = minor;
    }

    /** The published course now is its revision {@code number}. */
    public void revised(int number, Instant now) {
        this.revision = number;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    public int revision() {
        return revision;
    }

    /** The published course this revision changes, if it is one. */
    public java.util.Optional<CourseId> revisionOf() {
        return java.util.Optional.ofNullable(revisionOf).map(CourseId::new);
    }

    public boolean minor() {
        return minorRevision;
    }

    public void publish(Instant now) {
        this.status = CourseStatus.PUBLISHED;
        this.publishedAt = now;
        this.reviewNote = null;
    }

    public void returnToDraft(String note) {
        this.status = CourseStatus.DRAFT;
        this.reviewNote = note;
    }

    private static <T> void replace(Set<T> target, Set<T> values) {
        target.retainAll(values);
        target.addAll(values);
    }

    public void describe(String title, String summary, String descriptionMarkdown, CourseLevel level, String language,
                         int workloadHours, BigDecimal ects, Instant now) {
        this.title = title;
        this.summary = summary;
        if (descriptionText == null || !java.util.Objects.equals(this.descriptionMarkdown, descriptionMarkdown)) {
            this.descriptionText = descriptionMarkdown == null ? null : eu.aiskills.academy.shared.Markdown.toPlainText(descriptionMarkdown);
        }
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
            lesson.update(position++, draft);
            next.add(lesson);
        }
        lessons.clear();
        lessons.addAll(next);
    }

    /** The course as the index holds it; {@code skillLabels} by URI, {@code runs} this course's runs. */
    /** Adds a lesson at the end; returns its id. */
    public UUID addLesson(String lessonSlug, LessonEntity.Draft draft) {
        LessonEntity lesson = new LessonEntity(UUID.randomUUID(), this, lessonSlug);
        lessons.add(lesson);
        lesson.update(lessons.size(), draft);
        return lesson.id();
    }

    public void updateLesson(UUID lessonId, LessonEntity.Draft draft) {
        LessonEntity lesson = lesson(lessonId);
        lesson.update(lesson.position(), draft);
    }

    public void removeLesson(UUID lessonId) {
        lessons.remove(lesson(lessonId));
        renumber();
    }

    /** Moves a lesson up (negative) or down (positive) in the outline. */
    public void moveLesson(UUID lessonId, int delta) {
        LessonEntity lesson = lesson(lessonId);
        int from = lessons.indexOf(lesson);
        int to = Math.clamp(from + delta, 0, lessons.size() - 1);
        lessons.remove(from);
        lessons.add(to, lesson);
        renumber();
    }

    private LessonEntity lesson(UUID lessonId) {
        return lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst()
                .orElseThrow(() -> new eu.aiskills.academy.shared.NotFoundException("authoring.lesson-not-found"));
    }

    private void renumber() {
        for (int i = 0; i < lessons.size(); i++) {
            lessons.get(i).moveTo(i + 1);
        }
    }

    /** Marks the course changed (a run or lesson changed), so that its version moves on. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public eu.aiskills.academy.catalogue.CourseDocument toDocument(java.util.Map<String, String> skillLabels,
                                                                   List<CourseRunEntity> runs, java.time.LocalDate today,
                                                                   java.util.Map<UUID, String> materialText) {
        List<CourseRunEntity> scheduled = runs.stream()
                .filter(r -> r.toRun().status() == eu.aiskills.academy.catalogue.RunStatus.SCHEDULED).toList();
        return new eu.aiskills.academy.catalogue.CourseDocument(id(), slug, title, summary,
                descriptionText == null ? "" : descriptionText, level, language, workloadHours, ects,
                updatedAt, version, lessons.stream().map(l -> l.toDocument(materialText.getOrDefault(l.id(), ""))).toList(), format,
                skillUris.stream().map(skillLabels::get).filter(java.util.Objects::nonNull).sorted().toList(),
                sectors.stream().map(Enum::name).sorted().toList(),
                scheduled.stream().map(r -> r.toRun().mode().name()).distinct().sorted().toList(),
                scheduled.stream().map(CourseRunEntity::startsOn).filter(d -> !d.isBefore(today)).min(java.util.Comparator.naturalOrder())
                        .orElse(null),
                scheduled.stream().map(CourseRunEntity::id).toList());
    }

    public CourseSummary toSummary() {
        return new CourseSummary(id(), slug, title, summary, level, language, workloadHours, ects, lessons.size(), status);
    }
}
