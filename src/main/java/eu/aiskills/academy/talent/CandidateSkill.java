package eu.aiskills.academy.talent;

/**
 * One skill on a profile.
 *
 * @param uri      the ESCO skill URI
 * @param label    the ESCO label
 * @param evidence for a verified skill, the achievement whose credential attests it
 */
public record CandidateSkill(String uri, String label, SkillSource source, String evidence) {
}
