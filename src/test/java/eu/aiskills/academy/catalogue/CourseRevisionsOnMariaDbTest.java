package eu.aiskills.academy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Authors starting a revision of one published course at once on MariaDB (repeatable read, Connector/J) share one revision. */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class CourseRevisionsOnMariaDbTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    CourseAuthoring authoring;
    @Autowired
    CourseReviews reviews;
    @Autowired
    CourseRevisions revisions;
    @Autowired
    Registration registration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void authorsStartingARevisionAtOnceShareOne() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> authors = List.of("maria-author-a-" + suffix + "@example.org", "maria-author-b-" + suffix + "@example.org");
        authors.forEach(email -> People.create(registration, email, "Author", Role.INSTRUCTOR));
        String admin = "maria-admin-" + suffix + "@example.org";
        People.create(registration, admin, "Admin", Role.ADMIN);
        CourseId course = KaribuSupport.as(context, authors.getFirst(), () -> {
            CourseId id = authoring.create(new CourseDraft("Shared revision " + suffix, "Summary.", "Text.", CourseLevel.INTRODUCTORY,
                    CourseFormat.SELF_PACED, "en", Set.of(), 2, BigDecimal.ONE, List.of("Outcome"),
                    Set.of("http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43"), Set.of(), Set.of(), Set.of()));
            authoring.saveLesson(id, null, new LessonDraft("One", null, 10, true, "Text.", LessonCompletion.DONE, null, 1));
            reviews.submitForReview(id);
            return id;
        });
        KaribuSupport.as(context, admin, () -> {
            reviews.publish(course);
            return null;
        });
        String coAuthor = authors.get(1);
        jdbc.update("INSERT INTO course_instructor (course_id, account_id) SELECT ?, id FROM account WHERE email = ?",
                course.value().toString(), coAuthor);
        List<CourseId> started = Race.run(4, i -> () -> KaribuSupport.as(context, i % 2 == 0 ? authors.getFirst() : coAuthor,
                () -> revisions.start(course)));
        assertThat(started).containsOnly(started.getFirst());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course WHERE revision_of = ?", Integer.class, course.value().toString()))
                .isEqualTo(1);
    }
}
