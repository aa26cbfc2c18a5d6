package eu.aiskills.academy.catalogue;

import java.util.Locale;

/** The strategic sectors of the AI Continent Action Plan that a course or posting may serve. */
public enum Sector {
    HEALTH,
    MANUFACTURING,
    CLIMATE,
    ENERGY,
    AGRICULTURE,
    MOBILITY,
    ROBOTICS,
    SPACE,
    PUBLIC_SECTOR,
    EDUCATION,
    FINANCE,
    CYBERSECURITY,
    CULTURAL_CREATIVE;

    public String messageKey() {
        return "sector." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
