package eu.aiskills.academy.enrolment.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's enrolments, progress and credentials. Erasure keeps enrolments and progress
 * (seat counts and completion statistics need them; they point at the anonymised account and
 * name nobody) and withdraws the credentials: the signed tokens, which carry the name, are
 * deleted and the credentials read as revoked at the holder's request.
 */
@Component
class EnrolmentPersonalData implements PersonalDataHolder {

    static final String ERASED_REASON = "Erased at the holder's request";

    private final JdbcTemplate jdbc;

    EnrolmentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "learning";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID account) {
        String id = account.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enrolments", PersonalDataRows.of(jdbc, "SELECT id, course_id, run_id, status, requested_at, enrolled_at, cancelled_at,"
                + " completed_at FROM enrolment WHERE learner_id = ? ORDER BY requested_at", id));
        data.put("lessonsDone", PersonalDataRows.of(jdbc, "SELECT p.enrolment_id, p.lesson_id, p.done_at FROM lesson_progress p"
                + " JOIN enrolment e ON e.id = p.enrolment_id WHERE e.learner_id = ? ORDER BY p.done_at", id));
        data.put("credentials", PersonalDataRows.of(jdbc, "SELECT id, kind, recipient_name, achievement_name, issued_at, revoked_at,"
                + " revocation_reason, jwt AS signed_token FROM credential WHERE learner_id = ? ORDER BY issued_at", id));
        return data;
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        jdbc.update("UPDATE credential SET recipient_name = 'Erased', jwt = '', revoked_at = COALESCE(revoked_at, CURRENT_TIMESTAMP),"
                + " revocation_reason = ? WHERE learner_id = ?", ERASED_REASON, account.toString());
    }
}
