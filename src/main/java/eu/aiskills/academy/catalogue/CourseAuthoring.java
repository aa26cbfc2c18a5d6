package eu.aiskills.academy.catalogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.internal.CourseDraftChecks;
import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.CourseRevisionWork;
import eu.aiskills.academy.catalogue.internal.CourseRunEntity;
import eu.aiskills.academy.catalogue.internal.CourseRuns;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.catalogue.internal.LessonEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterialEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterials;
import eu.aiskills.academy.catalogue.internal.RunRules;
import eu.aiskills.academy.catalogue.internal.SkillEntity;
import eu.aiskills.academy.catalogue.internal.Skills;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.Slugs;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instructors write courses, lessons and runs; they submit a course for review; an administrator
 * or reviewer publishes it or returns it with a note. Every rule a form shows is checked here
 * again, with the field it concerns.
 * A published course's content is changed through a revision ({@link CourseRevisions}); its runs
 * are scheduled on the course itself.
 * <p>Long because every change of a course (texts, lessons, materials, runs) passes the one rule of
 * who may edit it when ({@code editable}, {@code schedulable}) and publishes the one event on save.
 */
@Service
public class CourseAuthoring {

    private static final Logger log = LoggerFactory.getLogger(CourseAuthoring.class);
    /** Stands for "no course" where a query needs an id to leave out. */
    private static final UUID NO_COURSE = new UUID(0, 0);

    private final Courses courses;
    private final CourseRuns runs;
    private final Skills skills;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LessonMaterials materials;
    private final Documents documents;
    private final OrganisationManagement organisations;
    private final CourseDraftChecks checks;
    private final CourseRevisionWork revisions;

    CourseAuthoring(Courses courses, CourseRuns runs, Skills skills, CourseDraftChecks checks, ApplicationEventPublisher events, Clock clock,
                    LessonMaterials materials, Documents documents, OrganisationManagement organisations, CourseRevisionWork revisions) {
        this.revisions = revisions;
        this.checks = checks;
        this.organisations = organisations;
        this.materials = materials;
        this.documents = documents;
        this.courses = courses;
        this.runs = runs;
        this.skills = skills;
        this.events = events;
        this.clock = clock;
    }

    /** A new draft course, taught by the signed-in instructor (or administrator). */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public CourseId create(CourseDraft draft) {
        checks.check(draft, null);
        CourseEntity course = new CourseEntity(CourseId.random(), uniqueSlug(draft.title()), clock.instant());
        apply(course, draft);
        course.assignInstructors(Set.of(CurrentUser.requireId().value()));
        // The course belongs to the organisation its author acts for (if any): that organisation's reviewers review it.
        organisations.myMemberships().stream().findFirst().ifPresent(m -> course.ownedBy(m.organisationId().value()));
        courses.saveAndFlush(course);
        log.info("Course {} created by {}", course.id(), CurrentUser.requireId());
        return course.id();
    }

