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
 * A learner's quiz attempts: when, the score, and every answer they gave. Erasure deletes the
 * answers and what the attempts presented; the attempts keep their number and score, which the
 * course's completion and credentials were based on.
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
        return data;
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        jdbc.update("DELETE FROM quiz_answer WHERE attempt_id IN (SELECT id FROM quiz_attempt WHERE learner_id = ?)", account.toString());
        jdbc.update("UPDATE quiz_attempt SET paper = '{\"entries\":[]}', results = CASE WHEN results IS NULL THEN NULL ELSE '[]' END"
                + " WHERE learner_id = ?", account.toString());
    }
}
