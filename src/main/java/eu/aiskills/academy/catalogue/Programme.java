package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A programme: an ordered set of courses, some required and some elective, grouped in parts,
 * completed when every required course is completed and the completed courses' credits reach
 * {@code creditsTotal}.
 */
public record Programme(
        ProgrammeId id,
        String slug,
        String title,
        String summary,
        String descriptionHtml,
        BigDecimal creditsTotal,
        List<Part> courses) {

    public Programme {
        courses = List.copyOf(courses);
    }

    /** One course of the programme, in its place. */
    public record Part(CourseId courseId, String slug, String title, BigDecimal ects, boolean required, String part) {
    }

    public List<CourseId> requiredCourses() {
        return courses.stream().filter(Part::required).map(Part::courseId).toList();
    }
}
