package eu.aiskills.academy.catalogue.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import eu.aiskills.academy.catalogue.LessonContent;

/**
 * A section other modules add to a lesson's page (marking it done, opening its lab), without the
 * catalogue depending on them. Implementations are Spring beans.
 */
public interface LessonPageSection {

    /** Where the section goes among others: lower first. */
    int order();

    /** The section for this lesson, or empty when there is nothing to show. */
    Optional<Component> create(LessonContent lesson);
}
