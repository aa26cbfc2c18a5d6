package eu.aiskills.academy.catalogue;

/** Where a course is in its life: only published courses are shown to learners. */
public enum CourseStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
}
