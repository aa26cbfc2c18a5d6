package eu.aiskills.academy.catalogue.internal;

import java.nio.file.Path;
import java.time.Clock;

import eu.aiskills.academy.catalogue.CatalogueProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Test builder: the real programme import, reading programme folders from a test's own directory. */
public final class ProgrammeImports {

    private ProgrammeImports() {
    }

    public static ProgrammeContentImport from(Path folder, ApplicationContext context) {
        return new ProgrammeContentImport(new CatalogueProperties("classpath:/content/courses/",
                "classpath:/content/skills/esco-skills.yaml", folder.toUri().toString(), true),
                context.getBean(Programmes.class), context.getBean(Courses.class), context.getBean(TransactionTemplate.class),
                Clock.systemUTC());
    }
}
