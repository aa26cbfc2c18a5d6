package eu.aiskills.academy.catalogue.internal;

import java.nio.file.Path;
import java.time.Clock;

import eu.aiskills.academy.catalogue.CatalogueProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Test builder: the real course import, reading course folders from a test's own directory. */
public final class CourseImports {

    private CourseImports() {
    }

    public static CourseContentImport from(Path folder, ApplicationContext context) {
        return new CourseContentImport(new CatalogueProperties(folder.toUri().toString(), true),
                context.getBean(Courses.class), context.getBean(TransactionTemplate.class),
                context, Clock.systemUTC());
    }
}
