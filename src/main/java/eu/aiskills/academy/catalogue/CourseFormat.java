package eu.aiskills.academy.catalogue;

import java.util.Locale;

/** How a course is followed: alone at one's pace, with a cohort, mixed, or in a room. */
public enum CourseFormat {
    SELF_PACED,
    COHORT,
    BLENDED,
    ON_SITE;

    public String messageKey() {
        return "course.format." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
