package eu.aiskills.academy.catalogue.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.CatalogueProperties;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CoursePublished;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.CourseWithdrawn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.Markdown;
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
 */
@Component
@Order(30)
public class CourseContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CourseContentImport.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    /** The shape of {@code course.yaml}. */
    record CourseFile(String slug, String title, String summary, String description, CourseLevel level, String language,
                      Integer workloadHours, BigDecimal ects, CourseStatus status, List<LessonRef> lessons) {
    }

    record LessonRef(String file, String title, Integer minutes) {
    }

    private final CatalogueProperties properties;
    private final Courses courses;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CourseContentImport(CatalogueProperties properties, Courses courses, TransactionTemplate transactions,
                        ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.courses = courses;
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

    /** Imports every course folder; returns how many courses were created or changed. */
    public int importAll() {
        Resource[] files = ContentFiles.list(properties.contentLocation(), "*/course.yaml");
        int changed = 0;
        for (Resource file : files) {
            if (importCourse(file)) {
                changed++;
            }
        }
        log.info("Course content: {} course folders read, {} created or changed", files.length, changed);
        return changed;
    }

    private boolean importCourse(Resource courseYaml) {
        byte[] raw = ContentFiles.read(courseYaml);
        CourseFile course = ContentFiles.yaml(raw, CourseFile.class);
        validate(course, courseYaml);
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
                    ref.minutes() == null ? 30 : ref.minutes()));
        }
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
            entity.changeStatus(course.status() == null ? CourseStatus.PUBLISHED : course.status());
            entity.replaceLessons(lessons);
            entity.importedFrom(hash);
            courses.saveAndFlush(entity);
            if (entity.status() == CourseStatus.PUBLISHED) {
                events.publishEvent(new CoursePublished(entity.id(), entity.slug(), entity.version()));
            } else if (wasPublished) {
                events.publishEvent(new CourseWithdrawn(entity.id(), entity.slug(), entity.version()));
            }
            return true;
        }));
        return Boolean.TRUE.equals(changed);
    }

    private static void validate(CourseFile course, Resource source) {
        List<String> problems = new ArrayList<>();
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
