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
        return new CourseContentImport(properties(folder), context.getBean(Courses.class),
                context.getBean(CourseRuns.class), context.getBean(Skills.class),
                context.getBean(eu.aiskills.academy.identity.AccountManagement.class),
                context.getBean(TransactionTemplate.class), context, Clock.systemUTC());
    }

    /** The settings with course folders at {@code folder} and the shipped skills and programmes. */
    public static CatalogueProperties properties(Path folder) {
        return new CatalogueProperties(folder.toUri().toString(), "classpath:/content/skills/esco-skills.yaml",
                "classpath:/content/programmes/", true);
    }
}
