package eu.aiskills.academy.catalogue;

/** A lesson in a course's outline. */
public record LessonSummary(String slug, int position, String title, int minutes) {
}
