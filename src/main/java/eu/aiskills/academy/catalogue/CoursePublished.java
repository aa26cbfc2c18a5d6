package eu.aiskills.academy.catalogue;

/** A course became visible in the catalogue, or its published content changed. */
public record CoursePublished(CourseId courseId, String slug) {
}
