package eu.aiskills.academy.talent;

/** Where a candidate's skill comes from. */
public enum SkillSource {
    /** Typed by the candidate. */
    DECLARED,
    /** Found in the candidate's CV and confirmed by them. */
    CV,
    /** Found in the candidate's CV, waiting for them to confirm or dismiss it. */
    SUGGESTED,
    /** Attested by a valid credential of the platform earned through assessed work (a quiz, a lab), which its evidence names. */
    VERIFIED,
    /** Attested by a valid credential of a course completed without assessed work (its lessons marked done): declared, not verified. */
    COURSE;

    public String messageKey() {
        return "candidate.skill-source." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
