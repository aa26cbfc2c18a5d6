package eu.aiskills.academy.catalogue;

import eu.aiskills.academy.catalogue.internal.CourseContentImport;
import eu.aiskills.academy.catalogue.internal.ProgrammeContentImport;
import eu.aiskills.academy.catalogue.internal.SkillContentImport;
import eu.aiskills.academy.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports the content folders again without a restart (skills, then courses, then programmes);
 * what did not change is left alone, so it is safe to run at any time.
 */
@Service
public class ContentReimport {

    private static final Logger log = LoggerFactory.getLogger(ContentReimport.class);

    /** How many entries each import created or changed. */
    public record Report(int skills, int courses, int programmes) {
    }

    private final SkillContentImport skills;
    private final CourseContentImport courses;
    private final ProgrammeContentImport programmes;

    ContentReimport(SkillContentImport skills, CourseContentImport courses, ProgrammeContentImport programmes) {
        this.skills = skills;
        this.courses = courses;
        this.programmes = programmes;
    }

    /** Re-imports everything; a content file that is invalid stops the import with its problems named. */
    @RolesAllowed(Roles.ADMIN)
    public Report reimport() {
        Report report = new Report(skills.importAll(), courses.importAll(), programmes.importAll());
        log.info("Content re-imported: {}", report);
        return report;
    }
}
