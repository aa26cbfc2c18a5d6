package eu.aiskills.academy.catalogue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CourseChange;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.RevisionParts;
import eu.aiskills.academy.identity.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows behind a course's revisions: copying a published course (its texts, what it teaches,
 * lessons and their materials) into a revision its authors edit, comparing the two, and merging
 * a published revision back (lessons kept by their address, so that learners' progress stays
 * with them; materials moved over) before the revision's row is deleted and the history kept.
 * The callers ({@code CourseRevisions}, {@code CourseReviews}) have checked who is asking.
 */
@Component
public class CourseRevisionWork {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longest slug kept before a revision's suffix, within the column's 120 characters. */
    private static final int SLUG_STEM = 96;

    private final Courses courses;
    private final LessonMaterials materials;
    private final Skills skills;
    private final JdbcTemplate jdbc;
    /** Other modules' parts of a course (quizzes) that change within a revision. */
    private final List<RevisionParts> parts;

    CourseRevisionWork(Courses courses, LessonMaterials materials, Skills skills, JdbcTemplate jdbc, List<RevisionParts> parts) {
        this.parts = List.copyOf(parts);
        this.courses = courses;
        this.materials = materials;
        this.skills = skills;
        this.jdbc = jdbc;
    }

    /** A revision in the past: its number, whether minor, who published it and when, and what it changed. */
    public record Published(int revision, boolean minor, AccountId publishedBy, Instant publishedAt, List<String> changes) {
    }

    /** The open revision of a published course, if its authors started one. */
    public Optional<CourseId> openRevision(CourseId published) {
        return jdbc.queryForList("SELECT id FROM course WHERE revision_of = ?", String.class, published.value().toString()).stream()
                .findFirst().map(id -> new CourseId(UUID.fromString(id)));
    }

    /**
     * Copies a published course into a new revision, or returns the open one. Authors starting
     * at once queue on the published course's row and the later ones find the first's revision;
     * the unique {@code revision_of} is the last guard. Returns the revision's id.
     */
    public CourseId startRevision(CourseEntity published, Instant now) {
        jdbc.queryForList("SELECT id FROM course WHERE id = ? FOR UPDATE", String.class, published.id().value().toString());
        List<String> open = jdbc.queryForList("SELECT id FROM course WHERE revision_of = ? FOR UPDATE", String.class,
                published.id().value().toString());
        if (!open.isEmpty()) {
            return new CourseId(UUID.fromString(open.getFirst()));
        }
        String stem = published.slug().length() > SLUG_STEM ? published.slug().substring(0, SLUG_STEM) : published.slug();
        CourseEntity revision = new CourseEntity(CourseId.random(), stem + "--revision-" + (published.revision() + 1), now);
        revision.revising(published);
        copyContent(published, revision, now);
        revision.assignInstructors(published.instructorIds());
        revision.ownedBy(published.organisationId());
        courses.saveAndFlush(revision);
        Map<String, UUID> copies = new HashMap<>();
        revision.lessons().forEach(lesson -> copies.put(lesson.slug(), lesson.id()));
        Map<UUID, String> slugOf = new HashMap<>();
        published.lessons().forEach(lesson -> slugOf.put(lesson.id(), lesson.slug()));
        List<LessonMaterialEntity> attached = materials.findByLessons(slugOf.keySet());
        materials.saveAll(attached.stream().map(m -> m.copyFor(copies.get(slugOf.get(m.lessonId())), now)).toList());
        return revision.id();
    }

