package eu.aiskills.academy.catalogue;

/** A course became visible in the catalogue, or its published content changed. */
/**
 * @param version the course's version at the change, so that consumers keep the newest state
 *                whatever order they see the events in
 */
public record CoursePublished(CourseId courseId, String slug, long version) {
}