    /** The course as its authors see it, whatever its status. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public AuthoredCourse authored(CourseId id) {
        CourseEntity course = load(id);
        if (!CurrentUser.hasRole(Roles.ADMIN) && !CurrentUser.hasRole(Roles.REVIEWER)) {
            course.requireTaughtBy(CurrentUser.requireId());
        }
        return authored(course);
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public void update(CourseId id, CourseDraft draft) {
        CourseEntity course = editable(id);
        checks.check(draft, course);
        apply(course, draft);
        saved(course);
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public UUID saveLesson(CourseId id, UUID lessonId, LessonDraft draft) {
        CourseEntity course = editable(id);
        CourseDraftChecks.check(draft);
        LessonEntity.Draft entityDraft = new LessonEntity.Draft(null, draft.title().strip(), draft.markdown(), draft.minutes(),
                draft.module() == null || draft.module().isBlank() ? null : draft.module().strip(), draft.required(),
                draft.passScore(), draft.completedBy(), draft.weight());
        UUID saved;
        if (lessonId == null) {
            Set<String> taken = new HashSet<>();
            course.lessons().forEach(l -> taken.add(l.slug()));
            saved = course.addLesson(unique(slugOf(draft.title()), taken), entityDraft);
        } else {
            course.updateLesson(lessonId, entityDraft);
            saved = lessonId;
        }
        course.touch(clock.instant());
        saved(course);
        return saved;
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public void removeLesson(CourseId id, UUID lessonId) {
        CourseEntity course = editable(id);
        course.removeLesson(lessonId);
        course.touch(clock.instant());
        saved(course);
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public void moveLesson(CourseId id, UUID lessonId, int delta) {
        CourseEntity course = editable(id);
        course.moveLesson(lessonId, delta);
        course.touch(clock.instant());
        saved(course);
    }

    /**
     * Attaches a file the caller uploaded as course material to a lesson; notebooks are then shown
     * read-only to learners, other files offered for download.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public LessonMaterial attachMaterial(CourseId id, UUID lessonId, DocumentId document) {
        CourseEntity course = editable(id);
        if (course.lessons().stream().noneMatch(l -> l.id().equals(lessonId))) {
            throw new NotFoundException("authoring.lesson-not-found");
        }
        StoredDocument stored = documents.get(document);
        if (stored.purpose() != DocumentPurpose.COURSE_MATERIAL) {
            throw new UserFacingException("authoring.material.not-course-material");
        }
        LessonMaterialEntity material = new LessonMaterialEntity(lessonId, document, stored.fileName(), stored.kind(),
                (int) materials.countByLessonId(lessonId) + 1, clock.instant());
        materials.saveAndFlush(material);
        course.touch(clock.instant());
        saved(course);
        return material.toMaterial();
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public void removeMaterial(CourseId id, UUID materialId) {
        CourseEntity course = editable(id);
        LessonMaterialEntity material = materials.findById(materialId)
                .filter(m -> course.lessons().stream().anyMatch(l -> l.id().equals(m.lessonId())))
                .orElseThrow(() -> new NotFoundException("catalogue.material-not-found"));
        materials.delete(material);
        course.touch(clock.instant());
        saved(course);
    }

    /** The materials of each lesson of a course, for its authors. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public java.util.Map<UUID, List<LessonMaterial>> materials(CourseId id) {
        CourseEntity course = load(id);
        java.util.Map<UUID, List<LessonMaterial>> byLesson = new java.util.LinkedHashMap<>();
        List<UUID> lessonIds = course.lessons().stream().map(LessonEntity::id).toList();
        if (!lessonIds.isEmpty()) {
            materials.findByLessons(lessonIds).forEach(m -> byLesson.computeIfAbsent(m.lessonId(), k -> new ArrayList<>())
                    .add(m.toMaterial()));
        }
        return byLesson;
    }

    /** Creates ({@code runId} null) or changes a run; the same rules as the content import. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public RunId saveRun(CourseId id, RunId runId, RunPlan plan) {
        CourseEntity course = schedulable(id);
        CourseRunEntity.Draft draft = new CourseRunEntity.Draft(plan.code() == null ? null : plan.code().strip(),
                plan.startsOn(), plan.endsOn(),
                plan.enrolOpens() == null || plan.timeZone() == null ? null : plan.enrolOpens().atZone(plan.timeZone()).toInstant(),
                plan.enrolCloses() == null || plan.timeZone() == null ? null : plan.enrolCloses().atZone(plan.timeZone()).toInstant(),
                plan.timeZone(), plan.capacity(), plan.waitlist(), plan.language(), plan.mode(),
                plan.location() == null || plan.location().isBlank() ? null : plan.location().strip(), plan.labGpuHours());
        List<RunRules.Problem> problems = RunRules.check(draft);
        if (!problems.isEmpty()) {
            RunRules.Problem first = problems.getFirst();
            throw UserFacingException.onField(first.field(), first.message().key(), first.message().arguments().toArray());
        }
        List<CourseRunEntity> existing = runs.findByCourse(id.value());
        if (existing.stream().anyMatch(r -> r.code().equals(draft.code()) && (runId == null || !r.id().equals(runId)))) {
            throw UserFacingException.onField("code", "authoring.run.code-taken", draft.code());
        }
        CourseRunEntity run = runId == null ? new CourseRunEntity(RunId.random(), course, clock.instant())
                : existing.stream().filter(r -> r.id().equals(runId)).findFirst()
                .orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        run.update(draft, clock.instant());
        runs.save(run);
        course.touch(clock.instant());
        saved(course);
        return run.id();
    }

    /** Cancels a run: it stays listed as cancelled for those who were in it. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public void cancelRun(CourseId id, RunId runId) {
        CourseEntity course = schedulable(id);
        CourseRunEntity run = runs.findByCourse(id.value()).stream().filter(r -> r.id().equals(runId)).findFirst()
                .orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        run.cancel(clock.instant());
        course.touch(clock.instant());
        saved(course);
    }

    private void saved(CourseEntity course) {
        courses.saveAndFlush(course);
        if (course.status() == CourseStatus.PUBLISHED) {
            events.publishEvent(new CoursePublished(course.id(), course.slug(), course.version(), CoursePublished.Change.RUNS_CHANGED, course.revision()));
        }
    }

    private CourseEntity load(CourseId id) {
        return courses.authored(id);
    }

    /**
     * Loads a course whose content its caller may change: an author (or administrator), not while
     * it is in review, and not once published: a published course changes through a revision
     * ({@link CourseRevisions}), which a reviewer publishes.
     */
    private CourseEntity editable(CourseId id) {
        CourseEntity course = authorOf(id);
        if (course.status() == CourseStatus.IN_REVIEW) {
            throw new UserFacingException("authoring.locked-in-review");
        }
        if (course.status() == CourseStatus.PUBLISHED || course.status() == CourseStatus.ARCHIVED) {
            throw new UserFacingException("authoring.published-locked");
        }
        return course;
    }

