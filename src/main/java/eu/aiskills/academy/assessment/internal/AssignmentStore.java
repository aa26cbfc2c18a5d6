package eu.aiskills.academy.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Rubric;
import eu.aiskills.academy.assessment.Submission;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of assignments, submissions and their files. A submission is made by an insert whose
 * unique number per learner decides between two tabs; it is graded by an update that only a
 * submission awaiting its grade passes, so two graders at once grade it once.
 */
@Repository
public class AssignmentStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> LEVELS = new TypeReference<>() {
    };
    private static final String SUBMISSION = "SELECT s.*, a.slug AS assignment_slug FROM assignment_submission s"
            + " JOIN assignment a ON a.id = s.assignment_id";

    private final JdbcTemplate jdbc;

    AssignmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Assignment> assignment(String slug) {
        return jdbc.query("SELECT * FROM assignment WHERE slug = ?", AssignmentStore::assignmentRow, slug).stream().findFirst();
    }

    public List<Assignment> ofLesson(String courseSlug, String lessonSlug) {
        return jdbc.query("SELECT * FROM assignment WHERE course_slug = ? AND lesson_slug = ? ORDER BY title",
                AssignmentStore::assignmentRow, courseSlug, lessonSlug);
    }

    public List<Assignment> ofCourse(String courseSlug) {
        return jdbc.query("SELECT * FROM assignment WHERE course_slug = ? ORDER BY lesson_slug, title", AssignmentStore::assignmentRow,
                courseSlug);
    }

    /** A learner's submissions to an assignment, first first (names left empty). */
    public List<Submission> submissions(UUID assignment, AccountId learner) {
        return withFiles(jdbc.query(SUBMISSION + " WHERE s.assignment_id = ? AND s.learner_id = ? ORDER BY s.number",
                AssignmentStore::submissionRow, assignment.toString(), learner.value().toString()));
    }

    /** Every learner's submissions to an assignment, newest first (names left empty). */
    public List<Submission> all(UUID assignment) {
        return withFiles(jdbc.query(SUBMISSION + " WHERE s.assignment_id = ? ORDER BY s.submitted_at DESC",
                AssignmentStore::submissionRow, assignment.toString()));
    }

    /** The submissions of the given learners to every assignment of a course, without their files (the gradebook). */
    public List<Submission> ofLearners(String courseSlug, Collection<AccountId> learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        String marks = Jdbc.placeholders(learners.size());
        List<Object> args = new ArrayList<>();
        args.add(courseSlug);
        learners.forEach(l -> args.add(l.value().toString()));
        return jdbc.query(SUBMISSION + " WHERE a.course_slug = ? AND s.learner_id IN (" + marks + ") ORDER BY s.number",
                AssignmentStore::submissionRow, args.toArray());
    }

    public Optional<Submission> submission(UUID id) {
        return withFiles(jdbc.query(SUBMISSION + " WHERE s.id = ?", AssignmentStore::submissionRow, id.toString())).stream().findFirst();
    }

    /**
     * Inserts a submission and its files; false when the learner's submission of that number
     * exists already (another tab handed in first).
     */
    public boolean insert(UUID id, UUID assignment, AccountId learner, int number, String text, List<Submission.HandedIn> files,
                          Instant at, Instant dueAt, boolean late) {
        try {
            jdbc.update("INSERT INTO assignment_submission (id, assignment_id, learner_id, number, text_answer, submitted_at, due_at,"
                    + " late, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')", id.toString(), assignment.toString(),
                    learner.value().toString(), number, text, Timestamp.from(at), dueAt == null ? null : Timestamp.from(dueAt), late);
        } catch (DuplicateKeyException e) {
            return false;
        }
        for (Submission.HandedIn file : files) {
            jdbc.update("INSERT INTO assignment_file (submission_id, position, document_id, file_name, size_bytes, sha256)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id.toString(), file.position(), file.document().value().toString(), file.fileName(),
                    file.sizeBytes(), file.sha256());
        }
        return true;
    }

    /** Grades (or returns) a submission awaiting its grade; false when it was graded by someone else first. */
    public boolean grade(UUID id, Submission.Status status, AccountId grader, Instant at, Map<String, String> levels, BigDecimal score,
                         boolean passed, String feedback) {
        return jdbc.update("UPDATE assignment_submission SET status = ?, graded_by = ?, graded_at = ?, levels = ?, score = ?, passed = ?,"
                + " feedback = ? WHERE id = ? AND status = 'SUBMITTED'", status.name(), grader.value().toString(), Timestamp.from(at),
                JSON.writeValueAsString(levels), score, passed, feedback, id.toString()) == 1;
    }

    /** Whether a submission holds the document (its owner may then not delete it). */
    public boolean holds(DocumentId document) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM assignment_file WHERE document_id = ?", Integer.class,
                document.value().toString());
        return count != null && count > 0;
    }

    private List<Submission> withFiles(List<Submission> submissions) {
        if (submissions.isEmpty()) {
            return submissions;
        }
        String marks = Jdbc.placeholders(submissions.size());
        Map<UUID, List<Submission.HandedIn>> files = new HashMap<>();
        jdbc.query("SELECT * FROM assignment_file WHERE submission_id IN (" + marks + ") ORDER BY position", rs -> {
            files.computeIfAbsent(UUID.fromString(rs.getString("submission_id")), k -> new ArrayList<>())
                    .add(new Submission.HandedIn(rs.getInt("position"), new DocumentId(UUID.fromString(rs.getString("document_id"))),
                            rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256")));
        }, submissions.stream().map(s -> s.id().toString()).toArray());
        return submissions.stream().map(s -> s.withFiles(files.getOrDefault(s.id(), List.of()))).toList();
    }

    static Assignment assignmentRow(ResultSet rs, int n) throws SQLException {
        return new Assignment(UUID.fromString(rs.getString("id")), rs.getString("slug"), rs.getString("title"), rs.getString("course_slug"),
                rs.getString("lesson_slug"), rs.getString("brief_md"), Assignment.Accepts.valueOf(rs.getString("accepts")),
                rs.getInt("max_files"), rs.getInt("due_days"), rs.getBoolean("late_allowed"), rs.getBigDecimal("pass_mark"),
                JSON.readValue(rs.getString("rubric"), Rubric.class));
    }

    static Submission submissionRow(ResultSet rs, int n) throws SQLException {
        String levels = rs.getString("levels");
        Object passed = rs.getObject("passed");
        String grader = rs.getString("graded_by");
        return new Submission(UUID.fromString(rs.getString("id")), rs.getString("assignment_slug"),
                new AccountId(UUID.fromString(rs.getString("learner_id"))), "", rs.getInt("number"), rs.getString("text_answer"), List.of(),
                Jdbc.instant(rs, "submitted_at"), Jdbc.instant(rs, "due_at"), rs.getBoolean("late"),
                Submission.Status.valueOf(rs.getString("status")), grader == null ? null : new AccountId(UUID.fromString(grader)), "",
                Jdbc.instant(rs, "graded_at"),
                levels == null ? Map.of() : JSON.readValue(levels, LEVELS), rs.getBigDecimal("score"),
                passed == null ? null : rs.getBoolean("passed"), rs.getString("feedback"));
    }
}
