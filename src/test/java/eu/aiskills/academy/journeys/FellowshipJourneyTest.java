package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.fellowships.ApplicantFacts;
import eu.aiskills.academy.fellowships.ApplicationDraft;
import eu.aiskills.academy.fellowships.CallDraft;
import eu.aiskills.academy.fellowships.Cohorts;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipApplicationId;
import eu.aiskills.academy.fellowships.FellowshipApplications;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.FellowshipPlacements;
import eu.aiskills.academy.fellowships.FellowshipReviews;
import eu.aiskills.academy.fellowships.HostOffer;
import eu.aiskills.academy.fellowships.OfferDraft;
import eu.aiskills.academy.fellowships.Scheme;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Fellowships in a real browser: the demo fellow checks eligibility for the demo call and is
 * told why; a reviewer scores an application on its sheet; the administrator ranks and places;
 * the fellow accepts the placement and appears as co-instructor on the course page; an
 * apprentice's cohort shows co-signed hours. Screenshots of each page are kept.
 */
@AcademyWebTest
class FellowshipJourneyTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @LocalServerPort
    int port;
    @Autowired
    FellowshipCalls calls;
    @Autowired
    FellowshipApplications applications;
    @Autowired
    FellowshipReviews reviews;
    @Autowired
    FellowshipPlacements placements;
    @Autowired
    Cohorts cohorts;
    @Autowired
    Documents documents;
    @Autowired
    Registration registration;
    @Autowired
    AccountManagement accounts;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    ApplicationContext context;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aFellowIsToldWhyIsReviewedPlacedAndTeaches() throws Exception {
        String base = "http://localhost:" + port;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        try (Browser fellow = Browser.start("fellow", 1366, 900)) {
            fellow.signIn(base, "fellow@academy.test", "Visiting-Scholar-42");
            WebDriver d = fellow.driver();
            d.get(base + "/fellowships");
            fellow.waiting().until(w -> w.getPageSource().contains("AI researchers to Europe (demo call)"));
            fellow.screenshot("calls");
            fellow.click("a", "AI researchers to Europe (demo call)");
            fellow.waiting().until(w -> w.getPageSource().contains("Machine learning for Arctic climate data"));
            fellow.screenshot("call");
            fellow.click("a", "Check eligibility and apply");
            fellow.waiting().until(w -> w.getPageSource().contains("Check eligibility"));
            fellow.click("vaadin-button", "Check eligibility");
            fellow.waiting().until(w -> w.getPageSource().contains("Give your nationality."));
            fellow.screenshot("eligibility-explained");
        }

        // A call that has closed, with one application, reviewed on the sheet, ranked, placed.
        People.create(registration, "journey-fellow-" + tag + "@example.org", "Amara Okafor", Role.FELLOW);
        String applicant = "journey-fellow-" + tag + "@example.org";
        var cv = as(applicant, () -> documents.store(DocumentPurpose.CV, "amara-cv.md",
                new ByteArrayInputStream("# Amara Okafor\n\nPhD in computer vision.".getBytes(StandardCharsets.UTF_8))));
        var host = SystemActor.call(() -> organisations.create(new NewOrganisation("Baltic AI Institute " + tag, OrganisationKind.HOST_INSTITUTION,
                "EE", null)));
        LocalDateTime deadline = LocalDateTime.now(BRUSSELS).plusSeconds(5);
        FellowshipCall call = as("admin@academy.test", () -> calls.publish(calls.create(new CallDraft("vision-" + tag,
                "Vision researchers " + tag, Scheme.POSTDOCTORAL, "Computer vision fellowships.", LocalDateTime.now(BRUSSELS).minusHours(1),
                deadline, BRUSSELS, new BigDecimal("300000"), "EUR", 1, 1, 5, EligibilityRules.none(), List.of("CV"),
                List.of(new Criterion("Excellence", "Quality of the research", new BigDecimal("70")),
                        new Criterion("Teaching", "For the Academy's learners", new BigDecimal("30"))))).id()));
        HostOffer offer = SystemActor.call(() -> calls.addOffer(call.id(), new OfferDraft(host, "Vision for forest monitoring", "Drones.",
                "Dr. Kask", List.of(), 1, "Tartu", "EE")));
        FellowshipApplicationId application = as(applicant, () -> {
            applications.save(call.id(), new ApplicationDraft("Forest **monitoring** from the air.", new ApplicantFacts("NG", List.of(),
                    ApplicantFacts.PhdStatus.OBTAINED, LocalDate.now().minusYears(2), List.of()), List.of(offer.id()), Map.of("CV", cv.id())));
            return applications.submit(call.id()).id();
        });
        while (!Instant.now().isAfter(deadline.atZone(BRUSSELS).toInstant())) {
            Thread.sleep(100);
        }
        as("admin@academy.test", () -> {
            reviews.addToPanel(call.id(), SystemActor.call(() -> accounts.findByEmail("reviewer@academy.test")).orElseThrow().id(), true);
            return reviews.assign(call.id(), 1);
        });

        try (Browser reviewer = Browser.start("reviewer", 1366, 900)) {
            reviewer.signIn(base, "reviewer@academy.test", "Fair-Assessor-42");
            reviewer.driver().get(base + "/reviews/" + application);
            reviewer.waiting().until(w -> w.getPageSource().contains("Forest"));
            reviewer.click("a", "CV: amara-cv.md");
            assertThat(new String(reviewer.downloaded("amara-cv.md"), StandardCharsets.UTF_8))
                    .isEqualTo("# Amara Okafor\n\nPhD in computer vision.");
            reviewer.field("vaadin-big-decimal-field", "Excellence (weight 70)").sendKeys("4.5");
            reviewer.field("vaadin-text-area", "Comment on Excellence").sendKeys("Original and feasible.");
            reviewer.field("vaadin-big-decimal-field", "Teaching (weight 30)").sendKeys("4");
            reviewer.field("vaadin-text-area", "Comment on Teaching").sendKeys("A clear course plan.");
            reviewer.screenshot("sheet");
            reviewer.click("vaadin-button", "Submit my review");
            reviewer.click("[slot='confirm-button']", "Submit my review");
            reviewer.waiting().until(w -> w.getPageSource().contains("Original and feasible."));
            reviewer.screenshot("submitted");
        }

        try (Browser admin = Browser.start("fellowship-admin", 1366, 900)) {
            admin.signIn(base, "admin@academy.test", "Platform-Keeper-42");
            // The call form: its eligibility rules are one field of it (EligibilityRulesField), laid out with the rest.
            admin.driver().get(base + "/admin/fellowships");
            admin.click("vaadin-button", "New call");
            admin.scroll(admin.field("vaadin-integer-field", "Years since the PhD (at most)"));
            admin.waitForText("Who may apply");
            admin.screenshot("call-form");
            assertThat(admin.accessibilityViolations()).isEmpty();
            admin.click("vaadin-dialog-overlay vaadin-button, vaadin-button", "Close");
            admin.driver().get(base + "/admin/fellowships/" + call.slug() + "/review");
            admin.waiting().until(w -> w.getPageSource().contains("Release the ranking to applicants"));
            admin.click("vaadin-button", "Release the ranking to applicants");
            admin.waiting().until(w -> w.getPageSource().contains("Place the funded applicants"));
            admin.click("vaadin-button", "Place the funded applicants");
            admin.waiting().until(w -> w.getPageSource().contains("Vision for forest monitoring · Baltic AI Institute"));
            admin.screenshot("ranked-and-placed");
        }

        try (Browser placed = Browser.start("fellow-placed", 1366, 900)) {
            placed.signIn(base, applicant, "Tram-Gravel-Orbit-7");
            placed.driver().get(base + "/fellowships/" + call.slug() + "/apply");
            placed.waiting().until(w -> w.getPageSource().contains("Accept the placement"));
            assertThat(placed.driver().getPageSource()).contains("Rank 1, weighted score 4.35 of 5: Funded.");
            placed.screenshot("placement-offered");
            placed.click("vaadin-button", "Accept the placement");
            placed.waiting().until(w -> w.getPageSource().contains("Accepted"));
        }
        as("admin@academy.test", () -> {
            FellowshipPlacements.Placement accepted = placements.placements(call.id()).getFirst();
            placements.assignTeaching(accepted.id(), "ml-with-scikit-learn");
            return null;
        });
        try (Browser teaching = Browser.start("fellow-teaching", 1366, 900)) {
            teaching.driver().get(base + "/courses/ml-with-scikit-learn");
            teaching.waiting().until(w -> w.getPageSource().contains("Co-taught by Academy fellows: Amara Okafor"));
            teaching.screenshot("course-page");
        }

        // An apprentice's cohort: hours logged, co-signed by the mentor.
        People.create(registration, "journey-apprentice-" + tag + "@example.org", "Lea Lehrling", Role.STUDENT);
        LocalDate today = LocalDate.now();
        Cohorts.Cohort cohort = as("admin@academy.test", () -> cohorts.create(Cohorts.Kind.APPRENTICESHIP, "AI apprentices 2026",
                List.of("ml-with-scikit-learn"), new BigDecimal("40"), new BigDecimal("120"), new BigDecimal("40"), today.minusDays(20),
                today.plusDays(300)));
        var aurora = as("employer@academy.test", () -> organisations.myMemberships().getFirst().organisationId());
        Cohorts.Member member = as("admin@academy.test", () -> cohorts.addMember(cohort.id(), "journey-apprentice-" + tag + "@example.org",
                aurora, "employer@academy.test", null, null, null));
        // The training hours cite the apprentice's graded lab submission (as grading stores it).
        String submission = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO lab_submission (id, template_id, learner_id, revision, score, feedback, submitted_at, notebook_sha256, ran_on,"
                + " environment, gpus, checks_passed, checks_total) SELECT ?, t.id, a.id, 4, 90, '', ?, ?, 'local sandbox', 'python', 0, 6, 6"
                + " FROM lab_template t, account a WHERE t.slug = 'first-classifier' AND a.email = ?", submission,
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(7200)), "cd".repeat(32), "journey-apprentice-" + tag + "@example.org");
        as("journey-apprentice-" + tag + "@example.org", () -> {
            cohorts.logHours(member.id(), Cohorts.HoursKind.ON_THE_JOB, today.minusDays(2), new BigDecimal("8"), "Cleaned the sensor data");
            cohorts.logHours(member.id(), Cohorts.HoursKind.TRAINING, today.minusDays(1), new BigDecimal("4"), "Lesson: first classifier",
                    "submission:" + submission);
            return null;
        });
        try (Browser mentor = Browser.start("mentor", 1366, 900)) {
            mentor.signIn(base, "employer@academy.test", "Hiring-Manager-42");
            mentor.driver().get(base + "/cohorts");
            mentor.waiting().until(w -> w.getPageSource().contains("Cleaned the sensor data"));
            assertThat(mentor.driver().getPageSource()).as("the mentor sees the lab work the hours cite")
                    .contains("Cites: Graded submission of “A first classifier with scikit-learn”").contains("score 90/100, notebook revision 4");
            mentor.screenshot("cohort-to-cosign");
            mentor.click("vaadin-button", "Co-sign");
            mentor.waiting().until(w -> w.getPageSource().contains("Co-signed by Emma Employer"));
            mentor.screenshot("cohort-cosigned");
        }
    }

    private <T> T as(String email, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
