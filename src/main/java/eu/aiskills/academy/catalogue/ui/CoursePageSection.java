package eu.aiskills.academy.catalogue.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import eu.aiskills.academy.catalogue.CourseDetail;

/**
 * A section other modules add to a course's page (related courses, postings that ask for the
 * course's skills, ...), without the catalogue depending on them. Implementations are Spring beans.
 */
public interface CoursePageSection {

    /** Where the section goes among others: lower first. */
    int order();

    /** The section for this course, or empty when there is nothing to show. */
    Optional<Component> create(CourseDetail course);
}
