package eu.aiskills.academy.labs.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Imports the lab folders of {@code content/labs/} at start-up; unchanged folders are left alone. */
@Component
@Order(40)
public class LabContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LabContentImport.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record LabFile(String slug, String title, String course, String lesson, String kernel, List<String> packages,
                   Resources resources, List<Check> checks) {
    }

    record Resources(Integer gpus, Integer memoryMb, Integer minutes, Integer idleMinutes) {
    }

    /** A graded check: code run in the learner's kernel after their notebook; it passes when it raises nothing. */
    public record Check(String name, int points, String code) {
    }

    private final LabsProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PassedAsIs passedAsIs;
    private final Catalogue catalogue;
    private final Clock clock;

    LabContentImport(LabsProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions, PassedAsIs passedAsIs,
                     Catalogue catalogue, Clock clock) {
        this.properties = properties;
        this.passedAsIs = passedAsIs;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importLabs()) {
            importAll();
        }
    }

    public int importAll() {
        Resource[] files = ContentFiles.list(properties.location(), "*/lab.yaml");
        int changed = 0;
        for (Resource file : files) {
            byte[] raw = ContentFiles.read(file);
            byte[] notebook = ContentFiles.read(ContentFiles.relative(file, "template.ipynb"));
            LabFile lab = ContentFiles.yaml(raw, LabFile.class);
            validate(lab, notebook, file);
            HiddenTests.Split split = HiddenTests.split(new String(notebook, StandardCharsets.UTF_8));
            List<Check> allChecks = new ArrayList<>(lab.checks() == null ? List.of() : lab.checks());
            allChecks.addAll(split.checks());
            LabNotebook learners = split.learners();
            String hash = ContentFiles.fingerprint(raw, notebook);
            if (jdbc.queryForList("SELECT content_hash FROM lab_template WHERE slug = ?", String.class, lab.slug()).contains(hash)) {
                continue;
            }
            refuseIfPassing(lab, learners, allChecks, file);
            Boolean applied = transactions.execute(status -> {
                List<String> existing = jdbc.queryForList("SELECT content_hash FROM lab_template WHERE slug = ?", String.class, lab.slug());
                if (!existing.isEmpty() && existing.getFirst().equals(hash)) {
                    return false;
                }
                String checks = JSON.writeValueAsString(allChecks);
                Object[] values = {lab.title().strip(), lab.course(), lab.lesson(), lab.kernel() == null ? "python3" : lab.kernel(),
                        String.join(", ", lab.packages() == null ? List.of() : lab.packages()), lab.resources().gpus(),
                        lab.resources().memoryMb(), lab.resources().minutes(), lab.resources().idleMinutes(), Ipynb.write(learners), checks,
                        hash, Timestamp.from(clock.instant()), lab.slug()};
                if (existing.isEmpty()) {
                    jdbc.update("INSERT INTO lab_template (title, course_slug, lesson_slug, kernel, packages, gpus, memory_mb,"
                            + " time_limit_minutes, idle_minutes, notebook, checks, content_hash, updated_at, slug, id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", append(values, UUID.randomUUID().toString()));
                } else {
                    jdbc.update("UPDATE lab_template SET title = ?, course_slug = ?, lesson_slug = ?, kernel = ?, packages = ?, gpus = ?,"
                            + " memory_mb = ?, time_limit_minutes = ?, idle_minutes = ?, notebook = ?, checks = ?, content_hash = ?,"
                            + " updated_at = ? WHERE slug = ?", values);
                }
                return true;
            });
            if (Boolean.TRUE.equals(applied)) {
                changed++;
            }
        }
        log.info("Labs: {} folders read, {} labs created or changed", files.length, changed);
        return changed;
    }

    /**
     * A changed lab whose learners' copy would pass as it comes stops the start-up, as any other
     * fault in a content file does. When the sandbox cannot start (a machine without one), the
     * lab is imported unchecked, with a warning: the test suite, which has the sandbox, checks
     * every lab of {@code content/}.
     */
    private void refuseIfPassing(LabFile lab, LabNotebook learners, List<Check> checks, Resource file) {
        BigDecimal passScore = catalogue.publishedCourse(lab.course()).flatMap(course -> course.lessons().stream()
                .filter(lesson -> lesson.slug().equals(lab.lesson())).findFirst()).map(LessonSummary::passScore).orElse(null);
        try {
            passedAsIs.refuseIfPassing(lab.kernel() == null ? "python3" : lab.kernel(), lab.resources().memoryMb(), learners, checks,
                    passScore);
        } catch (UserFacingException e) {
            throw new IllegalStateException("Lab " + file.getDescription() + ": its learners' copy passes its own checks as it comes ("
                    + e.arguments()[0] + " of 100); put the answers in solution regions", e);
        } catch (IllegalStateException e) {
            log.warn("Lab {} imported without the check that its learners' copy does not pass as it comes: {}", lab.slug(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking lab " + lab.slug(), e);
        }
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static void validate(LabFile lab, byte[] notebook, Resource file) {
        List<String> problems = new ArrayList<>();
        if (lab.slug() == null || !SLUG.matcher(lab.slug()).matches() || lab.slug().length() > 80) {
            problems.add("slug must be lower-case words joined by '-' (at most 80 characters)");
        }
        if (lab.title() == null || lab.title().isBlank() || lab.title().length() > 200) {
            problems.add("title is required (at most 200 characters)");
        }
        if (lab.course() == null || !SLUG.matcher(lab.course()).matches() || lab.lesson() == null || !SLUG.matcher(lab.lesson()).matches()) {
            problems.add("course and lesson name the course's slug and the lesson's address");
        }
        Resources r = lab.resources();
        if (r == null || r.gpus() == null || r.gpus() < 0 || r.gpus() > 8 || r.memoryMb() == null || r.memoryMb() < 256
                || r.memoryMb() > 65_536 || r.minutes() == null || r.minutes() < 5 || r.minutes() > 480 || r.idleMinutes() == null
                || r.idleMinutes() < 5 || r.idleMinutes() > 240) {
            problems.add("resources: gpus 0-8, memoryMb 256-65536, minutes 5-480, idleMinutes 5-240");
        }
        if (lab.checks() != null) {
            for (Check check : lab.checks()) {
                if (check.name() == null || check.name().isBlank() || check.points() < 1 || check.points() > 100
                        || check.code() == null || check.code().isBlank()) {
                    problems.add("each check has a name, 1-100 points and code");
                }
            }
        }
        try {
            Ipynb.read(new String(notebook, StandardCharsets.UTF_8), 0);
        } catch (UserFacingException e) {
            problems.add("template.ipynb is not a readable nbformat 4 notebook (" + e.messageKey() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Lab " + file.getDescription() + ": " + String.join("; ", problems));
        }
    }
}
