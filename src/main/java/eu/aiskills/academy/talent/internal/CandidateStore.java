package eu.aiskills.academy.talent.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.talent.CandidateSkill;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.ProfileDraft;
import eu.aiskills.academy.talent.SkillSource;
import eu.aiskills.academy.talent.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Candidate profiles, their languages and skills in the database (ADR 0019). Consent is a
 * timestamp on the profile row: a profile is visible to employers only while it is set and the
 * profile is not private, and every query that lists candidates for employers says so in SQL
 * ({@link #VISIBLE}). Skills come back labelled by their URI: {@code Candidates} puts the ESCO
 * labels on, and checks who may do what before it calls here.
 */
@Component
public class CandidateStore {

    private static final String VISIBLE = "visibility <> 'PRIVATE' AND consent_at IS NOT NULL";

    /** A stored profile; its skills' labels are still their URIs. */
    public record StoredProfile(ProfileDraft draft, List<CandidateSkill> skills, List<CandidateSkill> suggestions, Instant consentAt,
                                Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    CandidateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A profile with its languages and skills, in three queries (one when there is no profile). */
    public Optional<StoredProfile> load(AccountId account) {
        return Optional.ofNullable(loadAll(List.of(account)).get(account));
    }

    /** The profiles of these accounts (those that have one), in three queries whatever their number. */
    public Map<AccountId, StoredProfile> loadAll(List<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        record Row(String headline, String experience, String education, String country, String city, Mobility mobility,
                   Visibility visibility, Instant consentAt, Instant updatedAt) {
        }
        Object[] ids = accounts.stream().map(a -> a.value().toString()).toArray();
        String in = " IN (" + String.join(", ", java.util.Collections.nCopies(ids.length, "?")) + ")";
        Map<AccountId, Row> rows = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM candidate_profile WHERE account_id" + in, rs -> {
            rows.put(new AccountId(UUID.fromString(rs.getString("account_id"))), new Row(rs.getString("headline"), rs.getString("experience"),
                    rs.getString("education"), rs.getString("country"), rs.getString("city"), Mobility.valueOf(rs.getString("mobility")),
                    Visibility.valueOf(rs.getString("visibility")), Jdbc.instant(rs, "consent_at"), Jdbc.instant(rs, "updated_at")));
        }, ids);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Object[] found = rows.keySet().stream().map(a -> a.value().toString()).toArray();
        String foundIn = " IN (" + String.join(", ", java.util.Collections.nCopies(found.length, "?")) + ")";
        Map<AccountId, List<String>> languages = new HashMap<>();
        jdbc.query("SELECT account_id, language FROM candidate_language WHERE account_id" + foundIn + " ORDER BY language", rs -> {
            languages.computeIfAbsent(new AccountId(UUID.fromString(rs.getString("account_id"))), k -> new ArrayList<>())
                    .add(rs.getString("language"));
        }, found);
        Map<AccountId, List<CandidateSkill>> skills = new HashMap<>();
        Map<AccountId, List<CandidateSkill>> suggestions = new HashMap<>();
        jdbc.query("SELECT account_id, skill_uri, source, evidence FROM candidate_skill WHERE account_id" + foundIn, rs -> {
            CandidateSkill skill = new CandidateSkill(rs.getString("skill_uri"), rs.getString("skill_uri"),
                    SkillSource.valueOf(rs.getString("source")), rs.getString("evidence"));
            (skill.source() == SkillSource.SUGGESTED ? suggestions : skills)
                    .computeIfAbsent(new AccountId(UUID.fromString(rs.getString("account_id"))), k -> new ArrayList<>()).add(skill);
        }, found);
        Map<AccountId, StoredProfile> profiles = new LinkedHashMap<>();
        rows.forEach((account, row) -> {
            List<CandidateSkill> held = skills.getOrDefault(account, List.of());
            List<String> declared = held.stream().filter(s -> s.source() == SkillSource.DECLARED).map(CandidateSkill::uri).toList();
            profiles.put(account, new StoredProfile(new ProfileDraft(row.headline(), row.experience(), row.education(), row.country(),
                    row.city(), row.mobility(), languages.getOrDefault(account, List.of()), declared, row.visibility(), row.consentAt() != null),
                    held, suggestions.getOrDefault(account, List.of()), row.consentAt(), row.updatedAt()));
        });
        return profiles;
    }

    /** The skills of someone without a profile row (verified ones may exist before they write it). */
    public List<CandidateSkill> skills(AccountId account) {
        return jdbc.query("SELECT skill_uri, source, evidence FROM candidate_skill WHERE account_id = ? AND source <> 'SUGGESTED'",
                (rs, n) -> new CandidateSkill(rs.getString("skill_uri"), rs.getString("skill_uri"), SkillSource.valueOf(rs.getString("source")),
                        rs.getString("evidence")), account.value().toString());
    }

    public boolean exists(AccountId account) {
        return !jdbc.queryForList("SELECT account_id FROM candidate_profile WHERE account_id = ?", String.class, account.value().toString())
                .isEmpty();
    }

    /**
     * Writes a profile, its languages and its declared skills. Consent keeps the moment it was
     * first given while the profile stays visible; a private profile has none.
     */
    public void save(AccountId account, ProfileDraft draft, String city, Instant now) {
        String id = account.value().toString();
        boolean exists = exists(account);
        Timestamp consentAt = null;
        if (draft.visibility() != Visibility.PRIVATE) {
            Timestamp previous = exists ? jdbc.queryForObject("SELECT consent_at FROM candidate_profile WHERE account_id = ?",
                    Timestamp.class, id) : null;
            consentAt = previous != null ? previous : Timestamp.from(now);
        }
        if (exists) {
            jdbc.update("UPDATE candidate_profile SET headline = ?, experience = ?, education = ?, country = ?, city = ?, mobility = ?,"
                            + " visibility = ?, consent_at = ?, updated_at = ? WHERE account_id = ?", draft.headline(), draft.experience(),
                    draft.education(), draft.country(), city, draft.mobility().name(), draft.visibility().name(), consentAt,
                    Timestamp.from(now), id);
        } else {
            jdbc.update("INSERT INTO candidate_profile (account_id, headline, experience, education, country, city, mobility, visibility,"
                            + " consent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, draft.headline(), draft.experience(),
                    draft.education(), draft.country(), city, draft.mobility().name(), draft.visibility().name(), consentAt,
                    Timestamp.from(now));
        }
        jdbc.update("DELETE FROM candidate_language WHERE account_id = ?", id);
        jdbc.batchUpdate("INSERT INTO candidate_language (account_id, language) VALUES (?, ?)",
                new LinkedHashSet<>(draft.languages()).stream().map(language -> new Object[] {id, language}).toList());
        jdbc.update("DELETE FROM candidate_skill WHERE account_id = ? AND source = 'DECLARED'", id);
        jdbc.batchUpdate("INSERT INTO candidate_skill (account_id, skill_uri, source) VALUES (?, ?, 'DECLARED')",
                new LinkedHashSet<>(draft.declaredSkills()).stream().map(skill -> new Object[] {id, skill}).toList());
    }

    /** The profile is private at once; the withdrawal is dated. */
    public void withdrawConsent(AccountId account, Instant now) {
        jdbc.update("UPDATE candidate_profile SET visibility = 'PRIVATE', consent_at = NULL, consent_withdrawn_at = ?, updated_at = ?"
                + " WHERE account_id = ?", Timestamp.from(now), Timestamp.from(now), account.value().toString());
    }

    /** Adds suggestions for the skills the profile does not hold in any form. */
    public void suggest(AccountId account, Collection<String> skillUris, String evidence) {
        Set<String> present = new HashSet<>(jdbc.queryForList("SELECT skill_uri FROM candidate_skill WHERE account_id = ?", String.class,
                account.value().toString()));
        jdbc.batchUpdate("INSERT INTO candidate_skill (account_id, skill_uri, source, evidence) VALUES (?, ?, 'SUGGESTED', ?)",
                skillUris.stream().distinct().filter(present::add).map(uri -> new Object[] {account.value().toString(), uri, evidence}).toList());
    }

    /** Keeps a suggestion as a skill from the CV: {@code false} when there was no such suggestion. */
    public boolean confirmSuggestion(AccountId account, String skillUri) {
        return jdbc.update("UPDATE candidate_skill SET source = 'CV' WHERE account_id = ? AND skill_uri = ? AND source = 'SUGGESTED'",
                account.value().toString(), skillUri) == 1;
    }

    public void dismissSuggestion(AccountId account, String skillUri) {
        jdbc.update("DELETE FROM candidate_skill WHERE account_id = ? AND skill_uri = ? AND source = 'SUGGESTED'", account.value().toString(),
                skillUri);
    }

    /** Replaces the verified skills: skill URI to the achievement that attests it. */
    /** Replaces the skills credentials attest: verified ones (assessed work) and those from courses completed without. */
    public void replaceAttested(AccountId account, Map<String, String> verified, Map<String, String> fromCourses) {
        String id = account.value().toString();
        jdbc.update("DELETE FROM candidate_skill WHERE account_id = ? AND source IN ('VERIFIED', 'COURSE')", id);
        jdbc.batchUpdate("INSERT INTO candidate_skill (account_id, skill_uri, source, evidence) VALUES (?, ?, 'VERIFIED', ?)",
                verified.entrySet().stream().map(e -> new Object[] {id, e.getKey(), e.getValue()}).toList());
        jdbc.batchUpdate("INSERT INTO candidate_skill (account_id, skill_uri, source, evidence) VALUES (?, ?, 'COURSE', ?)",
                fromCourses.entrySet().stream().map(e -> new Object[] {id, e.getKey(), e.getValue()}).toList());
    }

    public void touch(AccountId account, Instant now) {
        jdbc.update("UPDATE candidate_profile SET updated_at = ? WHERE account_id = ?", Timestamp.from(now), account.value().toString());
    }

    /** The next {@code limit} accounts with a profile employers may see, after {@code after} (null: from the first). */
    public List<AccountId> visibleAfter(AccountId after, int limit) {
        return jdbc.queryForList("SELECT account_id FROM candidate_profile WHERE " + VISIBLE + " AND account_id > ? ORDER BY account_id"
                        + " LIMIT ?", String.class, after == null ? "" : after.value().toString(), limit).stream()
                .map(id -> new AccountId(UUID.fromString(id))).toList();
    }

    public long countVisible() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM candidate_profile WHERE " + VISIBLE, Long.class);
        return count == null ? 0 : count;
    }

    /** Of these accounts, those whose profile employers may see right now. */
    public Set<AccountId> visibleAmong(Collection<AccountId> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT account_id FROM candidate_profile WHERE " + VISIBLE + " AND account_id IN ("
                        + Jdbc.placeholders(candidates.size()) + ")", String.class,
                candidates.stream().map(a -> a.value().toString()).toArray()).stream().map(id -> new AccountId(UUID.fromString(id))).toList());
    }

    /** Whether the candidate has an application, not erased, to a posting of one of these organisations. */
    public boolean appliedToAny(AccountId candidate, Collection<OrganisationId> organisations) {
        if (organisations.isEmpty()) {
            return false;
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(candidate.value().toString());
        organisations.forEach(o -> arguments.add(o.value().toString()));
        return !jdbc.queryForList("SELECT a.id FROM job_application a JOIN job_posting p ON p.id = a.posting_id WHERE a.candidate_id = ?"
                + " AND a.erased_at IS NULL AND p.organisation_id IN (" + Jdbc.placeholders(organisations.size()) + ") LIMIT 1", String.class,
                arguments.toArray()).isEmpty();
    }
}
