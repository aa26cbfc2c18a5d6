package eu.aiskills.academy.talent;

/** How far a candidate would move (or commute) for a role. */
public enum Mobility {
    LOCAL, COUNTRY, EU, WORLDWIDE;

    public String messageKey() {
        return "candidate.mobility." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
