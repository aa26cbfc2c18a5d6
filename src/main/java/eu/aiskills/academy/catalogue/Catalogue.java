package eu.aiskills.academy.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import eu.aiskills.academy.catalogue.internal.CoInstructors;
import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.CourseRunEntity;
import eu.aiskills.academy.catalogue.internal.CourseRuns;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.catalogue.internal.LessonEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterialEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterials;
import eu.aiskills.academy.catalogue.internal.ProgrammeEntity;
import eu.aiskills.academy.catalogue.internal.Programmes;
import eu.aiskills.academy.catalogue.internal.SkillEntity;
import eu.aiskills.academy.catalogue.internal.Skills;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public catalogue: published courses, their lessons, runs and programmes, open to everybody;
 * and, for their authors, previews of courses not yet published. Long because every other module
 * reads courses through it (dashboards, credentials, matching, cohorts), each with its own small
 * question; its methods are short, and the mapping to records is shared.
 */
@Service
public class Catalogue {

    /** Longest search text accepted. */
    public static final int QUERY_MAX_LENGTH = 200;

    private final Courses courses;
    private final CourseRuns runs;
    private final Skills skills;
    private final Programmes programmes;
    private final AccountManagement accounts;

    private final java.time.Clock clock;
    private final LessonMaterials materials;
    private final CoInstructors coInstructors;

    Catalogue(Courses courses, CourseRuns runs, Skills skills, Programmes programmes, AccountManagement accounts,
              java.time.Clock clock, LessonMaterials materials, CoInstructors coInstructors) {
        this.coInstructors = coInstructors;
        this.clock = clock;
        this.materials = materials;
        this.courses = courses;
        this.runs = runs;
        this.skills = skills;
        this.programmes = programmes;
        this.accounts = accounts;
    }

    /** Most courses on one page of the catalogue. */
    public static final int PAGE_SIZE_MAX = 100;

    /**
     * One page (from 0) of the published courses whose title or summary contains the words, by
     * title; a page past the last is the last.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public CoursePage publishedCourses(String text, int page, int size) {
        String query = words(text);
        int pageSize = Math.clamp(size, 1, PAGE_SIZE_MAX);
        Page<UUID> ids = publishedIds(query, PageRequest.of(Math.max(0, page), pageSize));
        if (ids.getNumber() > 0 && ids.getNumber() >= ids.getTotalPages()) {
            ids = publishedIds(query, PageRequest.of(ids.getTotalPages() - 1, pageSize));
        }
        return page(ids, courses);
    }

    /** The words of a query as they are matched: without surrounding space, at most {@link #QUERY_MAX_LENGTH} characters. */
    static String words(String text) {
        String query = text == null ? "" : text.strip();
        return query.length() > QUERY_MAX_LENGTH ? query.substring(0, QUERY_MAX_LENGTH) : query;
    }

    /** The courses of a page of ids, in the ids' order, each read with its lessons (a summary counts them). */
    static CoursePage page(Page<UUID> ids, Courses courses) {
        Map<UUID, CourseEntity> loaded = courses.findWithLessons(ids.getContent()).stream()
                .collect(Collectors.toMap(c -> c.id().value(), c -> c));
        return new CoursePage(ids.getContent().stream().map(loaded::get).filter(java.util.Objects::nonNull).map(CourseEntity::toSummary)
                .toList(), ids.getTotalElements(), ids.getNumber(), Math.max(1, ids.getTotalPages()));
    }

