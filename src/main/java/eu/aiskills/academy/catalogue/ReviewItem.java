package eu.aiskills.academy.catalogue;

import java.time.Instant;
import java.util.List;

/** A course waiting for review: what it is, who wrote it, since when. */
public record ReviewItem(CourseSummary course, List<String> instructors, Instant submittedAt) {
}
