package eu.aiskills.academy.talent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidate profiles: written by their owner, skills declared, confirmed from a CV or verified
 * by the platform's credentials; seen by employers only with the candidate's consent (or
 * through an application the candidate sent them). Withdrawing consent makes the profile
 * private everywhere at once.
 */
@Service
public class Candidates {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final Credentials credentials;
    private final Documents documents;
    private final AccountManagement accounts;
    private final OrganisationManagement organisations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Candidates(JdbcTemplate jdbc, Catalogue catalogue, Credentials credentials, Documents documents, AccountManagement accounts,
               OrganisationManagement organisations, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.credentials = credentials;
        this.documents = documents;
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The signed-in person's profile; an empty one (with any verified skills) until they write it. */
    @SignedIn
    @Transactional(readOnly = true)
    public CandidateProfile mine() {
        AccountId me = CurrentUser.requireId();
        return load(me, true).orElseGet(() -> new CandidateProfile(me, accounts.get(me).displayName(), ProfileDraft.empty(),
                skills(me, false), List.of(), null, null));
    }

    @SignedIn
    @Transactional
    public CandidateProfile save(ProfileDraft draft) {
        AccountId me = CurrentUser.requireId();
        validate(draft);
        if (draft.visibility() != Visibility.PRIVATE) {
            // Shown to employers only once the address is the person's own.
            accounts.requireVerifiedEmail();
        }
        Instant now = clock.instant();
        boolean exists = exists(me);
        Timestamp consentAt = null;
        if (draft.visibility() != Visibility.PRIVATE) {
            Timestamp previous = exists ? jdbc.queryForObject("SELECT consent_at FROM candidate_profile WHERE account_id = ?",
                    Timestamp.class, me.value().toString()) : null;
            consentAt = previous != null ? previous : Timestamp.from(now);
        }
        String city = draft.city() == null || draft.city().isBlank() ? null : draft.city().strip();
        if (exists) {
            jdbc.update("UPDATE candidate_profile SET headline = ?, experience = ?, education = ?, country = ?, city = ?, mobility = ?,"
                            + " visibility = ?, consent_at = ?, updated_at = ? WHERE account_id = ?", draft.headline().strip(),
                    text(draft.experience()), text(draft.education()), draft.country(), city, draft.mobility().name(),
                    draft.visibility().name(), consentAt, Timestamp.from(now), me.value().toString());
        } else {
            jdbc.update("INSERT INTO candidate_profile (account_id, headline, experience, education, country, city, mobility, visibility,"
                            + " consent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", me.value().toString(),
                    draft.headline().strip(), text(draft.experience()), text(draft.education()), draft.country(), city,
                    draft.mobility().name(), draft.visibility().name(), consentAt, Timestamp.from(now));
        }
        jdbc.update("DELETE FROM candidate_language WHERE account_id = ?", me.value().toString());
        for (String language : new java.util.LinkedHashSet<>(draft.languages())) {
            jdbc.update("INSERT INTO candidate_language (account_id, language) VALUES (?, ?)", me.value().toString(), language);
        }
        jdbc.update("DELETE FROM candidate_skill WHERE account_id = ? AND source = 'DECLARED'", me.value().toString());
        for (String skill : new java.util.LinkedHashSet<>(draft.declaredSkills())) {
            jdbc.update("INSERT INTO candidate_skill (account_id, skill_uri, source) VALUES (?, ?, 'DECLARED')", me.value().toString(), skill);
        }
        writeVerified(me);
        events.publishEvent(new CandidateProfileChanged(me));
        return mine();
    }

    /** Takes back consent: the profile is private at once, for every employer and in every ranking. */
    @SignedIn
    @Transactional
    public CandidateProfile withdrawConsent() {
        AccountId me = CurrentUser.requireId();
        Instant now = clock.instant();
        jdbc.update("UPDATE candidate_profile SET visibility = 'PRIVATE', consent_at = NULL, consent_withdrawn_at = ?, updated_at = ?"
                + " WHERE account_id = ?", Timestamp.from(now), Timestamp.from(now), me.value().toString());
        events.publishEvent(new CandidateProfileChanged(me));
        return mine();
    }

    /**
     * Reads the candidate's own CV (its text as the documents module extracted it) and suggests
     * the ESCO skills it names that the profile does not have yet; the candidate confirms or
     * dismisses each.
     */
    @SignedIn
    @Transactional
    public List<CandidateSkill> suggestFromCv(DocumentId cv) {
        AccountId me = CurrentUser.requireId();
        var document = documents.get(cv);
        if (!document.owner().equals(me) || document.purpose() != DocumentPurpose.CV) {
            throw UserFacingException.onField("cv", "candidate.cv.not-a-cv");
        }
        requireProfile(me);
        String text = documents.text(cv);
        Set<String> present = new HashSet<>(jdbc.queryForList("SELECT skill_uri FROM candidate_skill WHERE account_id = ?", String.class,
                me.value().toString()));
        for (Skill skill : SkillMentions.find(text, catalogue.skills())) {
            if (present.add(skill.uri())) {
                jdbc.update("INSERT INTO candidate_skill (account_id, skill_uri, source, evidence) VALUES (?, ?, 'SUGGESTED', ?)",
                        me.value().toString(), skill.uri(), clip(document.fileName(), 200));
            }
        }
        return mine().suggestions();
    }

    /** Keeps a suggested skill: it counts as "from the CV" from now on. */
    @SignedIn
    @Transactional
    public CandidateProfile confirmSuggestion(String skillUri) {
        AccountId me = CurrentUser.requireId();
        int changed = jdbc.update("UPDATE candidate_skill SET source = 'CV' WHERE account_id = ? AND skill_uri = ? AND source = 'SUGGESTED'",
                me.value().toString(), skillUri);
        if (changed == 0) {
            throw new NotFoundException("candidate.suggestion-not-found");
        }
        touch(me);
        return mine();
    }

    @SignedIn
    @Transactional
    public CandidateProfile dismissSuggestion(String skillUri) {
        AccountId me = CurrentUser.requireId();
        jdbc.update("DELETE FROM candidate_skill WHERE account_id = ? AND skill_uri = ? AND source = 'SUGGESTED'", me.value().toString(),
                skillUri);
        return mine();
    }

    /** Rewrites a learner's verified skills from their valid credentials (after one is issued or revoked). */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public void refreshVerified(AccountId learner) {
        writeVerified(learner);
        touch(learner);
    }

    /**
     * A candidate's profile as an employer sees it: only when the candidate consented, or applied
     * to a posting of one of the employer's organisations.
     */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public CandidateProfile profileFor(AccountId candidate) {
        CandidateProfile profile = load(candidate, false).orElseThrow(() -> new NotFoundException("candidate.not-found"));
        if (!profile.visibleToEmployers() && !appliedToMyOrganisations(candidate)) {
            throw new NotFoundException("candidate.not-found");
        }
        return profile;
    }

    /** A profile the search index holds: visible to employers with the candidate's consent; empty otherwise. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public Optional<CandidateProfile> searchable(AccountId candidate) {
        return load(candidate, false).filter(CandidateProfile::visibleToEmployers);
    }

    /** The next {@code limit} profiles the search index holds, by account after {@code after} (null: from the first), for a rebuild. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public List<CandidateProfile> searchableAfter(AccountId after, int limit) {
        return jdbc.queryForList("SELECT account_id FROM candidate_profile WHERE " + VISIBLE + " AND account_id > ? ORDER BY account_id"
                        + " LIMIT ?", String.class, after == null ? "" : after.value().toString(), limit).stream()
                .map(id -> load(new AccountId(java.util.UUID.fromString(id)), false)).flatMap(Optional::stream).toList();
    }

    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public long countSearchable() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM candidate_profile WHERE " + VISIBLE, Long.class);
        return count == null ? 0 : count;
    }

    /** Of these candidates, those whose profile employers may see right now (consent given, not private). */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public Set<AccountId> visibleToEmployers(java.util.Collection<AccountId> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT account_id FROM candidate_profile WHERE " + VISIBLE + " AND account_id IN ("
                        + eu.aiskills.academy.shared.Jdbc.placeholders(candidates.size()) + ")", String.class,
                candidates.stream().map(a -> a.value().toString()).toArray()).stream()
                .map(id -> new AccountId(java.util.UUID.fromString(id))).toList());
    }

