package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;

/** A course as the catalogue lists it. */
public record CourseSummary(
        CourseId id,
        String slug,
        String title,
        String summary,
        CourseLevel level,
        String language,
        int workloadHours,
        BigDecimal ects,
        int lessonCount,
        CourseStatus status) {
}
