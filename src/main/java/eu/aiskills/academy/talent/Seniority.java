package eu.aiskills.academy.talent;

import java.util.Locale;

/** How experienced the person sought is. */
public enum Seniority {
    ENTRY, JUNIOR, MID, SENIOR, LEAD;

    public String messageKey() {
        return "posting.seniority." + name().toLowerCase(Locale.ROOT);
    }
}
