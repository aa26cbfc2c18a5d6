package eu.aiskills.academy.talent;

import java.time.Instant;
import java.util.List;

import eu.aiskills.academy.identity.AccountId;

/**
 * A candidate's profile with every skill and where it comes from.
 *
 * @param skills      declared, confirmed from a CV and verified skills (a skill may appear under
 *                    several sources)
 * @param suggestions skills found in a CV, waiting for the candidate
 * @param consentAt   when the candidate agreed that employers may see the profile; {@code null}
 *                    when they have not or withdrew
 */
public record CandidateProfile(AccountId account, String displayName, ProfileDraft draft, List<CandidateSkill> skills,
                               List<CandidateSkill> suggestions, Instant consentAt, Instant updatedAt) {

    public CandidateProfile {
        skills = List.copyOf(skills);
        suggestions = List.copyOf(suggestions);
    }

    public boolean visibleToEmployers() {
        return draft.visibility() != Visibility.PRIVATE && consentAt != null;
    }

    public boolean verified(String skillUri) {
        return skills.stream().anyMatch(s -> s.source() == SkillSource.VERIFIED && s.uri().equals(skillUri));
    }
}
