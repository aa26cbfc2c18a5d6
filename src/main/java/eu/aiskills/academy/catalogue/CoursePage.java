package eu.aiskills.academy.catalogue;

import java.util.List;

/** One page (from 0) of the catalogue's courses, of {@code pages}; {@code total} courses match in all. */
public record CoursePage(List<CourseSummary> courses, long total, int page, int pages) {

    public CoursePage {
        courses = List.copyOf(courses);
    }
}
