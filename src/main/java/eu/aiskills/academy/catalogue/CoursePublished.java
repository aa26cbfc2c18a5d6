package eu.aiskills.academy.catalogue;

/**
 * A course became visible in the catalogue, or its published content changed: {@code change}
 * says how (first published, a revision published by a reviewer, its runs rescheduled, imported
 * from content files), so that the audit log names each action truly.
 *
 * @param version  the course's version at the change, so that consumers keep the newest state
 *                 whatever order they see the events in
 * @param revision the course's published revision after the change
 */
public record CoursePublished(CourseId courseId, String slug, long version, Change change, int revision) {

    public enum Change {
        PUBLISHED, REVISION_PUBLISHED, RUNS_CHANGED, IMPORTED
    }
}
