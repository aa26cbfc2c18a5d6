package eu.aiskills.academy.catalogue;

/** How much a course assumes its learners already know. */
public enum CourseLevel {
    INTRODUCTORY,
    INTERMEDIATE,
    ADVANCED;

    public String messageKey() {
        return "course.level." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
