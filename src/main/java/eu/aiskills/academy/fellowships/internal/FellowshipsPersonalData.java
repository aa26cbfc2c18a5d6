package eu.aiskills.academy.fellowships.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fellowship applications (with what the applicant declared), placements, reviews written,
 * cohort memberships and hours. Erasure clears an application's proposal, declared facts and
 * documents and its name (the call keeps that an application existed, its receipt and where it
 * ranked: other applicants' standing depends on it), clears the notes of logged hours (the hours
 * stay: the employer co-signed them), and keeps reviews written (other applicants' scores).
 */
@Component
class FellowshipsPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    FellowshipsPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "fellowships";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID account) {
        String id = account.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applications", PersonalDataRows.of(jdbc, "SELECT a.id, c.title AS call_title, a.status, a.proposal, a.facts, a.choices,"
                + " a.documents, a.submitted_at, a.receipt, a.withdrawn_at FROM fellowship_application a JOIN fellowship_call c ON c.id = a.call_id"
                + " WHERE a.applicant_id = ? ORDER BY a.created_at", id));
        data.put("placements", PersonalDataRows.of(jdbc, "SELECT p.status, h.topic, p.offered_at, p.respond_by, p.responded_at"
                + " FROM fellowship_placement p JOIN fellowship_application a ON a.id = p.application_id JOIN host_offer h ON h.id = p.offer_id"
                + " WHERE a.applicant_id = ? ORDER BY p.offered_at", id));
        data.put("reviewsWritten", PersonalDataRows.of(jdbc, "SELECT application_id, position, score, comment FROM review_score"
                + " WHERE reviewer_id = ? ORDER BY application_id, position", id));
        data.put("cohorts", PersonalDataRows.of(jdbc, "SELECT c.name, c.kind, m.award, m.currency, m.conditions, m.joined_at FROM cohort_member m"
                + " JOIN cohort c ON c.id = m.cohort_id WHERE m.account_id = ?", id));
        data.put("hours", PersonalDataRows.of(jdbc, "SELECT h.kind, h.worked_on, h.hours, h.note, h.evidence, h.cosigned_at FROM cohort_hours h"
                + " JOIN cohort_member m ON m.id = h.member_id WHERE m.account_id = ? ORDER BY h.worked_on", id));
        return data;
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        String id = account.toString();
        jdbc.update("UPDATE fellowship_application SET applicant_name = 'Erased applicant', proposal = '', facts = ?, documents = '[]',"
                + " version = version + 1 WHERE applicant_id = ?",
                "{\"nationality\":null,\"residences\":[],\"phd\":\"NONE\",\"phdDate\":null,\"careerBreaks\":[]}", id);
        jdbc.update("UPDATE cohort_hours SET note = '', evidence = NULL, evidence_ref = NULL WHERE member_id IN (SELECT id FROM cohort_member WHERE account_id = ?)", id);
        jdbc.update("UPDATE cohort_member SET conditions = NULL WHERE account_id = ?", id);
    }
}
