package eu.aiskills.academy.assessment.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's quiz attempts (when, the score, every answer they gave) and assignment submissions
 * (the text, the files' names and hashes, the grade and feedback). Erasure deletes the answers,
 * what the attempts presented, the texts, feedback and file records (the files themselves go
 * with the documents module's erasure); attempts and submissions keep their number and score,
 * which the course's completion and credentials were based on.
 */
@Component
class AssessmentPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    AssessmentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "assessment";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID account) {
        String id = account.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("quizAttempts", PersonalDataRows.of(jdbc, "SELECT q.slug AS quiz, a.number, a.started_at, a.deadline, a.submitted_at,"
                + " a.submitted_by, a.score, a.passed FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE a.learner_id = ?"
                + " ORDER BY a.started_at", id));
        data.put("quizAnswers", PersonalDataRows.of(jdbc, "SELECT q.slug AS quiz, a.number, s.question_key, s.response, s.saved_at"
                + " FROM quiz_answer s JOIN quiz_attempt a ON a.id = s.attempt_id JOIN quiz q ON q.id = a.quiz_id WHERE a.learner_id = ?"
                + " ORDER BY a.started_at, s.question_key", id));
        data.put("assignmentSubmissions", PersonalDataRows.of(jdbc, "SELECT a.slug AS assignment, s.number, s.text_answer, s.submitted_at,"
                + " s.due_at, s.late, s.status, s.graded_at, s.score, s.passed, s.feedback FROM assignment_submission s"
                + " JOIN assignment a ON a.id = s.assignment_id WHERE s.learner_id = ? ORDER BY s.submitted_at", id));
        data.put("assignmentFiles", PersonalDataRows.of(jdbc, "SELECT a.slug AS assignment, s.number, f.file_name, f.size_bytes, f.sha256"
                + " FROM assignment_file f JOIN assignment_submission s ON s.id = f.submission_id JOIN assignment a ON a.id = s.assignment_id"
                + " WHERE s.learner_id = ? ORDER BY s.submitted_at, f.position", id));
        return data;
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        jdbc.update("DELETE FROM quiz_answer WHERE attempt_id IN (SELECT id FROM quiz_attempt WHERE learner_id = ?)", account.toString());
        jdbc.update("UPDATE quiz_attempt SET paper = '{\"entries\":[]}', results = CASE WHEN results IS NULL THEN NULL ELSE '[]' END"
                + " WHERE learner_id = ?", account.toString());
        jdbc.update("DELETE FROM assignment_file WHERE submission_id IN (SELECT id FROM assignment_submission WHERE learner_id = ?)",
                account.toString());
        jdbc.update("UPDATE assignment_submission SET text_answer = NULL, feedback = NULL WHERE learner_id = ?", account.toString());
    }
}
