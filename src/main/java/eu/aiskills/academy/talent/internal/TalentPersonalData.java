package eu.aiskills.academy.talent.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import eu.aiskills.academy.talent.CandidateProfileChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A candidate's profile, skills, applications and alerts. Erasure deletes the profile, skills and
 * alerts, and anonymises applications: each employer keeps the record that an application
 * existed, where it went and their own notes, but no name, letter, answers, profile or CV.
 */
@Component
class TalentPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final MatchIndex index;

    private final ApplicationEventPublisher events;

    TalentPersonalData(JdbcTemplate jdbc, MatchIndex index, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public String section() {
        return "talent";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID account) {
        String id = account.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", PersonalDataRows.of(jdbc, "SELECT headline, experience, education, country, city, mobility, visibility,"
                + " consent_at, consent_withdrawn_at, updated_at FROM candidate_profile WHERE account_id = ?", id));
        data.put("languages", jdbc.queryForList("SELECT language FROM candidate_language WHERE account_id = ? ORDER BY language",
                String.class, id));
        data.put("skills", PersonalDataRows.of(jdbc, "SELECT skill_uri, source, evidence FROM candidate_skill WHERE account_id = ?"
                + " ORDER BY skill_uri, source", id));
        data.put("applications", PersonalDataRows.of(jdbc, "SELECT a.id, p.title AS posting, a.status, a.cover_letter, a.cv_file_name,"
                + " a.answers, a.profile, a.reason, a.submitted_at, a.updated_at FROM job_application a JOIN job_posting p ON p.id = a.posting_id"
                + " WHERE a.candidate_id = ? AND a.erased_at IS NULL ORDER BY a.submitted_at", id));
        data.put("applicationHistory", PersonalDataRows.of(jdbc, "SELECT e.application_id, e.from_status, e.to_status, e.moved_at, e.reason"
                + " FROM job_application_event e JOIN job_application a ON a.id = e.application_id WHERE a.candidate_id = ?"
                + " ORDER BY e.moved_at, e.seq", id));
        data.put("alerts", PersonalDataRows.of(jdbc, "SELECT name, criteria, created_at FROM saved_search WHERE account_id = ?", id));
        return data;
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        String id = account.toString();
        jdbc.update("DELETE FROM candidate_skill WHERE account_id = ?", id);
        jdbc.update("DELETE FROM candidate_profile WHERE account_id = ?", id);
        jdbc.update("DELETE FROM saved_search WHERE account_id = ?", id);
        jdbc.update("DELETE FROM saved_search_hit WHERE account_id = ?", id);
        jdbc.update("UPDATE job_application SET candidate_name = 'Erased candidate', cover_letter = '', cv_document = NULL,"
                + " cv_file_name = NULL, answers = '[]', profile = ?, reason = NULL, active = NULL,"
                + " erased_at = COALESCE(erased_at, CURRENT_TIMESTAMP), version = version + 1 WHERE candidate_id = ?",
                "{\"headline\":\"\",\"experience\":\"\",\"education\":\"\",\"country\":null,\"city\":null,\"languages\":[],\"skills\":[]}", id);
        jdbc.update("UPDATE job_application_event SET moved_by = NULL WHERE moved_by = ?", id);
        index.forget(account);
        events.publishEvent(new CandidateProfileChanged(new AccountId(account)));
    }
}
