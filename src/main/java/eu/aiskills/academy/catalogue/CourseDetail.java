package eu.aiskills.academy.catalogue;

import java.util.List;

/** A course page: its summary, the description as safe HTML and the outline. */
public record CourseDetail(CourseSummary summary, String descriptionHtml, List<LessonSummary> lessons) {

    public CourseDetail {
        lessons = List.copyOf(lessons);
    }
}
