package eu.aiskills.academy.fellowships;

import java.util.Locale;

/** The fellowship schemes of the AI Continent Action Plan. */
public enum Scheme {
    /** PhD candidates. */
    DOCTORAL,
    /** Researchers with a PhD (postdoctoral). */
    POSTDOCTORAL,
    /** Young professionals, including Europeans living abroad. */
    YOUNG_PROFESSIONAL;

    public String messageKey() {
        return "fellowship.scheme." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