    /** Without words, a plain query that the database answers from an index in title order. */
    private Page<UUID> publishedIds(String words, PageRequest page) {
        return words.isEmpty() ? courses.idsByStatus(CourseStatus.PUBLISHED, page)
                : courses.idsByStatusMatching(CourseStatus.PUBLISHED, words, page);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public long countPublished() {
        return courses.countByStatus(CourseStatus.PUBLISHED);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<CourseDetail> publishedCourse(String slug) {
        return published(slug).map(this::detail);
    }

    /** The id of the published course at this address (one row read: cheap enough for every graded submission). */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<CourseId> publishedCourseId(String slug) {
        return published(slug).map(CourseEntity::id);
    }

    /** A published course's summary by id. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<CourseSummary> publishedCourse(CourseId id) {
        return courses.findWithLessonsById(id.value()).filter(c -> c.status() == CourseStatus.PUBLISHED)
                .map(CourseEntity::toSummary);
    }

    /** The courses that must be completed before this one (ids only: cheap enough to ask on every enrolment). */
    @PermitAll
    @Transactional(readOnly = true)
    public Set<CourseId> prerequisiteCourses(CourseId id) {
        Set<CourseId> required = new HashSet<>();
        courses.prerequisiteIds(id.value()).forEach(uuid -> required.add(new CourseId(uuid)));
        return required;
    }

    /** Published courses by id, for lists in other modules (dashboards, credentials). */
    @PermitAll
    @Transactional(readOnly = true)
    public Map<CourseId, CourseSummary> publishedCourses(Collection<CourseId> ids) {
        Map<CourseId, CourseSummary> found = new LinkedHashMap<>();
        courses.findAllById(ids.stream().map(CourseId::value).toList()).stream()
                .filter(c -> c.status() == CourseStatus.PUBLISHED)
                .forEach(c -> found.put(c.id(), c.toSummary()));
        return found;
    }

    /** For each of these ESCO skills, the published courses that teach it (by title). */
    @PermitAll
    @Transactional(readOnly = true)
    public Map<String, List<CourseSummary>> coursesTeaching(Collection<String> skillUris) {
        Map<String, List<CourseSummary>> teaching = new LinkedHashMap<>();
        if (skillUris.isEmpty()) {
            return teaching;
        }
        for (Object[] row : courses.teaching(CourseStatus.PUBLISHED, skillUris)) {
            teaching.computeIfAbsent((String) row[1], s -> new java.util.ArrayList<>()).add(((CourseEntity) row[0]).toSummary());
        }
        return teaching;
    }

    /** A published course's lessons in order: what a learner works through and completion counts. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<LessonSummary> lessons(CourseId id) {
        return courses.findWithLessonsById(id.value()).filter(c -> c.status() == CourseStatus.PUBLISHED)
                .map(c -> c.lessons().stream().map(LessonEntity::toSummary).toList()).orElse(List.of());
    }

    /** The course's outcomes and skills, which credentials carry; empty when it is not published. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<CourseDetail> publishedCourseDetail(CourseId id) {
        return courses.findWithLessonsById(id.value()).filter(c -> c.status() == CourseStatus.PUBLISHED).map(this::detail);
    }

    /** A run of a published course; empty for an unknown run or one whose course is not published. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<CourseRun> run(RunId id) {
        return runs.findWithCourse(id.value()).filter(r -> r.course().status() == CourseStatus.PUBLISHED)
                .map(CourseRunEntity::toRun);
    }

    /** Runs by id whatever their course's status, for learners' records of what they took part in. */
    @PermitAll
    @Transactional(readOnly = true)
    public Map<RunId, CourseRun> runs(Collection<RunId> ids) {
        Map<RunId, CourseRun> found = new LinkedHashMap<>();
        runs.findWithCourse(ids.stream().map(RunId::value).toList()).forEach(r -> found.put(r.id(), r.toRun()));
        return found;
    }

    /** The runs of a published course, earliest first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<CourseRun> runsOf(CourseId id) {
        return runs.findByCourse(id.value()).stream().filter(r -> r.course().status() == CourseStatus.PUBLISHED)
                .map(CourseRunEntity::toRun).toList();
    }

    /** Whether the signed-in person teaches the course (is one of its instructors). */
    @PermitAll
    @Transactional(readOnly = true)
    public boolean teaches(CourseId id) {
        return CurrentUser.id().map(me -> courses.findById(id.value())
                .map(c -> c.instructorIds().contains(me.value()) || coInstructorIds(id).contains(me.value())).orElse(false)).orElse(false);
    }

    /**
     * Adds a co-instructor to a course (fellows teaching in the Academy): they teach it like its
     * instructors, and a re-import of the course's content never removes them.
     */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public void addCoInstructor(CourseId id, AccountId account) {
        courses.findById(id.value()).orElseThrow(() -> new eu.aiskills.academy.shared.NotFoundException("catalogue.course-not-found"));
        coInstructors.add(id.value(), account.value(), CurrentUser.id().map(AccountId::value).orElse(new UUID(0, 0)), clock.instant());
    }

    /** The published courses someone co-teaches, for their profile. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<CourseSummary> coTaughtBy(AccountId account) {
        return publishedCourses(coInstructors.coursesOf(account.value()).stream().map(CourseId::new).toList()).values().stream()
                .sorted(Comparator.comparing(CourseSummary::title)).toList();
    }

    private Set<UUID> coInstructorIds(CourseId id) {
        return coInstructors.of(id.value());
    }

    private List<String> coInstructorNames(CourseId id) {
        return accounts.displayNames(coInstructorIds(id).stream().map(AccountId::new).toList()).values().stream().sorted().toList();
    }

    /** The courses the signed-in instructor teaches, whatever their status, with their runs. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<CourseDetail> taughtCourses() {
        UUID me = CurrentUser.requireId().value();
        Map<UUID, CourseEntity> taught = new LinkedHashMap<>();
        courses.findByInstructor(me).stream().filter(c -> c.revisionOf().isEmpty()).forEach(c -> taught.put(c.id().value(), c));
        courses.findAllById(coInstructors.coursesOf(me)).forEach(c -> taught.putIfAbsent(c.id().value(), c));
        return taught.values().stream().sorted(Comparator.comparing(CourseEntity::title)).map(this::detail).toList();
    }

    /**
     * A course as learners will see it, whatever its status: for its authors, reviewers and
     * administrators to preview before it is published.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public CourseDetail preview(CourseId id) {
        CourseEntity course = courses.findWithLessonsById(id.value())
                .orElseThrow(() -> new eu.aiskills.academy.shared.NotFoundException("authoring.course-not-found"));
        if (!CurrentUser.hasRole(Roles.ADMIN) && !CurrentUser.hasRole(Roles.REVIEWER)
                && !course.instructorIds().contains(CurrentUser.requireId().value())) {
            throw new org.springframework.security.access.AccessDeniedException("Not an author of course " + id);
        }
        return detail(course);
    }

    /** The lessons of a course being previewed, rendered as learners will see them. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
    @Transactional(readOnly = true)
    public List<LessonContent> previewLessons(CourseId id) {
        CourseDetail detail = preview(id);
        CourseEntity course = courses.findWithLessonsById(id.value()).orElseThrow();
        List<LessonContent> contents = new ArrayList<>();
        for (LessonEntity lesson : course.lessons()) {
            contents.add(new LessonContent(detail.summary(), lesson.toSummary(), Markdown.toSafeHtml(lesson.bodyMarkdown()),
                    Optional.empty(), Optional.empty(), materialsOf(List.of(lesson.id()))));
        }
        return contents;
    }

    private List<LessonMaterial> materialsOf(List<UUID> lessons) {
        return materials.findByLessons(lessons).stream().map(LessonMaterialEntity::toMaterial).toList();
    }

    /** Every skill the catalogue knows, for pickers: ESCO URI and label. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Skill> skills() {
        return skills.findAllByOrderByGroupAscLabelAsc().stream().map(SkillEntity::toSkill).toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Programme> publishedProgrammes() {
        return programmes.findByStatusOrderByTitle(CourseStatus.PUBLISHED).stream().map(this::programme).toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Programme> publishedProgramme(String slug) {
        return programmes.findBySlug(slug).filter(p -> p.status() == CourseStatus.PUBLISHED).map(this::programme);
    }

    private Programme programme(ProgrammeEntity entity) {
        Map<UUID, CourseEntity> byId = new HashMap<>();
        courses.findAllById(entity.courses().stream().map(ProgrammeEntity.Entry::courseId).toList())
                .forEach(c -> byId.put(c.id().value(), c));
        List<Programme.Part> parts = new ArrayList<>();
        for (ProgrammeEntity.Entry entry : entity.courses()) {
            CourseEntity course = byId.get(entry.courseId());
            if (course != null && course.status() == CourseStatus.PUBLISHED) {
                parts.add(new Programme.Part(course.id(), course.slug(), course.title(), course.ects(), entry.required(),
                        entry.part()));
            }
        }
        return new Programme(entity.id(), entity.slug(), entity.title(), entity.summary(),
                Markdown.toSafeHtml(entity.descriptionMarkdown()), entity.creditsTotal(), parts);
    }

    private CourseDetail detail(CourseEntity course) {
        Map<String, Skill> skillsByUri = new HashMap<>();
        Set<String> uris = new HashSet<>(course.skillUris());
        uris.addAll(course.prerequisiteSkillUris());
        skills.findAllById(uris).forEach(skill -> skillsByUri.put(skill.uri(), skill.toSkill()));
        List<String> instructors = accounts.displayNames(course.instructorIds().stream().map(AccountId::new).toList())
                .values().stream().sorted().toList();
        List<CourseSummary> prerequisites = courses.findAllById(course.prerequisiteCourseIds()).stream()
                .map(CourseEntity::toSummary).sorted(Comparator.comparing(CourseSummary::title)).toList();
        return new CourseDetail(course.toSummary(), Markdown.toSafeHtml(course.descriptionMarkdown()), course.format(),
                course.languages(), course.outcomes(), skillList(course.skillUris(), skillsByUri), course.sectors(),
                instructors, coInstructorNames(course.id()), prerequisites, skillList(course.prerequisiteSkillUris(), skillsByUri),
                course.lessons().stream().map(LessonEntity::toSummary).toList(),
                runs.findByCourse(course.id().value()).stream().map(CourseRunEntity::toRun).toList(), course.revision());
    }

    private static List<Skill> skillList(Set<String> uris, Map<String, Skill> byUri) {
        return uris.stream().map(byUri::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Skill::label)).toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<LessonContent> publishedLesson(String courseSlug, String lessonSlug) {
        return published(courseSlug).flatMap(course -> {
            List<LessonEntity> lessons = course.lessons();
            for (int i = 0; i < lessons.size(); i++) {
                LessonEntity lesson = lessons.get(i);
                if (lesson.slug().equals(lessonSlug)) {
                    Optional<LessonSummary> previous = i > 0 ? Optional.of(lessons.get(i - 1).toSummary()) : Optional.empty();
                    Optional<LessonSummary> next = i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1).toSummary()) : Optional.empty();
                    return Optional.of(new LessonContent(course.toSummary(), lesson.toSummary(),
                            Markdown.toSafeHtml(lesson.bodyMarkdown()), previous, next, materialsOf(List.of(lesson.id()))));
                }
            }
            return Optional.empty();
        });
    }

    private Optional<CourseEntity> published(String slug) {
        return courses.findBySlug(slug).filter(c -> c.status() == CourseStatus.PUBLISHED);
    }
}
