package eu.aiskills.academy.assessment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.aiskills.academy.assessment.AssessmentProperties;
import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Rubric;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.Markdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports {@code assignments/*.yaml} (a lesson's assignment: brief, what is handed in, due days,
 * late policy, pass mark, rubric) at start-up after the quizzes; unchanged files are left alone.
 * A fault in a file stops the start-up with what to fix, as the other content imports do.
 */
@Component
@Order(46)
public class AssignmentContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AssignmentContentImport.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    record AssignmentFile(String slug, String title, String course, String lesson, String brief, Assignment.Accepts accepts,
                          Integer maxFiles, Integer dueDays, Boolean lateAllowed, BigDecimal passMark, List<Rubric.Criterion> rubric) {
    }

    private final AssessmentProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Catalogue catalogue;
    private final Clock clock;

    AssignmentContentImport(AssessmentProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions, Catalogue catalogue,
                            Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importContent()) {
            importAll(properties.location());
        }
    }

    /** Imports the assignments under {@code location}; returns how many files changed something. */
    public int importAll(String location) {
        int changed = 0;
        Resource[] files = ContentFiles.list(location, "assignments/*.yaml");
        for (Resource file : files) {
            changed += importAssignment(file) ? 1 : 0;
        }
        log.info("Assessment: {} assignments read, {} created or changed", files.length, changed);
        return changed;
    }

    private boolean importAssignment(Resource file) {
        byte[] raw = ContentFiles.read(file);
        AssignmentFile assignment = ContentFiles.yaml(file, raw, AssignmentFile.class, "Assignment");
        List<String> problems = problems(assignment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Assignment " + file.getDescription() + ": " + String.join("; ", problems));
        }
        String hash = ContentFiles.fingerprint(raw);
        Assignment.Accepts accepts = assignment.accepts() == null ? Assignment.Accepts.TEXT_OR_FILES : assignment.accepts();
        int maxFiles = accepts.files() ? (assignment.maxFiles() == null ? 3 : assignment.maxFiles()) : 0;
        return Boolean.TRUE.equals(transactions.execute(status -> {
            List<String> existing = jdbc.queryForList("SELECT content_hash FROM assignment WHERE slug = ? FOR UPDATE", String.class,
                    assignment.slug());
            if (!existing.isEmpty() && existing.getFirst().equals(hash)) {
                return false;
            }
            Object[] values = {assignment.title().strip(), assignment.course(), assignment.lesson(), assignment.brief().strip(), accepts.name(),
                    maxFiles, assignment.dueDays(), assignment.lateAllowed() == null || assignment.lateAllowed(), assignment.passMark(),
                    AssignmentStore.JSON.writeValueAsString(new Rubric(assignment.rubric())), hash, Timestamp.from(clock.instant()),
                    assignment.slug()};
            if (existing.isEmpty()) {
                Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
                withId[values.length] = UUID.randomUUID().toString();
                jdbc.update("INSERT INTO assignment (title, course_slug, lesson_slug, brief_md, accepts, max_files, due_days, late_allowed,"
                        + " pass_mark, rubric, content_hash, updated_at, slug, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", withId);
            } else {
                jdbc.update("UPDATE assignment SET title = ?, course_slug = ?, lesson_slug = ?, brief_md = ?, accepts = ?, max_files = ?,"
                        + " due_days = ?, late_allowed = ?, pass_mark = ?, rubric = ?, content_hash = ?, updated_at = ? WHERE slug = ?", values);
            }
            return true;
        }));
    }

    private List<String> problems(AssignmentFile assignment) {
        List<String> problems = new ArrayList<>();
        if (assignment.slug() == null || !SLUG.matcher(assignment.slug()).matches() || assignment.slug().length() > 80) {
            problems.add("slug must be lower-case words joined by '-' (at most 80 characters)");
        }
        if (assignment.title() == null || assignment.title().isBlank() || assignment.title().length() > 200) {
            problems.add("title is required (at most 200 characters)");
        }
        CourseDetail course = assignment.course() == null ? null : catalogue.publishedCourse(assignment.course()).orElse(null);
        if (course == null) {
            problems.add("course must name a published course's slug");
        } else if (course.lessons().stream().noneMatch(l -> l.slug().equals(assignment.lesson()))) {
            problems.add("lesson must be the address of one of the course's lessons");
        }
        if (assignment.brief() == null || assignment.brief().isBlank() || assignment.brief().length() > Markdown.MAX_LENGTH) {
            problems.add("brief is required (Markdown, at most " + Markdown.MAX_LENGTH + " characters)");
        }
        if (assignment.maxFiles() != null && (assignment.maxFiles() < 1 || assignment.maxFiles() > 10)) {
            problems.add("maxFiles is 1 to 10");
        }
        if (assignment.dueDays() == null || assignment.dueDays() < 0 || assignment.dueDays() > 3650) {
            problems.add("dueDays (days after the run starts) is 0 to 3650");
        }
        if (assignment.passMark() == null || assignment.passMark().signum() <= 0 || assignment.passMark().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add("passMark is above 0 and at most 100");
        }
        if (assignment.rubric() == null) {
            problems.add("rubric: at least one criterion with its levels");
        } else {
            problems.addAll(new Rubric(assignment.rubric()).problems());
        }
        return problems;
    }
}