    private static final String VISIBLE = "visibility <> 'PRIVATE' AND consent_at IS NOT NULL";

    // ---- helpers ----------------------------------------------------------------------------

    boolean appliedToMyOrganisations(AccountId candidate) {
        for (var membership : organisations.myMemberships()) {
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM job_application a JOIN job_posting p ON p.id = a.posting_id"
                    + " WHERE a.candidate_id = ? AND p.organisation_id = ? AND a.erased_at IS NULL", Integer.class,
                    candidate.value().toString(), membership.organisationId().value().toString());
            if (count != null && count > 0) {
                return true;
            }
        }
        return false;
    }

    private void writeVerified(AccountId learner) {
        jdbc.update("DELETE FROM candidate_skill WHERE account_id = ? AND source = 'VERIFIED'", learner.value().toString());
        Map<String, String> attested = new LinkedHashMap<>();
        for (var skill : credentials.attestedSkills(learner)) {
            attested.putIfAbsent(skill.skillUri(), skill.achievementName());
        }
        attested.forEach((uri, achievement) -> jdbc.update(
                "INSERT INTO candidate_skill (account_id, skill_uri, source, evidence) VALUES (?, ?, 'VERIFIED', ?)",
                learner.value().toString(), uri, clip(achievement, 200)));
    }

    private void touch(AccountId account) {
        jdbc.update("UPDATE candidate_profile SET updated_at = ? WHERE account_id = ?", Timestamp.from(clock.instant()),
                account.value().toString());
        events.publishEvent(new CandidateProfileChanged(account));
    }

    private boolean exists(AccountId account) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM candidate_profile WHERE account_id = ?", Integer.class,
                account.value().toString());
        return count != null && count > 0;
    }

    private void requireProfile(AccountId account) {
        if (!exists(account)) {
            save(ProfileDraft.empty());
        }
    }

    Optional<CandidateProfile> load(AccountId account, boolean withSuggestions) {
        return jdbc.query("SELECT * FROM candidate_profile WHERE account_id = ?", (rs, n) -> {
            List<String> languages = jdbc.queryForList("SELECT language FROM candidate_language WHERE account_id = ? ORDER BY language",
                    String.class, account.value().toString());
            List<CandidateSkill> skills = skills(account, false);
            List<String> declared = skills.stream().filter(s -> s.source() == SkillSource.DECLARED).map(CandidateSkill::uri).toList();
            ProfileDraft draft = new ProfileDraft(rs.getString("headline"), rs.getString("experience"), rs.getString("education"),
                    rs.getString("country"), rs.getString("city"), Mobility.valueOf(rs.getString("mobility")), languages, declared,
                    Visibility.valueOf(rs.getString("visibility")), rs.getTimestamp("consent_at") != null);
            Timestamp consent = rs.getTimestamp("consent_at");
            return new CandidateProfile(account, accounts.displayNames(List.of(account)).getOrDefault(account, ""), draft, skills,
                    withSuggestions ? skills(account, true) : List.of(), consent == null ? null : consent.toInstant(),
                    rs.getTimestamp("updated_at").toInstant());
        }, account.value().toString()).stream().findFirst();
    }

    private List<CandidateSkill> skills(AccountId account, boolean suggestions) {
        Map<String, String> labels = labels();
        List<CandidateSkill> skills = new ArrayList<>(jdbc.query("SELECT skill_uri, source, evidence FROM candidate_skill WHERE account_id = ?"
                        + (suggestions ? " AND source = 'SUGGESTED'" : " AND source <> 'SUGGESTED'"),
                (rs, n) -> new CandidateSkill(rs.getString("skill_uri"), labels.getOrDefault(rs.getString("skill_uri"), rs.getString("skill_uri")),
                        SkillSource.valueOf(rs.getString("source")), rs.getString("evidence")), account.value().toString()));
        skills.sort(Comparator.comparing(CandidateSkill::label).thenComparing(CandidateSkill::source));
        return skills;
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        catalogue.skills().forEach(s -> labels.put(s.uri(), s.label()));
        return labels;
    }

    private void validate(ProfileDraft d) {
        if (d.mobility() == null || d.visibility() == null) {
            throw new UserFacingException("candidate.invalid.choices");
        }
        if (d.headline() == null || d.headline().strip().length() > ProfileDraft.HEADLINE_MAX
                || d.headline().chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("headline", "candidate.invalid.headline", ProfileDraft.HEADLINE_MAX);
        }
        if (d.visibility() != Visibility.PRIVATE && d.headline().isBlank()) {
            throw UserFacingException.onField("headline", "candidate.invalid.headline-needed");
        }
        for (var field : List.of(Map.entry("experience", text(d.experience())), Map.entry("education", text(d.education())))) {
            if (field.getValue().length() > ProfileDraft.TEXT_MAX) {
                throw UserFacingException.onField(field.getKey(), "candidate.invalid.text", ProfileDraft.TEXT_MAX);
            }
            Markdown.toSafeHtml(field.getValue());
        }
        if (d.country() != null && !COUNTRIES.contains(d.country())) {
            throw UserFacingException.onField("country", "candidate.invalid.country");
        }
        if (d.city() != null && (d.city().strip().length() > ProfileDraft.CITY_MAX || d.city().chars().anyMatch(Character::isISOControl))) {
            throw UserFacingException.onField("city", "candidate.invalid.city", ProfileDraft.CITY_MAX);
        }
        if (d.languages().size() > 20 || !LANGUAGES.containsAll(d.languages())) {
            throw UserFacingException.onField("languages", "candidate.invalid.languages");
        }
        Set<String> known = new HashSet<>(labels().keySet());
        if (d.declaredSkills().size() > 100 || !known.containsAll(d.declaredSkills())) {
            throw UserFacingException.onField("skills", "candidate.invalid.skills");
        }
        if (d.visibility() != Visibility.PRIVATE && !d.consent()) {
            throw UserFacingException.onField("consent", "candidate.invalid.consent");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** For the matching index: whether an account's profile may be shown to employers right now. */
    boolean visibleNow(AccountId account) {
        return Boolean.TRUE.equals(jdbc.query("SELECT visibility, consent_at FROM candidate_profile WHERE account_id = ?",
                rs -> rs.next() && !"PRIVATE".equals(rs.getString("visibility")) && rs.getTimestamp("consent_at") != null,
                account.value().toString()));
    }
}
