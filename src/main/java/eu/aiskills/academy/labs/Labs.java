package eu.aiskills.academy.labs;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.labs.internal.Ipynb;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lab templates and each learner's copy of them. Every save of a copy is a new revision that
 * names the revision it changes: a save based on an older revision (another tab, a stale page)
 * is refused rather than overwriting, and no save is ever lost.
 */
@Service
public class Labs {

    /** Revisions kept per learner and lab; older ones are removed as new ones arrive. */
    static final int REVISIONS_KEPT = 50;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Labs(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The labs of a lesson (what the lesson page offers). */
    @PermitAll
    @Transactional(readOnly = true)
    public List<LabTemplate> ofLesson(String courseSlug, String lessonSlug) {
        return jdbc.query(SELECT + " WHERE course_slug = ? AND lesson_slug = ? ORDER BY title", this::row, courseSlug, lessonSlug);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<LabTemplate> template(String slug) {
        return jdbc.query(SELECT + " WHERE slug = ?", this::row, slug).stream().findFirst();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<LabTemplate> all() {
        return jdbc.query(SELECT + " ORDER BY title", this::row);
    }

    /** The signed-in learner's latest copy of the lab, or the template when they have none yet. */
    @PermitAll
    @Transactional(readOnly = true)
    public LabNotebook myNotebook(String slug) {
        LabTemplate lab = require(slug);
        AccountId me = CurrentUser.requireId();
        return latest(lab.id(), me.value()).orElseGet(() -> templateNotebook(lab.id()));
    }

    /** The revisions of the learner's copy, newest first (number and time). */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Revision> revisions(String slug) {
        LabTemplate lab = require(slug);
        return jdbc.query("SELECT revision, origin, saved_at FROM lab_notebook WHERE template_id = ? AND learner_id = ?"
                        + " ORDER BY revision DESC", (rs, n) -> new Revision(rs.getInt("revision"), rs.getString("origin"),
                        rs.getTimestamp("saved_at").toInstant()), lab.id().toString(),
                CurrentUser.requireId().value().toString());
    }

    /** One saved revision of the learner's copy. */
    public record Revision(int number, String origin, Instant savedAt) {
    }

    /**
     * Saves the learner's copy as the revision after {@code basedOn}. Refused with
     * {@code lab.notebook.conflict} when another save came first.
     */
    @PermitAll
    @Transactional
    public LabNotebook save(String slug, LabNotebook notebook, String origin) {
        LabTemplate lab = require(slug);
        AccountId me = CurrentUser.requireId();
        LabNotebook checked = lockedCellsKept(lab, notebook);
        String content = Ipynb.write(checked);
        if (content.length() > Ipynb.MAX_CHARS) {
            throw new UserFacingException("lab.notebook.too-large", Ipynb.MAX_CHARS / (1024 * 1024));
        }
        int next = notebook.revision() + 1;
        try {
            jdbc.update("INSERT INTO lab_notebook (id, template_id, learner_id, revision, content, origin, saved_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), lab.id().toString(), me.value().toString(),
                    next, content, origin(origin), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("lab.notebook.conflict", next);
        }
        jdbc.update("DELETE FROM lab_notebook WHERE template_id = ? AND learner_id = ? AND revision <= ?", lab.id().toString(),
                me.value().toString(), next - REVISIONS_KEPT);
        return new LabNotebook(next, checked.cells());
    }

    /** Starts the learner's copy over from the template (as a new revision: the old ones stay in the history). */
    @PermitAll
    @Transactional
    public LabNotebook reset(String slug, int basedOn) {
        LabTemplate lab = require(slug);
        LabNotebook fresh = templateNotebook(lab.id());
        return save(slug, new LabNotebook(basedOn, fresh.cells()), "reset");
    }

    /** The learner's copy as an {@code .ipynb} file. */
    @PermitAll
    @Transactional(readOnly = true)
    public byte[] download(String slug) {
        return Ipynb.write(myNotebook(slug)).getBytes(StandardCharsets.UTF_8);
    }

    /** A copy for the platform itself (graded checks, sessions), by learner. */
    Optional<LabNotebook> latest(UUID templateId, UUID learnerId) {
        return jdbc.query("SELECT revision, content FROM lab_notebook WHERE template_id = ? AND learner_id = ?"
                        + " ORDER BY revision DESC LIMIT 1", (rs, n) -> Ipynb.read(rs.getString("content"), rs.getInt("revision")),
                templateId.toString(), learnerId.toString()).stream().findFirst();
    }

    LabNotebook templateNotebook(UUID templateId) {
        return Ipynb.read(jdbc.queryForObject("SELECT notebook FROM lab_template WHERE id = ?", String.class, templateId.toString()), 0);
    }

    LabTemplate require(String slug) {
        return template(slug).orElseThrow(() -> new NotFoundException("lab.not-found"));
    }

    /** Locked (set-up) cells keep the template's source whatever a client sends. */
    private LabNotebook lockedCellsKept(LabTemplate lab, LabNotebook notebook) {
        if (notebook.cells().size() > LabNotebook.MAX_CELLS) {
            throw new UserFacingException("lab.notebook.too-many-cells", LabNotebook.MAX_CELLS);
        }
        LabNotebook template = templateNotebook(lab.id());
        return notebook.withCells(notebook.cells().stream().map(cell -> {
            if (cell.source() != null && cell.source().length() > LabNotebook.MAX_CELL_CHARS) {
                throw new UserFacingException("lab.notebook.cell-too-large", LabNotebook.MAX_CELL_CHARS / 1000);
            }
            return template.cells().stream().filter(t -> t.locked() && t.id().equals(cell.id())).findFirst()
                    .map(t -> new LabNotebook.Cell(cell.id(), t.kind(), t.source(), true, cell.executionCount(), cell.outputs()))
                    .orElse(new LabNotebook.Cell(cell.id(), cell.kind(), cell.source() == null ? "" : cell.source(), false,
                            cell.executionCount(), cell.outputs()));
        }).toList());
    }

    private static String origin(String origin) {
        return origin != null && Arrays.asList("autosave", "save", "reset", "run", "stop").contains(origin) ? origin : "save";
    }

    private static final tools.jackson.databind.json.JsonMapper CHECKS = tools.jackson.databind.json.JsonMapper.builder().build();

    private static final String SELECT = "SELECT id, slug, title, course_slug, lesson_slug, kernel, packages, gpus, memory_mb,"
            + " time_limit_minutes, idle_minutes, checks FROM lab_template";

    private LabTemplate row(ResultSet rs, int row) throws SQLException {
        String packages = rs.getString("packages");
        int checks = CHECKS.readTree(rs.getString("checks")).size();
        return new LabTemplate(UUID.fromString(rs.getString("id")), rs.getString("slug"), rs.getString("title"),
                rs.getString("course_slug"), rs.getString("lesson_slug"), rs.getString("kernel"),
                packages.isBlank() ? List.of() : List.of(packages.split(",\\s*")), rs.getInt("gpus"), rs.getInt("memory_mb"),
                rs.getInt("time_limit_minutes"), rs.getInt("idle_minutes"), checks);
    }
}
