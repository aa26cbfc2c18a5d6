package eu.aiskills.academy.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * A course waiting for review: what it is, who wrote it, since when; for a revision, its number,
 * the published course it changes ({@code revisionOf}, null for a new course) and whether its
 * authors say it only fixes text.
 */
public record ReviewItem(CourseSummary course, List<String> instructors, Instant submittedAt, int revision, CourseSummary revisionOf,
                         boolean minor) {

    public boolean isRevision() {
        return revisionOf != null;
    }
}
