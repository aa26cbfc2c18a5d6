package eu.aiskills.academy.catalogue.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.CatalogueProperties;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.catalogue.ProgrammeId;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.ContentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the programme folders ({@code <slug>/programme.yaml}) after the courses they combine;
 * unchanged files are skipped, as for courses.
 */
@Component
@Order(35)
public class ProgrammeContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeContentImport.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    record ProgrammeFile(String slug, String title, String summary, String description, BigDecimal creditsTotal,
                         CourseStatus status, List<Entry> courses) {
    }

    record Entry(String course, Boolean required, String part) {
    }

    private final CatalogueProperties properties;
    private final Programmes programmes;
    private final Courses courses;
    private final TransactionTemplate transactions;
    private final java.time.Clock clock;

    ProgrammeContentImport(CatalogueProperties properties, Programmes programmes, Courses courses,
                           TransactionTemplate transactions, java.time.Clock clock) {
        this.properties = properties;
        this.programmes = programmes;
        this.courses = courses;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importContent()) {
            importAll();
        }
    }

    public int importAll() {
        Resource[] files = ContentFiles.list(properties.programmesLocation(), "*/programme.yaml");
        int changed = 0;
        for (Resource file : files) {
            if (importProgramme(file)) {
                changed++;
            }
        }
        log.info("Programmes: {} folders read, {} created or changed", files.length, changed);
        return changed;
    }

    private boolean importProgramme(Resource source) {
        byte[] raw = ContentFiles.read(source);
        ProgrammeFile file = ContentFiles.yaml(raw, ProgrammeFile.class);
        validate(file, source);
        String hash = ContentFiles.fingerprint(raw);
        return Boolean.TRUE.equals(SystemActor.call(() -> transactions.execute(status -> {
            ProgrammeEntity programme = programmes.findBySlug(file.slug())
                    .orElseGet(() -> new ProgrammeEntity(ProgrammeId.random(), file.slug(), clock.instant()));
            if (hash.equals(programme.contentHash())) {
                return false;
            }
            List<ProgrammeEntity.Entry> entries = new ArrayList<>();
            for (Entry entry : file.courses()) {
                CourseEntity course = courses.findBySlug(entry.course()).orElseThrow(() -> new IllegalStateException(
                        "Programme " + source.getDescription() + " lists course '" + entry.course() + "', which does not exist"));
                entries.add(new ProgrammeEntity.Entry(course.id().value(), entry.required() == null || entry.required(),
                        entry.part().strip()));
            }
            programme.update(file.title().strip(), file.summary().strip(), file.description(), file.creditsTotal(),
                    file.status() == null ? CourseStatus.PUBLISHED : file.status(), entries, hash, clock.instant());
            programmes.save(programme);
            return true;
        })));
    }

    private static void validate(ProgrammeFile file, Resource source) {
        List<String> problems = new ArrayList<>();
        if (file.slug() == null || !SLUG.matcher(file.slug()).matches() || file.slug().length() > 120) {
            problems.add("slug must be lower-case words joined by '-' (at most 120 characters)");
        }
        if (file.title() == null || file.title().isBlank() || file.title().length() > 200) {
            problems.add("title is required (at most 200 characters)");
        }
        if (file.summary() == null || file.summary().isBlank() || file.summary().length() > 600) {
            problems.add("summary is required (at most 600 characters)");
        }
        if (file.creditsTotal() == null || file.creditsTotal().signum() <= 0 || file.creditsTotal().compareTo(new BigDecimal("300")) > 0) {
            problems.add("creditsTotal must be between 0 and 300 ECTS");
        }
        if (file.courses() == null || file.courses().isEmpty()) {
            problems.add("at least one course is required");
        } else {
            Set<String> seen = new HashSet<>();
            for (Entry entry : file.courses()) {
                if (entry.course() == null || !seen.add(entry.course())) {
                    problems.add("course '" + entry.course() + "' is missing or listed twice");
                }
                if (entry.part() == null || entry.part().isBlank() || entry.part().length() > 120) {
                    problems.add("course '" + entry.course() + "' needs a part (at most 120 characters)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Programme " + source.getDescription() + " is invalid: " + String.join("; ", problems));
        }
    }
}