    /** What the revision changes in the published course. */
    public List<CourseChange> changes(CourseEntity published, CourseEntity revision) {
        Map<UUID, List<String>> titles = new HashMap<>();
        List<UUID> lessonIds = new ArrayList<>();
        published.lessons().forEach(l -> lessonIds.add(l.id()));
        revision.lessons().forEach(l -> lessonIds.add(l.id()));
        materials.findByLessons(lessonIds).forEach(m -> titles.computeIfAbsent(m.lessonId(), k -> new ArrayList<>()).add(m.title()));
        Set<String> uris = new LinkedHashSet<>(published.skillUris());
        uris.addAll(revision.skillUris());
        uris.addAll(published.prerequisiteSkillUris());
        uris.addAll(revision.prerequisiteSkillUris());
        Map<String, String> labels = new HashMap<>();
        skills.findAllById(uris).forEach(skill -> labels.put(skill.uri(), skill.toSkill().label()));
        Set<UUID> courseIds = new LinkedHashSet<>(published.prerequisiteCourseIds());
        courseIds.addAll(revision.prerequisiteCourseIds());
        Map<UUID, String> courseTitles = new HashMap<>();
        courses.findAllById(courseIds).forEach(c -> courseTitles.put(c.id().value(), c.title()));
        List<CourseChange> changes = new ArrayList<>(CourseDiff.between(published, revision, titles, uri -> labels.getOrDefault(uri, uri),
                id -> courseTitles.getOrDefault(id, id.toString())));
        parts.forEach(part -> changes.addAll(part.changes(published.slug(), revision.slug())));
        return changes;
    }

    /**
     * Merges the revision into the published course: its texts, what it teaches and its lessons
     * (a lesson kept by address keeps its id, and so learners' progress), materials moved to the
     * lessons they belong to; records the history and deletes the revision's row. Returns the
     * changes it made.
     */
    public List<CourseChange> merge(CourseEntity published, CourseEntity revision, AccountId by, Instant now) {
        List<CourseChange> changes = changes(published, revision);
        List<UUID> oldLessons = published.lessons().stream().map(LessonEntity::id).toList();
        copyContent(revision, published, now);
        published.revised(revision.revision(), now);
        courses.saveAndFlush(published);
        Map<String, UUID> target = new HashMap<>();
        published.lessons().forEach(lesson -> target.put(lesson.slug(), lesson.id()));
        Map<UUID, String> slugOf = new HashMap<>();
        revision.lessons().forEach(lesson -> slugOf.put(lesson.id(), lesson.slug()));
        materials.deleteAll(materials.findByLessons(oldLessons));
        materials.flush();
        List<LessonMaterialEntity> moving = materials.findByLessons(slugOf.keySet());
        moving.forEach(m -> m.moveTo(target.get(slugOf.get(m.lessonId()))));
        materials.saveAllAndFlush(moving);
        parts.forEach(part -> part.publish(published.slug(), revision.slug()));
        jdbc.update("INSERT INTO course_revision (course_id, revision, minor, published_by, published_at, changes) VALUES (?, ?, ?, ?, ?, ?)",
                published.id().value().toString(), revision.revision(), revision.minor(), by.value().toString(), Timestamp.from(now),
                JSON.writeValueAsString(changes.stream().map(CourseChange::summary).toList()));
        courses.delete(revision);
        courses.flush();
        return changes;
    }

    /** Deletes an unpublished revision with its lessons and their attachments (the files stay with their owners). */
    public void discard(CourseEntity revision) {
        parts.forEach(part -> part.discard(revision.slug()));
        materials.deleteAll(materials.findByLessons(revision.lessons().stream().map(LessonEntity::id).toList()));
        materials.flush();
        courses.delete(revision);
        courses.flush();
    }

    /** The published revisions of a course, newest first. */
    public List<Published> history(CourseId course) {
        return jdbc.query("SELECT * FROM course_revision WHERE course_id = ? ORDER BY revision DESC", (rs, n) -> new Published(
                rs.getInt("revision"), rs.getBoolean("minor"), new AccountId(UUID.fromString(rs.getString("published_by"))),
                rs.getTimestamp("published_at").toInstant(), List.of(JSON.readValue(rs.getString("changes"), String[].class))),
                course.value().toString());
    }

    /**
     * What a revision carries from one course to the other, both ways (into a new revision, and
     * back when it is published): texts, what it teaches, and lessons (kept by their address).
     */
    private static void copyContent(CourseEntity from, CourseEntity to, Instant now) {
        to.describe(from.title(), from.summary(), from.descriptionMarkdown(), from.level(), from.language(), from.workloadHours(),
                from.ects(), now);
        to.teach(new CourseEntity.Teaching(from.format(), new LinkedHashSet<>(from.languages()), from.outcomes(), from.skillUris(),
                from.sectors(), from.prerequisiteCourseIds(), from.prerequisiteSkillUris()));
        to.replaceLessons(from.lessons().stream().map(LessonEntity::toDraft).toList());
    }
}
