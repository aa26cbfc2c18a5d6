package eu.aiskills.academy.labs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's lab work: saved notebooks (every revision, with their code), sessions and graded
 * submissions. Erasure deletes the notebooks and the submissions' feedback; sessions stay with
 * their GPU-hours (the quota ledger accounts for them) and submissions keep only their score.
 */
@Component
class LabsPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    LabsPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "labs";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID account) {
        String id = account.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notebooks", PersonalDataRows.of(jdbc, "SELECT t.slug AS lab, n.revision, n.origin, n.saved_at, n.content FROM lab_notebook n"
                + " JOIN lab_template t ON t.id = n.template_id WHERE n.learner_id = ? ORDER BY n.saved_at", id));
        data.put("sessions", PersonalDataRows.of(jdbc, "SELECT t.slug AS lab, s.launcher, s.state, s.gpus, s.created_at, s.started_at,"
                + " s.stopped_at, s.gpu_hours FROM lab_session s JOIN lab_template t ON t.id = s.template_id WHERE s.learner_id = ?"
                + " ORDER BY s.created_at", id));
        data.put("submissions", PersonalDataRows.of(jdbc, "SELECT t.slug AS lab, s.revision, s.score, s.feedback, s.submitted_at"
                + " FROM lab_submission s JOIN lab_template t ON t.id = s.template_id WHERE s.learner_id = ? ORDER BY s.submitted_at", id));
        return data;
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        jdbc.update("DELETE FROM lab_notebook WHERE learner_id = ?", account.toString());
        jdbc.update("UPDATE lab_submission SET feedback = '' WHERE learner_id = ?", account.toString());
    }
}
