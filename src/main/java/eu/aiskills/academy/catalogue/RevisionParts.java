package eu.aiskills.academy.catalogue;

import java.util.List;

/**
 * A course's parts kept by another module (its quizzes, say) that change within a revision like
 * its lessons do: the module writes them under the revision's address while it is open, shows
 * the reviewer what they change, and publishes or discards them with the revision, in the same
 * transaction. Implementations are Spring beans; the catalogue calls them, never depends on them.
 */
public interface RevisionParts {

    /** What the revision (at {@code revisionSlug}) changes in these parts of the published course (at {@code publishedSlug}). */
    List<CourseChange> changes(String publishedSlug, String revisionSlug);

    /** The reviewer published the revision: its parts replace the published course's. */
    void publish(String publishedSlug, String revisionSlug);

    /** The revision was discarded: its parts go with it. */
    void discard(String revisionSlug);
}
