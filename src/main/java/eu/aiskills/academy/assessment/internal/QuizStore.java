package eu.aiskills.academy.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.assessment.AttemptId;
import eu.aiskills.academy.assessment.Paper;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.identity.AccountId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of banks, quizzes, attempts and answers. JDBC, not JPA (ADR 0019): an attempt is
 * started by an insert whose unique number decides between two tabs, read for update while it
 * is saved to or graded, and submitted by an update that only an unsubmitted row passes.
 */
@Repository
public class QuizStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String QUIZ = "SELECT q.*, LEAST(q.draw_count, (SELECT COUNT(*) FROM bank_question b WHERE b.bank_id = q.bank_id"
            + " AND NOT b.retired)) AS drawn FROM quiz q";
    private static final String ATTEMPT = "SELECT a.*, q.slug AS quiz_slug FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id";

    private final JdbcTemplate jdbc;

    QuizStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many questions a quiz draws when its file or editor says "all of them". */
    public static final int DRAW_ALL = 1_000;

    /** A quiz, the bank it draws from and how many it draws ({@link #DRAW_ALL}: every question). */
    public record QuizRow(Quiz quiz, UUID bank, int drawCount) {
    }

    /** A quiz's settings as they are written; {@code timeLimitMinutes} null for no limit. */
    public record Settings(String slug, String title, String courseSlug, String lessonSlug, UUID bank, int drawCount, boolean shuffle,
                           BigDecimal passMark, int attempts, Integer timeLimitMinutes, Quiz.ShowAnswers showAnswers) {
    }

    /** An attempt as stored; {@code results} is the JSON of its marks once submitted. */
    public record AttemptRow(AttemptId id, UUID quiz, String quizSlug, AccountId learner, int number, long seed, Paper paper,
                             Instant startedAt, Instant deadline, Instant submittedAt, String submittedBy, BigDecimal score,
                             Boolean passed, String results) {

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    public Optional<QuizRow> quiz(String slug) {
        return jdbc.query(QUIZ + " WHERE q.slug = ?", this::quizRow, slug).stream().findFirst();
    }

    public List<Quiz> ofLesson(String courseSlug, String lessonSlug) {
        return jdbc.query(QUIZ + " WHERE q.course_slug = ? AND q.lesson_slug = ? ORDER BY q.title", this::quizRow, courseSlug, lessonSlug)
                .stream().map(QuizRow::quiz).toList();
    }

    public List<Quiz> ofCourse(String courseSlug) {
        return jdbc.query(QUIZ + " WHERE q.course_slug = ? ORDER BY q.lesson_slug, q.title", this::quizRow, courseSlug).stream()
                .map(QuizRow::quiz).toList();
    }

    /** The fingerprint of the bank's content as last written, its row locked until the transaction ends. */
    public Optional<String> bankHash(String slug) {
        return jdbc.queryForList("SELECT content_hash FROM question_bank WHERE slug = ? FOR UPDATE", String.class, slug).stream().findFirst();
    }

    /** The course a bank belongs to. */
    public Optional<String> bankCourse(String slug) {
        return jdbc.queryForList("SELECT course_slug FROM question_bank WHERE slug = ?", String.class, slug).stream().findFirst();
    }

    /** How many quizzes draw from the bank. */
    public int quizzesOf(UUID bank) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM quiz WHERE bank_id = ?", Integer.class, bank.toString());
    }

    /**
     * Writes a bank and its questions, in their order; a question no longer among them is retired
     * (attempts keep what they presented). Returns the bank's id.
     */
    public UUID writeBank(String slug, String courseSlug, String title, List<Question> questions, String hash, Instant now) {
        List<String> existing = jdbc.queryForList("SELECT id FROM question_bank WHERE slug = ? FOR UPDATE", String.class, slug);
        String id = existing.isEmpty() ? UUID.randomUUID().toString() : existing.getFirst();
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO question_bank (id, slug, course_slug, title, content_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    id, slug, courseSlug, title, hash, Timestamp.from(now));
        } else {
            jdbc.update("UPDATE question_bank SET course_slug = ?, title = ?, content_hash = ?, updated_at = ? WHERE id = ?",
                    courseSlug, title, hash, Timestamp.from(now), id);
        }
        jdbc.update("UPDATE bank_question SET retired = TRUE WHERE bank_id = ?", id);
        int position = 0;
        for (Question question : questions) {
            jdbc.update("INSERT INTO bank_question (bank_id, question_key, position, kind, points, body, retired)"
                    + " VALUES (?, ?, ?, ?, ?, ?, FALSE) ON DUPLICATE KEY UPDATE position = VALUES(position), kind = VALUES(kind),"
                    + " points = VALUES(points), body = VALUES(body), retired = FALSE", id, question.key(), ++position,
                    Question.kind(question), question.points(), JSON.writeValueAsString(question));
        }
        return UUID.fromString(id);
    }

    /** The fingerprint of the quiz's settings as last written, its row locked until the transaction ends. */
    public Optional<String> quizHash(String slug) {
        return jdbc.queryForList("SELECT content_hash FROM quiz WHERE slug = ? FOR UPDATE", String.class, slug).stream().findFirst();
    }

    /** Creates the quiz, or changes the one of that slug. */
    public void writeQuiz(Settings quiz, String hash, Instant now) {
        Object[] values = {quiz.title(), quiz.courseSlug(), quiz.lessonSlug(), quiz.bank().toString(), quiz.drawCount(), quiz.shuffle(),
                quiz.passMark(), quiz.attempts(), quiz.timeLimitMinutes() == null ? null : quiz.timeLimitMinutes() * 60,
                quiz.showAnswers().name(), hash, Timestamp.from(now), quiz.slug()};
        int changed = jdbc.update("UPDATE quiz SET title = ?, course_slug = ?, lesson_slug = ?, bank_id = ?, draw_count = ?, shuffle = ?,"
                + " pass_mark = ?, attempts_allowed = ?, time_limit_seconds = ?, show_answers = ?, content_hash = ?, updated_at = ?"
                + " WHERE slug = ?", values);
        if (changed == 0) {
            Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
            withId[values.length] = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO quiz (title, course_slug, lesson_slug, bank_id, draw_count, shuffle, pass_mark, attempts_allowed,"
                    + " time_limit_seconds, show_answers, content_hash, updated_at, slug, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    withId);
        }
    }

    /** Moves a quiz and its bank to another course address (a revision's quiz of a new lesson, once published). */
    public void moveQuiz(UUID quiz, UUID bank, String courseSlug, Instant now) {
        jdbc.update("UPDATE quiz SET course_slug = ?, updated_at = ? WHERE id = ?", courseSlug, Timestamp.from(now), quiz.toString());
        jdbc.update("UPDATE question_bank SET course_slug = ?, updated_at = ? WHERE id = ?", courseSlug, Timestamp.from(now), bank.toString());
    }

    /**
     * Deletes a quiz with its attempts and their answers (a revision's copy: only its instructors
     * tried it), and its bank when no other quiz draws from it.
     */
    public void deleteQuiz(UUID quiz, UUID bank) {
        jdbc.update("DELETE FROM quiz_answer WHERE attempt_id IN (SELECT id FROM quiz_attempt WHERE quiz_id = ?)", quiz.toString());
        jdbc.update("DELETE FROM quiz_attempt WHERE quiz_id = ?", quiz.toString());
        jdbc.update("DELETE FROM quiz WHERE id = ?", quiz.toString());
        deleteBankIfUnused(bank);
    }

    /** Deletes a bank and its questions when no quiz draws from it any more. */
    public void deleteBankIfUnused(UUID bank) {
        if (quizzesOf(bank) == 0) {
            jdbc.update("DELETE FROM bank_question WHERE bank_id = ?", bank.toString());
            jdbc.update("DELETE FROM question_bank WHERE id = ?", bank.toString());
        }
    }

    /** How many attempts at the quiz have been submitted. */
    public int submittedAttempts(UUID quiz) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = ? AND submitted_at IS NOT NULL", Integer.class,
                quiz.toString());
    }

    /** The bank's questions in use, in their order. */
    public List<Question> questions(UUID bank) {
        return jdbc.query("SELECT body FROM bank_question WHERE bank_id = ? AND NOT retired ORDER BY position",
                (rs, n) -> JSON.readValue(rs.getString("body"), Question.class), bank.toString());
    }

    public List<AttemptRow> attempts(UUID quiz, AccountId learner) {
        return jdbc.query(ATTEMPT + " WHERE a.quiz_id = ? AND a.learner_id = ? ORDER BY a.number", this::attemptRow, quiz.toString(),
                learner.value().toString());
    }

    public Optional<AttemptRow> attempt(AttemptId id) {
        return jdbc.query(ATTEMPT + " WHERE a.id = ?", this::attemptRow, id.value().toString()).stream().findFirst();
    }

    /** The attempt, its row locked until the transaction ends (saves and the grading of one attempt go one at a time). */
    public Optional<AttemptRow> lock(AttemptId id) {
        return jdbc.query(ATTEMPT + " WHERE a.id = ? FOR UPDATE", this::attemptRow, id.value().toString()).stream().findFirst();
    }

    /** Inserts attempt {@code number}; false when that number exists (another tab started it first). */
    public boolean insert(AttemptId id, UUID quiz, AccountId learner, int number, long seed, Paper paper, Instant startedAt,
                          Instant deadline) {
        try {
            jdbc.update("INSERT INTO quiz_attempt (id, quiz_id, learner_id, number, seed, paper, started_at, deadline)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id.value().toString(), quiz.toString(), learner.value().toString(), number, seed,
                    JSON.writeValueAsString(paper), Timestamp.from(startedAt), deadline == null ? null : Timestamp.from(deadline));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The answers saved so far, by question key. */
    public Map<String, List<String>> answers(AttemptId id) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        jdbc.query("SELECT question_key, response FROM quiz_answer WHERE attempt_id = ?",
                rs -> {
                    answers.put(rs.getString("question_key"), JSON.readValue(rs.getString("response"), STRINGS));
                }, id.value().toString());
        return answers;
    }

    /** Saves (or replaces) the answer to one question. */
    public void saveAnswer(AttemptId id, String questionKey, List<String> response, Instant now) {
        jdbc.update("INSERT INTO quiz_answer (attempt_id, question_key, response, saved_at) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE response = VALUES(response), saved_at = VALUES(saved_at)", id.value().toString(), questionKey,
                JSON.writeValueAsString(response), Timestamp.from(now));
    }

    /** Records the grade of an unsubmitted attempt; false when it was submitted already. */
    public boolean submit(AttemptId id, String by, Instant at, BigDecimal score, boolean passed, String results) {
        return jdbc.update("UPDATE quiz_attempt SET submitted_at = ?, submitted_by = ?, score = ?, passed = ?, results = ?"
                + " WHERE id = ? AND submitted_at IS NULL", Timestamp.from(at), by, score, passed, results, id.value().toString()) == 1;
    }

    /** Unsubmitted attempts whose deadline has passed, oldest first. */
    public List<AttemptId> overdue(Instant now, int limit) {
        return jdbc.query("SELECT id FROM quiz_attempt WHERE submitted_at IS NULL AND deadline <= ? ORDER BY deadline LIMIT ?",
                (rs, n) -> new AttemptId(UUID.fromString(rs.getString("id"))), Timestamp.from(now), limit);
    }

    private QuizRow quizRow(ResultSet rs, int n) throws SQLException {
        int limit = rs.getInt("time_limit_seconds");
        Duration timeLimit = rs.wasNull() ? null : Duration.ofSeconds(limit);
        return new QuizRow(new Quiz(UUID.fromString(rs.getString("id")), rs.getString("slug"), rs.getString("title"),
                rs.getString("course_slug"), rs.getString("lesson_slug"), rs.getInt("drawn"), rs.getBoolean("shuffle"),
                rs.getBigDecimal("pass_mark"), rs.getInt("attempts_allowed"), timeLimit,
                Quiz.ShowAnswers.valueOf(rs.getString("show_answers"))), UUID.fromString(rs.getString("bank_id")), rs.getInt("draw_count"));
    }

    private AttemptRow attemptRow(ResultSet rs, int n) throws SQLException {
        boolean passed = rs.getBoolean("passed");
        Boolean passedOrNull = rs.wasNull() ? null : passed;
        return new AttemptRow(new AttemptId(UUID.fromString(rs.getString("id"))), UUID.fromString(rs.getString("quiz_id")),
                rs.getString("quiz_slug"), new AccountId(UUID.fromString(rs.getString("learner_id"))), rs.getInt("number"),
                rs.getLong("seed"), JSON.readValue(rs.getString("paper"), Paper.class), instant(rs, "started_at"), instant(rs, "deadline"),
                instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getBigDecimal("score"), passedOrNull, rs.getString("results"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
