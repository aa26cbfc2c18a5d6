package eu.aiskills.academy.labs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.LabTemplate;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of lab templates and of each learner's revisions of them. JDBC (ADR 0019): a save is
 * one insert whose unique key (template, learner, revision) refuses a save based on a stale
 * revision, and the notebooks are stored as the JSON text of their {@code .ipynb}.
 */
@Repository
public class LabTemplateStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "SELECT id, slug, title, course_slug, lesson_slug, kernel, packages, gpus, memory_mb,"
            + " time_limit_minutes, idle_minutes, checks FROM lab_template";

    private final JdbcTemplate jdbc;

    LabTemplateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LabTemplate> bySlug(String slug) {
        return jdbc.query(SELECT + " WHERE slug = ?", this::row, slug).stream().findFirst();
    }

    public List<LabTemplate> ofLesson(String courseSlug, String lessonSlug) {
        return jdbc.query(SELECT + " WHERE course_slug = ? AND lesson_slug = ? ORDER BY title", this::row, courseSlug, lessonSlug);
    }

    public List<LabTemplate> all() {
        return jdbc.query(SELECT + " ORDER BY title", this::row);
    }

    /** What an authored lab holds: its lesson, resources, the learners' notebook and the hidden checks (JSON). */
    public record Authored(String title, String courseSlug, String lessonSlug, int gpus, int memoryMb, int minutes, int idleMinutes,
                           String notebook, String checks, String contentHash) {
    }

    /** Writes the lab at {@code slug}, new or replacing the one there. */
    public void write(String slug, Authored lab, boolean replace, Instant now) {
        Object[] values = {lab.title(), lab.courseSlug(), lab.lessonSlug(), "python3", "", lab.gpus(), lab.memoryMb(), lab.minutes(),
                lab.idleMinutes(), lab.notebook(), lab.checks(), lab.contentHash(), Timestamp.from(now), slug};
        if (replace) {
            jdbc.update("UPDATE lab_template SET title = ?, course_slug = ?, lesson_slug = ?, kernel = ?, packages = ?, gpus = ?, memory_mb = ?,"
                    + " time_limit_minutes = ?, idle_minutes = ?, notebook = ?, checks = ?, content_hash = ?, updated_at = ? WHERE slug = ?", values);
        } else {
            Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
            withId[values.length] = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO lab_template (title, course_slug, lesson_slug, kernel, packages, gpus, memory_mb, time_limit_minutes,"
                    + " idle_minutes, notebook, checks, content_hash, updated_at, slug, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    withId);
        }
    }

    /** The template's notebook as learners get it (revision 0). */
    public LabNotebook notebook(UUID template) {
        return Ipynb.read(jdbc.queryForObject("SELECT notebook FROM lab_template WHERE id = ?", String.class, template.toString()), 0);
    }

    /** The template's hidden checks, as stored (a JSON array of name, points, code). */
    public String checks(UUID template) {
        return jdbc.queryForObject("SELECT checks FROM lab_template WHERE id = ?", String.class, template.toString());
    }

    // ---- the learners' copies ---------------------------------------------------------------

    /** The learner's latest revision of the template, if they saved one. */
    public Optional<LabNotebook> latest(UUID template, AccountId learner) {
        return jdbc.query("SELECT revision, content FROM lab_notebook WHERE template_id = ? AND learner_id = ?"
                        + " ORDER BY revision DESC LIMIT 1", (rs, n) -> Ipynb.read(rs.getString("content"), rs.getInt("revision")),
                template.toString(), learner.toString()).stream().findFirst();
    }

    /** One saved revision: its number, what saved it, and when. */
    public record RevisionRow(int number, String origin, Instant savedAt) {
    }

    public List<RevisionRow> revisions(UUID template, AccountId learner) {
        return jdbc.query("SELECT revision, origin, saved_at FROM lab_notebook WHERE template_id = ? AND learner_id = ?"
                        + " ORDER BY revision DESC", (rs, n) -> new RevisionRow(rs.getInt("revision"), rs.getString("origin"),
                        Jdbc.instant(rs, "saved_at")), template.toString(), learner.toString());
    }

    /** One revision of the learner's copy, if it is still kept. */
    public Optional<LabNotebook> revision(UUID template, AccountId learner, int revision) {
        return jdbc.query("SELECT revision, content FROM lab_notebook WHERE template_id = ? AND learner_id = ? AND revision = ?",
                (rs, n) -> Ipynb.read(rs.getString("content"), rs.getInt("revision")), template.toString(), learner.toString(), revision)
                .stream().findFirst();
    }

    /**
     * Saves revision {@code revision} of the learner's copy and drops those older than the
     * {@code kept} latest; false when that revision exists already (another save came first).
     */
    public boolean saveRevision(UUID template, AccountId learner, int revision, String content, String origin, Instant now, int kept) {
        try {
            jdbc.update("INSERT INTO lab_notebook (id, template_id, learner_id, revision, content, origin, saved_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), template.toString(), learner.toString(),
                    revision, content, origin, Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            return false;
        }
        jdbc.update("DELETE FROM lab_notebook WHERE template_id = ? AND learner_id = ? AND revision <= ?", template.toString(),
                learner.toString(), revision - kept);
        return true;
    }

    private LabTemplate row(ResultSet rs, int row) throws SQLException {
        String packages = rs.getString("packages");
        int checks = JSON.readTree(rs.getString("checks")).size();
        return new LabTemplate(UUID.fromString(rs.getString("id")), rs.getString("slug"), rs.getString("title"),
                rs.getString("course_slug"), rs.getString("lesson_slug"), rs.getString("kernel"),
                packages.isBlank() ? List.of() : List.of(packages.split(",\\s*")), rs.getInt("gpus"), rs.getInt("memory_mb"),
                rs.getInt("time_limit_minutes"), rs.getInt("idle_minutes"), checks);
    }
}
