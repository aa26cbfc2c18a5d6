package eu.aiskills.academy.fellowships;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
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

/**
 * Fellowship applications under concurrency on MariaDB through Connector/J: two tabs creating the
 * same draft at once make one application, and many clicks on "submit" make one submission
 * with one receipt.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class FellowshipSubmissionsOnMariaDbTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    FellowshipCalls calls;
    @Autowired
    FellowshipApplications applications;
    @Autowired
    Documents documents;
    @Autowired
    Registration registration;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void concurrentDraftsMakeOneApplicationAndConcurrentSubmitsOneSubmission() throws Exception {
        String email = "mariadb-applicant@example.org";
        People.create(registration, email, "Maria Applicant", Role.FELLOW);
        FellowshipCall call = SystemActor.call(() -> calls.publish(calls.create(new CallDraft("mariadb-call", "MariaDB call", Scheme.DOCTORAL,
                "Test.", LocalDateTime.now(BRUSSELS).minusHours(1), LocalDateTime.now(BRUSSELS).plusDays(2), BRUSSELS, new BigDecimal("1000"),
                "EUR", 1, 1, 5, EligibilityRules.none(), List.of("CV"), List.of(new Criterion("Excellence", "", BigDecimal.ONE)))).id()));
        HostOffer offer = SystemActor.call(() -> calls.addOffer(call.id(), new OfferDraft(organisations.create(new NewOrganisation("MariaDB host",
                OrganisationKind.UNIVERSITY, "SE", null)), "Topic", "", "Dr. S", List.of(), 1, "Lund", "SE")));
        StoredDocument cv = as(email, () -> documents.store(DocumentPurpose.CV, "cv.md", new ByteArrayInputStream("CV".getBytes(StandardCharsets.UTF_8))));
        ApplicationDraft draft = new ApplicationDraft("Plan.", new ApplicantFacts("CL", List.of(), PhdStatus.ENROLLED, LocalDate.of(2024, 3, 1),
                List.of()), List.of(offer.id()), Map.of("CV", cv.id()));

        List<Object> saves = Race.run(6, n -> () -> as(email, () -> applications.save(call.id(), draft)));
        assertThat(saves).allMatch(r -> r instanceof FellowshipApplication a && a.status() == FellowshipApplication.Status.DRAFT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fellowship_application WHERE call_id = ?", Integer.class, call.id().toString()))
                .isEqualTo(1);

        List<Object> submits = Race.run(8, n -> () -> {
            try {
                return as(email, () -> applications.submit(call.id()));
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
        assertThat(submits).filteredOn(r -> r instanceof FellowshipApplication).hasSize(1);
        assertThat(submits).filteredOn("fellowship.application-submitted"::equals).hasSize(7);
        assertThat(jdbc.queryForList("SELECT receipt FROM fellowship_application WHERE call_id = ?", String.class, call.id().toString()))
                .singleElement().satisfies(receipt -> assertThat(receipt).hasSize(64));
    }

    private <T> T as(String email, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
