package eu.aiskills.academy.catalogue.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.CatalogueProperties;
import eu.aiskills.academy.catalogue.CourseFormat;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CoursePublished;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.CourseWithdrawn;
import eu.aiskills.academy.catalogue.DeliveryMode;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.catalogue.Sector;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the course folders under {@code academy.catalogue.content-location}: each folder has a
 * {@code course.yaml} and the lesson Markdown files it names. A course whose files did not change
 * since the last import is left alone, so running the import again is harmless.
 * <p>Long because it reads and checks the whole course file format (course, lessons, runs, labs),
 * each refusal naming the file and field.
 */
@Component
@Order(30)
public class CourseContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CourseContentImport.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    /** The shape of {@code course.yaml}. */
    record CourseFile(String slug, String title, String summary, String description, CourseLevel level, String language,
                      List<String> languages, CourseFormat format, Integer workloadHours, BigDecimal ects,
                      CourseStatus status, List<String> outcomes, List<String> skills, List<Sector> sectors,
                      List<String> instructors, Prerequisites prerequisites, List<LessonRef> lessons, List<RunFile> runs) {
    }

    record Prerequisites(List<String> courses, List<String> skills) {
    }

    record LessonRef(String file, String title, Integer minutes, String module, Boolean required, BigDecimal passScore,
                     String completedBy, Integer weight) {

        /** The completion rule the file names (read, done, lab, quiz, assignment); none: a lab with a pass score, else done. */
        LessonCompletion completion() {
            return completedBy == null ? null : LessonCompletion.valueOf(completedBy.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A run; enrolment opens and closes at local date-times in the run's time zone. */
    record RunFile(String code, LocalDate startsOn, LocalDate endsOn, LocalDateTime enrolOpens, LocalDateTime enrolCloses,
                   String timeZone, Integer capacity, Boolean waitlist, String language, DeliveryMode mode,
                   String location, BigDecimal labGpuHours) {
    }

    private final CatalogueProperties properties;
    private final Courses courses;
    private final CourseRuns runs;
    private final Skills skills;
    private final AccountManagement accounts;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CourseContentImport(CatalogueProperties properties, Courses courses, CourseRuns runs, Skills skills,
                        AccountManagement accounts, TransactionTemplate transactions, ApplicationEventPublisher events,
                        Clock clock) {
        this.properties = properties;
        this.courses = courses;
        this.runs = runs;
        this.skills = skills;
        this.accounts = accounts;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importContent()) {
            importAll();
        }
    }

    /**
     * Imports every course folder; returns how many courses were created or changed. Courses are
     * imported in prerequisite order, so that a course can name another as its prerequisite.
     */
    public int importAll() {
        Resource[] files = ContentFiles.list(properties.contentLocation(), "*/course.yaml");
        Map<String, Parsed> bySlug = new LinkedHashMap<>();
        for (Resource file : files) {
            Parsed parsed = parse(file);
            if (bySlug.put(parsed.course().slug(), parsed) != null) {
                throw new IllegalStateException("Two course folders use the slug '" + parsed.course().slug() + "'");
            }
        }
        int changed = 0;
        Set<String> done = new HashSet<>();
        for (String slug : bySlug.keySet()) {
            changed += importInOrder(slug, bySlug, done, new ArrayDeque<>());
        }
        log.info("Course content: {} course folders read, {} created or changed", files.length, changed);
        return changed;
    }

    private record Parsed(Resource source, byte[] raw, CourseFile course) {
    }

    private Parsed parse(Resource courseYaml) {
        byte[] raw = ContentFiles.read(courseYaml);
        CourseFile course = ContentFiles.yaml(raw, CourseFile.class);
        validate(course, courseYaml);
        return new Parsed(courseYaml, raw, course);
    }

    private int importInOrder(String slug, Map<String, Parsed> bySlug, Set<String> done, Deque<String> path) {
        if (done.contains(slug)) {
            return 0;
        }
        if (path.contains(slug)) {
            throw new IllegalStateException("Course prerequisites form a cycle: " + String.join(" -> ", path) + " -> " + slug);
        }
        path.push(slug);
        int changed = 0;
        Parsed parsed = bySlug.get(slug);
        for (String required : parsed.course().prerequisites() == null || parsed.course().prerequisites().courses() == null
                ? List.<String>of() : parsed.course().prerequisites().courses()) {
            if (bySlug.containsKey(required)) {
                changed += importInOrder(required, bySlug, done, path);
            }
        }
        path.pop();
        done.add(slug);
        return changed + (importCourse(parsed) ? 1 : 0);
    }

    private boolean importCourse(Parsed parsed) {
        Resource courseYaml = parsed.source();
        byte[] raw = parsed.raw();
        CourseFile course = parsed.course();
        List<byte[]> fingerprinted = new ArrayList<>(List.of(raw));
        List<LessonEntity.Draft> lessons = new ArrayList<>();
        for (LessonRef ref : course.lessons()) {
            byte[] markdown = ContentFiles.read(ContentFiles.relative(courseYaml, ref.file()));
            fingerprinted.add(ref.file().getBytes(StandardCharsets.UTF_8));
            fingerprinted.add(markdown);
            String body = new String(markdown, StandardCharsets.UTF_8);
            if (body.length() > Markdown.MAX_LENGTH) {
                throw new IllegalStateException("Lesson " + ref.file() + " of " + courseYaml.getDescription()
                        + " is longer than " + Markdown.MAX_LENGTH + " characters");
            }
            lessons.add(new LessonEntity.Draft(lessonSlug(ref.file()), ref.title().strip(), body,
                    ref.minutes() == null ? 30 : ref.minutes(), ref.module() == null ? null : ref.module().strip(),
                    ref.required() == null || ref.required(), ref.passScore(), ref.completion(), ref.weight() == null ? 1 : ref.weight()));
        }
        List<CourseRunEntity.Draft> runDrafts = runDrafts(course, courseYaml);
        String hash = ContentFiles.fingerprint(fingerprinted.toArray(byte[][]::new));
        Boolean changed = SystemActor.call(() -> transactions.execute(status -> {
            CourseEntity entity = courses.findBySlug(course.slug())
                    .orElseGet(() -> new CourseEntity(CourseId.random(), course.slug(), clock.instant()));
            if (hash.equals(entity.contentHash())) {
                return false;
            }
            boolean wasPublished = entity.status() == CourseStatus.PUBLISHED;
            entity.describe(course.title().strip(), course.summary().strip(), course.description(), course.level(),
                    course.language(), course.workloadHours(), course.ects(), clock.instant());
            entity.teach(teaching(course, courseYaml));
            entity.assignInstructors(instructors(course, courseYaml));
            CourseStatus target = course.status() == null ? CourseStatus.PUBLISHED : course.status();
            if (target == CourseStatus.PUBLISHED && entity.status() != CourseStatus.PUBLISHED) {
                entity.publish(clock.instant());
            } else {
                entity.changeStatus(target);
            }
            entity.replaceLessons(lessons);
            entity.importedFrom(hash);
            courses.saveAndFlush(entity);
            importRuns(entity, runDrafts);
            if (entity.status() == CourseStatus.PUBLISHED) {
                events.publishEvent(new CoursePublished(entity.id(), entity.slug(), entity.version(), CoursePublished.Change.IMPORTED, entity.revision()));
            } else if (wasPublished) {
                events.publishEvent(new CourseWithdrawn(entity.id(), entity.slug(), entity.version()));
            }
            return true;
        }));
        return Boolean.TRUE.equals(changed);
    }

    private CourseEntity.Teaching teaching(CourseFile course, Resource source) {
        Set<String> known = new HashSet<>();
        skills.findAll().forEach(skill -> known.add(skill.uri()));
        List<String> unknown = new ArrayList<>();
        Set<String> taught = new LinkedHashSet<>(course.skills() == null ? List.of() : course.skills());
        Set<String> required = new LinkedHashSet<>(course.prerequisites() == null || course.prerequisites().skills() == null
                ? List.of() : course.prerequisites().skills());
        taught.stream().filter(uri -> !known.contains(uri)).forEach(unknown::add);
        required.stream().filter(uri -> !known.contains(uri)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Course content " + source.getDescription() + " names skills that are not in "
                    + "content/skills: " + String.join(", ", unknown));
        }
        Set<java.util.UUID> requiredCourses = new LinkedHashSet<>();
        for (String slug : course.prerequisites() == null || course.prerequisites().courses() == null
                ? List.<String>of() : course.prerequisites().courses()) {
            requiredCourses.add(courses.findBySlug(slug).orElseThrow(() -> new IllegalStateException("Course content "
                    + source.getDescription() + " requires course '" + slug + "', which does not exist")).id().value());
        }
        Set<String> languages = new LinkedHashSet<>(course.languages() == null ? List.of() : course.languages());
        languages.add(course.language());
        return new CourseEntity.Teaching(course.format() == null ? CourseFormat.SELF_PACED : course.format(), languages,
                course.outcomes().stream().map(String::strip).toList(), taught,
                course.sectors() == null ? Set.of() : new LinkedHashSet<>(course.sectors()),
                requiredCourses, required);
    }

    /** Instructors named by e-mail address; an address without an account is skipped with a warning. */
    private Set<java.util.UUID> instructors(CourseFile course, Resource source) {
        Set<java.util.UUID> ids = new LinkedHashSet<>();
        for (String email : course.instructors() == null ? List.<String>of() : course.instructors()) {
            accounts.findByEmail(email).ifPresentOrElse(account -> ids.add(account.id().value()),
                    () -> log.warn("Course content {}: instructor {} has no account here; not assigned",
                            source.getDescription(), email));
        }
        return ids;
    }

    private static List<CourseRunEntity.Draft> runDrafts(CourseFile course, Resource source) {
        List<CourseRunEntity.Draft> drafts = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (RunFile run : course.runs() == null ? List.<RunFile>of() : course.runs()) {
            ZoneId zone;
            try {
                zone = ZoneId.of(run.timeZone() == null ? "" : run.timeZone());
            } catch (java.time.DateTimeException e) {
                throw new IllegalStateException("Course content " + source.getDescription() + ": run " + run.code()
                        + " has an unknown time zone '" + run.timeZone() + "' (use a region such as Europe/Brussels)");
            }
            CourseRunEntity.Draft draft = new CourseRunEntity.Draft(run.code(), run.startsOn(), run.endsOn(),
                    run.enrolOpens() == null ? null : run.enrolOpens().atZone(zone).toInstant(),
                    run.enrolCloses() == null ? null : run.enrolCloses().atZone(zone).toInstant(), zone,
                    run.capacity() == null ? 0 : run.capacity(), run.waitlist() == null || run.waitlist(),
                    run.language() == null ? course.language() : run.language(),
                    run.mode() == null ? DeliveryMode.ONLINE : run.mode(), run.location(), run.labGpuHours());
            List<RunRules.Problem> problems = RunRules.check(draft);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Course content " + source.getDescription() + ": run " + run.code() + " is invalid: "
                        + String.join("; ", problems.stream().map(p -> p.field() + ": "
                        + Translations.get(Locale.ENGLISH, p.message().key(), p.message().arguments().toArray())).toList()));
            }
            if (!codes.add(run.code())) {
                throw new IllegalStateException("Course content " + source.getDescription() + ": two runs use the code " + run.code());
            }
            drafts.add(draft);
        }
        return drafts;
    }

    /** Creates or updates the runs by code; a run no longer in the file is cancelled, never deleted (it may have enrolments). */
    private void importRuns(CourseEntity course, List<CourseRunEntity.Draft> drafts) {
        Map<String, CourseRunEntity> existing = new HashMap<>();
        runs.findByCourse(course.id().value()).forEach(run -> existing.put(run.code(), run));
        for (CourseRunEntity.Draft draft : drafts) {
            CourseRunEntity run = existing.remove(draft.code());
            if (run == null) {
                run = new CourseRunEntity(RunId.random(), course, clock.instant());
            }
            run.update(draft, clock.instant());
            runs.save(run);
        }
        existing.values().forEach(run -> run.cancel(clock.instant()));
    }

    private static void validate(CourseFile course, Resource source) {
        List<String> problems = new ArrayList<>();
        if (course.outcomes() == null || course.outcomes().isEmpty()) {
            problems.add("at least one learning outcome is required (outcomes)");
        } else if (course.outcomes().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 500)) {
            problems.add("each outcome must be a sentence of at most 500 characters");
        }
        if (course.languages() != null && course.languages().stream().anyMatch(l -> l == null || !LANGUAGE.matcher(l).matches())) {
            problems.add("languages must be two-letter ISO 639-1 codes");
        }
        if (course.slug() == null || !SLUG.matcher(course.slug()).matches() || course.slug().length() > 120) {
            problems.add("slug must be lower-case words joined by '-' (at most 120 characters)");
        }
        if (course.title() == null || course.title().isBlank() || course.title().length() > 200) {
            problems.add("title is required (at most 200 characters)");
        }
        if (course.summary() == null || course.summary().isBlank() || course.summary().length() > 600) {
            problems.add("summary is required (at most 600 characters)");
        }
        if (course.level() == null) {
            problems.add("level is required (INTRODUCTORY, INTERMEDIATE or ADVANCED)");
        }
        if (course.language() == null || !LANGUAGE.matcher(course.language()).matches()) {
            problems.add("language must be a two-letter ISO 639-1 code");
        }
        if (course.workloadHours() == null || course.workloadHours() <= 0 || course.workloadHours() > 2000) {
            problems.add("workloadHours must be between 1 and 2000");
        }
        if (course.ects() != null && (course.ects().signum() < 0 || course.ects().compareTo(new BigDecimal("180")) > 0)) {
            problems.add("ects must be between 0 and 180");
        }
        if (course.lessons() == null || course.lessons().isEmpty()) {
            problems.add("at least one lesson is required");
        } else {
            for (LessonRef lesson : course.lessons()) {
                if (lesson.file() == null || !lesson.file().matches("[A-Za-z0-9._-]+\\.md")) {
                    problems.add("lesson file '" + lesson.file() + "' must be a plain .md file name in the course folder");
                }
                if (lesson.title() == null || lesson.title().isBlank() || lesson.title().length() > 200) {
                    problems.add("lesson '" + lesson.file() + "' needs a title (at most 200 characters)");
                }
                if (lesson.passScore() != null && (lesson.passScore().signum() <= 0
                        || lesson.passScore().compareTo(BigDecimal.valueOf(100)) > 0)) {
                    problems.add("lesson '" + lesson.file() + "' passScore must be above 0 and at most 100");
                }
                if (lesson.completedBy() != null && !List.of("read", "done", "lab", "quiz", "assignment").contains(lesson.completedBy())) {
                    problems.add("lesson '" + lesson.file() + "' completedBy is read, done, lab, quiz or assignment");
                } else if (lesson.completedBy() != null && !"lab".equals(lesson.completedBy()) && lesson.passScore() != null) {
                    problems.add("lesson '" + lesson.file() + "' is completed by its " + lesson.completedBy()
                            + " (not a lab's pass score): drop its passScore");
                }
                if (lesson.weight() != null && (lesson.weight() < 0 || lesson.weight() > 100)) {
                    problems.add("lesson '" + lesson.file() + "' weight must be between 0 and 100");
                }
                if ("lab".equals(lesson.completedBy()) && lesson.passScore() == null) {
                    problems.add("lesson '" + lesson.file() + "' is completed by its lab: give it a passScore");
                }
                if (lesson.minutes() != null && (lesson.minutes() <= 0 || lesson.minutes() > 600)) {
                    problems.add("lesson '" + lesson.file() + "' minutes must be between 1 and 600");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Course content " + source.getDescription() + " is invalid: " + String.join("; ", problems));
        }
    }

    static String lessonSlug(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".md".length()).toLowerCase(Locale.ROOT);
        return base.replaceFirst("^[0-9]+[-_]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