    /** Loads a course whose runs its caller may schedule: an author of a course (published or not), not of a revision. */
    private CourseEntity schedulable(CourseId id) {
        CourseEntity course = authorOf(id);
        if (course.revisionOf().isPresent()) {
            throw new UserFacingException("authoring.runs-on-course");
        }
        return course;
    }

    private CourseEntity authorOf(CourseId id) {
        CourseEntity course = load(id);
        if (!CurrentUser.hasRole(Roles.ADMIN)) {
            course.requireTaughtBy(CurrentUser.requireId());
        }
        return course;
    }

    private void apply(CourseEntity course, CourseDraft draft) {
        course.describe(draft.title().strip(), draft.summary().strip(), draft.descriptionMarkdown(), draft.level(),
                draft.language(), draft.workloadHours(), draft.ects(), clock.instant());
        Set<String> languages = new LinkedHashSet<>(draft.otherLanguages());
        languages.add(draft.language());
        Set<UUID> prerequisites = new LinkedHashSet<>();
        draft.prerequisiteCourses().forEach(c -> prerequisites.add(c.value()));
        course.teach(new CourseEntity.Teaching(draft.format(), languages, draft.outcomes(), draft.skillUris(),
                draft.sectors(), prerequisites, draft.prerequisiteSkills()));
    }

    private AuthoredCourse authored(CourseEntity course) {
        Set<CourseId> prerequisites = new LinkedHashSet<>();
        course.prerequisiteCourseIds().forEach(id -> prerequisites.add(new CourseId(id)));
        Set<String> others = new LinkedHashSet<>(course.languages());
        others.remove(course.language());
        CourseDraft draft = new CourseDraft(course.title(), course.summary(), course.descriptionMarkdown(), course.level(),
                course.format(), course.language(), others, course.workloadHours(), course.ects(), course.outcomes(),
                course.skillUris(), course.sectors(), prerequisites, course.prerequisiteSkillUris());
        List<AuthoredCourse.Lesson> lessons = course.lessons().stream().map(l -> new AuthoredCourse.Lesson(l.id(), l.slug(),
                l.position(), new LessonDraft(l.title(), l.module(), l.minutes(), l.required(), l.bodyMarkdown(), l.completion(), l.passScore(),
                l.weight()))).toList();
        return new AuthoredCourse(course.id(), course.slug(), course.status(), course.reviewNote(), draft, lessons,
                runs.findByCourse(course.id().value()).stream().map(CourseRunEntity::toRun).toList(),
                new AuthoredCourse.Revision(course.revision(), course.revisionOf().orElse(null),
                        course.revisionOf().isPresent() ? null : revisions.openRevision(course.id()).orElse(null),
                        course.minor()));
    }

    private String uniqueSlug(String title) {
        String base = slugOf(title);
        String slug = base;
        for (int n = 2; courses.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static String unique(String base, Set<String> taken) {
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** A course's or lesson's address from its title ("course" when nothing of it remains). */
    static String slugOf(String title) {
        String slug = Slugs.of(title, 100);
        return slug.isEmpty() ? "course" : slug;
    }

    /** Every known skill, for the form's pickers. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public List<Skill> skillChoices() {
        return skills.findAllByOrderByGroupAscLabelAsc().stream().map(SkillEntity::toSkill).toList();
    }

    /**
     * One page (from 0) of the published courses that {@code course} may name as prerequisites
     * (never itself; null: a course not yet created) whose title contains the words, by title; a
     * page past the last is empty. The form's picker reads it a page at a time as the person scrolls.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public CoursePage prerequisiteChoices(CourseId course, String words, int page, int size) {
        UUID except = course == null ? NO_COURSE : course.value();
        return Catalogue.page(courses.idsByStatusTitledExcept(CourseStatus.PUBLISHED, Catalogue.words(words), except,
                PageRequest.of(Math.max(0, page), Math.clamp(size, 1, Catalogue.PAGE_SIZE_MAX))), courses);
    }

}
