package eu.aiskills.academy.catalogue;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.CourseRunEntity;
import eu.aiskills.academy.catalogue.internal.CourseRuns;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.catalogue.internal.LessonEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterialEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterials;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.catalogue.internal.RunRules;
import eu.aiskills.academy.catalogue.internal.SkillEntity;
import eu.aiskills.academy.catalogue.internal.Skills;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instructors write courses, lessons and runs; they submit a course for review; an administrator
 * or reviewer publishes it or returns it with a note. Every rule a form shows is checked here
 * again, with the field it concerns.
 */
@Service
public class CourseAuthoring {

    private static final Logger log = LoggerFactory.getLogger(CourseAuthoring.class);
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    /** Stands for "no course" where a query needs an id to leave out. */
    private static final UUID NO_COURSE = new UUID(0, 0);

    private final Courses courses;
    private final CourseRuns runs;
    private final Skills skills;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LessonMaterials materials;
    private final Documents documents;
    private final OrganisationManagement organisations;

    CourseAuthoring(Courses courses, CourseRuns runs, Skills skills, AccountManagement accounts,
                    ApplicationEventPublisher events, Clock clock, LessonMaterials materials, Documents documents,
                    OrganisationManagement organisations) {
        this.organisations = organisations;
        this.materials = materials;
        this.documents = documents;
        this.courses = courses;
        this.runs = runs;
        this.skills = skills;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** A new draft course, taught by the signed-in instructor (or administrator). */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public CourseId create(CourseDraft draft) {
        check(draft, null);
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
            requireAuthor(course);
        }
        return authored(course);
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public void update(CourseId id, CourseDraft draft) {
        CourseEntity course = editable(id);
        check(draft, course);
        apply(course, draft);
        saved(course);
    }

    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional
    public UUID saveLesson(CourseId id, UUID lessonId, LessonDraft draft) {
        CourseEntity course = editable(id);
        check(draft);
        LessonEntity.Draft entityDraft = new LessonEntity.Draft(null, draft.title().strip(), draft.markdown(), draft.minutes(),
                draft.module() == null || draft.module().isBlank() ? null : draft.module().strip(), draft.required(),
                draft.passScore());
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
        CourseEntity course = editable(id);
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
        CourseEntity course = editable(id);
        CourseRunEntity run = runs.findByCourse(id.value()).stream().filter(r -> r.id().equals(runId)).findFirst()
                .orElseThrow(() -> new NotFoundException("enrolment.run-not-found"));
        run.cancel(clock.instant());
        course.touch(clock.instant());
        saved(course);
    }

    /** Asks for review: the course must be complete enough to be published. */
    @RolesAllowed(Roles.INSTRUCTOR)
    @Transactional
    public void submitForReview(CourseId id) {
        CourseEntity course = load(id);
        requireAuthor(course);
        if (course.status() != CourseStatus.DRAFT) {
            throw new UserFacingException("authoring.submit.not-draft");
        }
        if (course.lessons().isEmpty()) {
            throw new UserFacingException("authoring.submit.no-lessons");
        }
        if (course.outcomes().isEmpty()) {
            throw new UserFacingException("authoring.invalid.outcomes");
        }
        course.submitForReview(clock.instant());
        courses.save(course);
        log.info("Course {} submitted for review by {}", id, CurrentUser.requireId());
    }

    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public List<ReviewItem> reviewQueue() {
        List<ReviewItem> queue = new ArrayList<>();
        for (CourseEntity course : courses.findByStatusOrderBySubmittedAt(CourseStatus.IN_REVIEW)) {
            if (!mayReview(course)) {
                continue;
            }
            List<String> names = accounts.displayNames(course.instructorIds().stream().map(AccountId::new).toList())
                    .values().stream().sorted().toList();
            queue.add(new ReviewItem(course.toSummary(), names, course.submittedAt()));
        }
        return queue;
    }

    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional
    public void publish(CourseId id) {
        CourseEntity course = load(id);
        requireReviewer(course);
        if (course.status() != CourseStatus.IN_REVIEW && course.status() != CourseStatus.ARCHIVED) {
            throw new UserFacingException("authoring.publish.not-in-review");
        }
        course.publish(clock.instant());
        courses.saveAndFlush(course);
        events.publishEvent(new CoursePublished(course.id(), course.slug(), course.version()));
        log.info("Course {} published by {}", id, CurrentUser.requireId());
    }

    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Transactional
    public void returnToAuthors(CourseId id, String note) {
        String cleaned = note == null ? "" : note.strip();
        if (cleaned.isEmpty() || cleaned.length() > 1000) {
            throw UserFacingException.onField("note", "authoring.review.note");
        }
        CourseEntity course = load(id);
        requireReviewer(course);
        if (course.status() != CourseStatus.IN_REVIEW) {
            throw new UserFacingException("authoring.publish.not-in-review");
        }
        course.returnToDraft(cleaned);
        courses.save(course);
    }

    /** Takes a published course out of the catalogue; enrolments and credentials stay. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void archive(CourseId id) {
        CourseEntity course = load(id);
        if (course.status() != CourseStatus.PUBLISHED) {
            throw new UserFacingException("authoring.archive.not-published");
        }
        course.changeStatus(CourseStatus.ARCHIVED);
        course.touch(clock.instant());
        courses.saveAndFlush(course);
        events.publishEvent(new CourseWithdrawn(course.id(), course.slug(), course.version()));
    }

    /**
     * Administrators review every course; a reviewer reviews the courses of the organisations they
     * act for, and the platform's own courses (no organisation).
     */
    private boolean mayReview(CourseEntity course) {
        return CurrentUser.hasRole(Roles.ADMIN) || course.organisationId() == null
                || organisations.isMember(new OrganisationId(course.organisationId()));
    }

    private void requireReviewer(CourseEntity course) {
        if (!mayReview(course)) {
            throw new AccessDeniedException("Reviewer " + CurrentUser.requireId() + " is not of the organisation of course "
                    + course.id());
        }
    }

    private void saved(CourseEntity course) {
        courses.saveAndFlush(course);
        if (course.status() == CourseStatus.PUBLISHED) {
            events.publishEvent(new CoursePublished(course.id(), course.slug(), course.version()));
        }
    }

    private CourseEntity load(CourseId id) {
        return courses.findWithLessonsById(id.value()).orElseThrow(() -> new NotFoundException("authoring.course-not-found"));
    }

    /** Loads a course its caller may change: an author (or administrator), and not while it is in review. */
    private CourseEntity editable(CourseId id) {
        CourseEntity course = load(id);
        if (!CurrentUser.hasRole(Roles.ADMIN)) {
            requireAuthor(course);
        }
        if (course.status() == CourseStatus.IN_REVIEW) {
            throw new UserFacingException("authoring.locked-in-review");
        }
        return course;
    }

    private static void requireAuthor(CourseEntity course) {
        AccountId me = CurrentUser.requireId();
        if (!course.instructorIds().contains(me.value())) {
            throw new AccessDeniedException("Account " + me + " does not teach course " + course.id());
        }
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

    private void check(CourseDraft draft, CourseEntity existing) {
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > CourseDraft.TITLE_MAX_LENGTH) {
            throw UserFacingException.onField("title", "authoring.invalid.title", CourseDraft.TITLE_MAX_LENGTH);
        }
        if (draft.summary() == null || draft.summary().isBlank() || draft.summary().length() > CourseDraft.SUMMARY_MAX_LENGTH) {
            throw UserFacingException.onField("summary", "authoring.invalid.summary", CourseDraft.SUMMARY_MAX_LENGTH);
        }
        if (draft.descriptionMarkdown() != null && draft.descriptionMarkdown().length() > Markdown.MAX_LENGTH) {
            throw UserFacingException.onField("description", "authoring.invalid.too-long", Markdown.MAX_LENGTH);
        }
        if (draft.level() == null) {
            throw UserFacingException.onField("level", "authoring.invalid.level");
        }
        if (draft.format() == null) {
            throw UserFacingException.onField("format", "authoring.invalid.format");
        }
        if (draft.language() == null || !LANGUAGE.matcher(draft.language()).matches()
                || draft.otherLanguages().stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            throw UserFacingException.onField("language", "run.invalid.language");
        }
        if (draft.workloadHours() <= 0 || draft.workloadHours() > CourseDraft.WORKLOAD_MAX) {
            throw UserFacingException.onField("workloadHours", "authoring.invalid.workload", CourseDraft.WORKLOAD_MAX);
        }
        if (draft.ects() != null && (draft.ects().signum() < 0 || draft.ects().compareTo(CourseDraft.ECTS_MAX) > 0
                || draft.ects().stripTrailingZeros().scale() > 1)) {
            throw UserFacingException.onField("ects", "authoring.invalid.ects", CourseDraft.ECTS_MAX);
        }
        if (draft.outcomes().isEmpty()) {
            throw UserFacingException.onField("outcomes", "authoring.invalid.outcomes");
        }
        if (draft.outcomes().size() > CourseDraft.OUTCOMES_MAX
                || draft.outcomes().stream().anyMatch(o -> o.length() > CourseDraft.OUTCOME_MAX_LENGTH)) {
            throw UserFacingException.onField("outcomes", "authoring.invalid.outcome-length", CourseDraft.OUTCOMES_MAX,
                    CourseDraft.OUTCOME_MAX_LENGTH);
        }
        Set<String> known = new HashSet<>();
        skills.findAll().forEach(skill -> known.add(skill.uri()));
        if (!known.containsAll(draft.skillUris())) {
            throw UserFacingException.onField("skills", "authoring.invalid.skills");
        }
        if (!known.containsAll(draft.prerequisiteSkills())) {
            throw UserFacingException.onField("prerequisiteSkills", "authoring.invalid.skills");
        }
        for (CourseId required : draft.prerequisiteCourses()) {
            if (existing != null && required.equals(existing.id())) {
                throw UserFacingException.onField("prerequisites", "authoring.invalid.self-prerequisite");
            }
            if (!courses.existsById(required.value())) {
                throw UserFacingException.onField("prerequisites", "authoring.course-not-found");
            }
        }
    }

    private static void check(LessonDraft draft) {
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > LessonDraft.TITLE_MAX_LENGTH) {
            throw UserFacingException.onField("title", "authoring.invalid.title", LessonDraft.TITLE_MAX_LENGTH);
        }
        if (draft.module() != null && draft.module().length() > LessonDraft.MODULE_MAX_LENGTH) {
            throw UserFacingException.onField("module", "authoring.invalid.module", LessonDraft.MODULE_MAX_LENGTH);
        }
        if (draft.minutes() <= 0 || draft.minutes() > LessonDraft.MINUTES_MAX) {
            throw UserFacingException.onField("minutes", "authoring.invalid.minutes", LessonDraft.MINUTES_MAX);
        }
        if (draft.passScore() != null && (draft.passScore().signum() <= 0
                || draft.passScore().compareTo(java.math.BigDecimal.valueOf(100)) > 0 || draft.passScore().scale() > 2)) {
            throw UserFacingException.onField("passScore", "authoring.invalid.pass-score");
        }
        if (draft.markdown() == null || draft.markdown().isBlank()) {
            throw UserFacingException.onField("markdown", "authoring.invalid.body");
        }
        if (draft.markdown().length() > Markdown.MAX_LENGTH) {
            throw UserFacingException.onField("markdown", "authoring.invalid.too-long", Markdown.MAX_LENGTH);
        }
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
                l.position(), new LessonDraft(l.title(), l.module(), l.minutes(), l.required(), l.bodyMarkdown(), l.passScore()))).toList();
        return new AuthoredCourse(course.id(), course.slug(), course.status(), course.reviewNote(), draft, lessons,
                runs.findByCourse(course.id().value()).stream().map(CourseRunEntity::toRun).toList());
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

    /** "Grundlagen der KI (Teil 1)" becomes "grundlagen-der-ki-teil-1". */
    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 100) {
            slug = slug.substring(0, 100).replaceAll("-+$", "");
        }
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
