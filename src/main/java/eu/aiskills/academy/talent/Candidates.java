package eu.aiskills.academy.talent;

import java.time.Clock;
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
import eu.aiskills.academy.talent.internal.CandidateStore;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
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

    private final CandidateStore store;
    private final Catalogue catalogue;
    private final Credentials credentials;
    private final Documents documents;
    private final AccountManagement accounts;
    private final OrganisationManagement organisations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Candidates(CandidateStore store, Catalogue catalogue, Credentials credentials, Documents documents, AccountManagement accounts,
               OrganisationManagement organisations, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
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
                labelled(store.skills(me), labels()), List.of(), null, null));
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
        String city = draft.city() == null || draft.city().isBlank() ? null : draft.city().strip();
        store.save(me, new ProfileDraft(draft.headline().strip(), text(draft.experience()), text(draft.education()), draft.country(), city,
                draft.mobility(), draft.languages(), draft.declaredSkills(), draft.visibility(), draft.consent()), city, clock.instant());
        writeVerified(me);
        events.publishEvent(new CandidateProfileChanged(me));
        return mine();
    }

    /** Takes back consent: the profile is private at once, for every employer and in every ranking. */
    @SignedIn
    @Transactional
    public CandidateProfile withdrawConsent() {
        AccountId me = CurrentUser.requireId();
        store.withdrawConsent(me, clock.instant());
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
        store.suggest(me, SkillMentions.find(documents.text(cv), catalogue.skills()).stream().map(Skill::uri).toList(),
                clip(document.fileName(), 200));
        return mine().suggestions();
    }

    /** Keeps a suggested skill: it counts as "from the CV" from now on. */
    @SignedIn
    @Transactional
    public CandidateProfile confirmSuggestion(String skillUri) {
        AccountId me = CurrentUser.requireId();
        if (!store.confirmSuggestion(me, skillUri)) {
            throw new NotFoundException("candidate.suggestion-not-found");
        }
        touch(me);
        return mine();
    }

    @SignedIn
    @Transactional
    public CandidateProfile dismissSuggestion(String skillUri) {
        AccountId me = CurrentUser.requireId();
        store.dismissSuggestion(me, skillUri);
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
        List<AccountId> ids = store.visibleAfter(after, limit);
        Map<AccountId, CandidateStore.StoredProfile> profiles = store.loadAll(ids);
        Map<AccountId, String> names = accounts.displayNames(ids);
        Map<String, String> labels = labels();
        return ids.stream().filter(profiles::containsKey).map(id -> profile(id, names.getOrDefault(id, ""), profiles.get(id), false, labels))
                .toList();
    }

    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public long countSearchable() {
        return store.countVisible();
    }

    /** Of these candidates, those whose profile employers may see right now (consent given, not private). */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public Set<AccountId> visibleToEmployers(java.util.Collection<AccountId> candidates) {
        return store.visibleAmong(candidates);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private boolean appliedToMyOrganisations(AccountId candidate) {
        return store.appliedToAny(candidate, organisations.myMemberships().stream().map(m -> m.organisationId()).toList());
    }

    /**
     * The skills the learner's credentials attest: verified when the credential was earned through
     * assessed work (the evidence names it), from a course otherwise (lessons marked done).
     */
    private void writeVerified(AccountId learner) {
        Map<String, String> verified = new LinkedHashMap<>();
        Map<String, String> fromCourses = new LinkedHashMap<>();
        for (var skill : credentials.attestedSkills(learner)) {
            if (skill.assessed()) {
                verified.putIfAbsent(skill.skillUri(), clip(skill.achievementName() + " — " + String.join("; ", skill.assessedBy()), 200));
            } else {
                fromCourses.putIfAbsent(skill.skillUri(), clip(skill.achievementName(), 200));
            }
        }
        verified.keySet().forEach(fromCourses::remove);
        store.replaceAttested(learner, verified, fromCourses);
    }

    private void touch(AccountId account) {
        store.touch(account, clock.instant());
        events.publishEvent(new CandidateProfileChanged(account));
    }

    private void requireProfile(AccountId account) {
        if (!store.exists(account)) {
            save(ProfileDraft.empty());
        }
    }

    private Optional<CandidateProfile> load(AccountId account, boolean withSuggestions) {
        return store.load(account).map(p -> profile(account, accounts.displayNames(List.of(account)).getOrDefault(account, ""), p,
                withSuggestions, labels()));
    }

    private CandidateProfile profile(AccountId account, String name, CandidateStore.StoredProfile p, boolean withSuggestions,
                                     Map<String, String> labels) {
        return new CandidateProfile(account, name, p.draft(), labelled(p.skills(), labels),
                withSuggestions ? labelled(p.suggestions(), labels) : List.of(), p.consentAt(), p.updatedAt());
    }

    /** The skills with their ESCO labels, by label. */
    private static List<CandidateSkill> labelled(List<CandidateSkill> skills, Map<String, String> labels) {
        List<CandidateSkill> labelled = new ArrayList<>(skills.stream().map(s -> new CandidateSkill(s.uri(), labels.getOrDefault(s.uri(), s.uri()),
                s.source(), s.evidence())).toList());
        labelled.sort(Comparator.comparing(CandidateSkill::label).thenComparing(CandidateSkill::source));
        return labelled;
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
}
