package eu.aiskills.academy.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seats and credentials under concurrency, on MariaDB through Connector/J (the production
 * database): many learners racing for the last seats, cancellations racing each other, the same
 * learner clicking twice, and one completion issued twice.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class EnrolmentConcurrencyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Enrolments enrolments;
    @Autowired
    Credentials credentials;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Registration registration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void manyLearnersRaceForTheLastSeatsWithoutOverbookingAndTheWaitlistKeepsArrivalOrder() throws Exception {
        new TestCourses(content, context).course("race").capacity(20).instructor("nobody@example.org").create();
        CourseRun run = catalogue.publishedCourse("race").orElseThrow().runs().getFirst();
        List<String> learners = People.students(registration, "racer", 60);

        List<LearnerCourse> results = Race.run(learners.size(), n -> () -> as(learners.get(n), () -> enrolments.enrol(run.id())));

        assertThat(results).filteredOn(r -> r.status() == EnrolmentStatus.ENROLLED).hasSize(20);
        assertThat(results).filteredOn(r -> r.status() == EnrolmentStatus.WAITLISTED).hasSize(40);
        assertThat(seatsTaken(run)).isEqualTo(20);
        List<Long> arrivals = jdbc.queryForList("SELECT arrival FROM enrolment WHERE run_id = ? ORDER BY arrival", Long.class,
                run.id().value().toString());
        assertThat(arrivals).as("each request has its own place in the order")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 60).mapToObj(i -> (long) i).toList());
        assertThat(jdbc.queryForObject("SELECT MAX(arrival) FROM enrolment WHERE run_id = ? AND status = 'ENROLLED'", Long.class,
                run.id().value().toString())).as("seats went to the first 20 arrivals").isEqualTo(20L);

        // Ten seated learners cancel at once: ten promotions, to the ten who waited longest.
        List<LearnerCourse> seated = results.stream().filter(r -> r.status() == EnrolmentStatus.ENROLLED).limit(10).toList();
        List<String> cancelling = seated.stream().map(r -> learners.get(results.indexOf(r))).toList();
        Race.run(cancelling.size(), n -> () -> as(cancelling.get(n), () -> {
            enrolments.cancel(seated.get(n).id());
            return null;
        }));
        assertThat(seatsTaken(run)).isEqualTo(20);
        assertThat(jdbc.queryForList("SELECT arrival FROM enrolment WHERE run_id = ? AND status = 'ENROLLED' ORDER BY arrival",
                Long.class, run.id().value().toString()))
                .as("ten who kept their seats, then arrivals 21 to 30")
                .hasSize(20).endsWith(21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enrolment WHERE run_id = ? AND status = 'WAITLISTED'", Integer.class,
                run.id().value().toString())).isEqualTo(30);
    }

    @Test
    void oneLearnerClickingManyTimesAtOnceGetsOneSeat() throws Exception {
        new TestCourses(content, context).course("double-click").capacity(5).instructor("nobody@example.org").create();
        CourseRun run = catalogue.publishedCourse("double-click").orElseThrow().runs().getFirst();
        String learner = People.students(registration, "clicker", 1).getFirst();

        List<Boolean> accepted = Race.run(8, n -> () -> {
            try {
                as(learner, () -> enrolments.enrol(run.id()));
                return true;
            } catch (UserFacingException | org.springframework.dao.DataIntegrityViolationException e) {
                return false;
            }
        });
        assertThat(accepted).containsOnlyOnce(true);
        assertThat(seatsTaken(run)).isEqualTo(1);
    }

    @Test
    void aCompletionIssuedTwiceAtOnceYieldsOneCredential() throws Exception {
        new TestCourses(content, context).course("one-credential").lessons(1).instructor("nobody@example.org").create();
        CourseRun run = catalogue.publishedCourse("one-credential").orElseThrow().runs().getFirst();
        String learner = People.students(registration, "earner", 1).getFirst();
        LearnerCourse seat = as(learner, () -> enrolments.enrol(run.id()));
        AccountId learnerId = as(learner, eu.aiskills.academy.identity.CurrentUser::requireId);
        CourseCompleted completed = new CourseCompleted(seat.id(), run.id(), run.courseId(), learnerId);

        Race.run(6, n -> () -> {
            try {
                return SystemActor.call(() -> credentials.issueForCourse(completed));
            } catch (RuntimeException issuedConcurrently) {
                return null;
            }
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credential WHERE subject_key = ?", Integer.class,
                "enrolment:" + seat.id().value())).isEqualTo(1);
    }

    private int seatsTaken(CourseRun run) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM enrolment WHERE run_id = ? AND status IN ('ENROLLED', 'COMPLETED')",
                Integer.class, run.id().value().toString());
    }

    private <T> T as(String email, java.util.concurrent.Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
