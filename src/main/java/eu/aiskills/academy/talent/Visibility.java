package eu.aiskills.academy.talent;

/** Who may see a candidate profile. Anything but PRIVATE needs the candidate's consent. */
public enum Visibility {
    /** Only the candidate (and employers they apply to, through the application). */
    PRIVATE,
    /** Employers may find and read the profile. */
    EMPLOYERS,
    /** As EMPLOYERS, and the candidate is ranked for postings: they want to be contacted. */
    OPEN_TO_OFFERS;

    public String messageKey() {
        return "candidate.visibility." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
