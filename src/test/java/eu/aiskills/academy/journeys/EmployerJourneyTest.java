package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.talent.ApplicationStatus;
import eu.aiskills.academy.talent.Applications;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.ProfileDraft;
import eu.aiskills.academy.talent.Visibility;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The employer's journey, with the candidate's side of it, in a real browser: the employer posts
 * an apprenticeship; a student whose course credential verifies a skill finds it ranked with the
 * explanation and applies with a CV; the employer reviews the matched candidate and the
 * application and makes an offer; the student sees the offer.
 */
@AcademyWebTest
class EmployerJourneyTest {

    private static final String MACHINE_LEARNING = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";
    private static final String STATISTICS = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833";
    private static final String CANDIDATE = "journey-candidate@example.org";
    private static final String PASSWORD = "Tram-Gravel-Orbit-7";

    @LocalServerPort
    int port;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Candidates candidates;
    @Autowired
    Applications applications;
    @Autowired
    Documents documents;
    @Autowired
    Registration registration;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void anEmployerPostsAnApprenticeshipAndOffersItToAMatchedStudent() {
        aStudentWithAVerifiedSkillAndACv();
        String base = "http://localhost:" + port;
        String title = "Applied-AI apprentice in Oulu";

        try (Browser employer = Browser.start("employer", 1366, 900); Browser student = Browser.start("employer-candidate", 1366, 900)) {
            employer.signIn(base, "employer@academy.test", "Hiring-Manager-42");
            WebDriver e = employer.driver();
            e.get(base + "/my-postings");
            employer.click("vaadin-button", "New posting");
            choose(employer, "Kind of opportunity", "Apprenticeship");
            employer.field("vaadin-text-field", "Title").sendKeys(title);
            employer.field("vaadin-text-area", "Description (Markdown)").sendKeys("Two years of **learning by doing** in our applied-AI team.");
            employer.field("vaadin-text-field", "Places").sendKeys("Oulu");
            employer.field("vaadin-text-field", "Country of work (two letters, e.g. FI)").sendKeys("FI");
            employer.field("vaadin-text-field", "Working languages").sendKeys("en");
            pick(employer, "Skills it needs (ESCO)", "machine learning");
            pick(employer, "Skills it needs (ESCO)", "statistics");
            employer.field("vaadin-text-area", "Training plan").sendKeys("Four days in the team, one day of Academy courses.");
            employer.field("vaadin-text-field", "Academy courses (apprenticeships)").sendKeys("ml-with-scikit-learn");
            employer.field("vaadin-text-area", "Questions for applicants").sendKeys("When could you start?");
            employer.screenshot("posting-form");
            employer.click("vaadin-dialog-overlay vaadin-button, vaadin-button", "Save");
            employer.waiting().until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty()
                    && d.getPageSource().contains(title));
            employer.click("vaadin-button", "Publish");
            employer.waiting().until(d -> d.findElements(By.cssSelector("a")).stream().anyMatch(a -> a.getText().equals("Applications")));
            employer.screenshot("published");

            // The student finds it ranked, with why, and applies with the CV.
            student.signIn(base, CANDIDATE, PASSWORD);
            WebDriver s = student.driver();
            s.get(base + "/opportunities");
            student.waiting().until(d -> d.getPageSource().contains(title));
            assertThat(s.getPageSource()).contains("2 of 2 required skills, 1 verified by credentials");
            student.screenshot("opportunities");
            student.click("a", title);
            student.waiting().until(d -> d.getPageSource().contains("Send my application"));
            student.field("vaadin-text-area", "Cover letter").sendKeys("I completed the Academy course and would love to learn with you.");
            student.field("vaadin-text-area", "When could you start?").sendKeys("In January.");
            student.screenshot("apply");
            student.click("vaadin-button", "Send my application");
            student.waiting().until(d -> d.getPageSource().contains("You applied on"));
            student.screenshot("applied");

            // The employer reviews the matched candidate and the application, and makes an offer.
            e.get(base + "/my-postings");
            employer.click("a", "Applications");
            employer.waiting().until(d -> d.getPageSource().contains("Jonas Journey"));
            employer.screenshot("pipeline");
            employer.click("vaadin-tab", "Matching candidates");
            employer.waiting().until(d -> d.getPageSource().contains("2 of 2 required skills, 1 verified by credentials"));
            employer.screenshot("matching-candidates");
            employer.click("vaadin-tab", "Applications");
            employer.click("vaadin-button", "Open");
            employer.waiting().until(d -> d.getPageSource().contains("In January."));
            employer.click("a", "Download the CV (jonas-cv.md)");
            assertThat(new String(employer.downloaded("jonas-cv.md"), StandardCharsets.UTF_8))
                    .isEqualTo("# Jonas Journey\n\nMachine learning and statistics for sensor data.\n");
            employer.field("vaadin-text-area", "New note").sendKeys("Verified ML credential; strong letter.");
            employer.click("vaadin-button", "Add the note");
            employer.waiting().until(d -> d.getPageSource().contains("strong letter."));
            chooseLast(employer, "Move to", "Offer");
            List<WebElement> reasons = e.findElements(By.cssSelector("vaadin-text-field")).stream()
                    .filter(f -> "Message to the candidate (optional)".equals(f.getDomProperty("label"))).toList();
            WebElement reason = reasons.getLast().findElement(By.cssSelector("input"));
            employer.scroll(reason);
            reason.sendKeys("We would like you to start in January.");
            employer.screenshot("application");
            employer.click("vaadin-button", "Move");
            employer.waiting().until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
            employer.screenshot("offer-made");

            s.get(base + "/my-applications");
            student.waiting().until(d -> d.getPageSource().contains("We would like you to start in January."));
            assertThat(s.findElement(By.cssSelector(".academy-application-status")).getText()).isEqualTo("Offer");
            student.screenshot("offer-received");
        }
        KaribuSupport.signIn(context, CANDIDATE);
        try {
            assertThat(applications.mine().getFirst().status()).isEqualTo(ApplicationStatus.OFFER);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void aStudentWithAVerifiedSkillAndACv() {
        People.create(registration, CANDIDATE, "Jonas Journey", Role.STUDENT);
        TestCourses courses = new TestCourses(content, context);
        courses.course("journey-ml").lessons(1).quizLastLesson().create();
        courses.complete("journey-ml", CANDIDATE);
        KaribuSupport.signIn(context, CANDIDATE);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> candidates.mine().verified(MACHINE_LEARNING));
            candidates.save(new ProfileDraft("Physics graduate moving into machine learning", "Lab data analysis.", "MSc Physics, Oulu",
                    "FI", "Oulu", Mobility.EU, List.of("en", "fi"), List.of(STATISTICS), Visibility.OPEN_TO_OFFERS, true));
            documents.store(DocumentPurpose.CV, "jonas-cv.md", new ByteArrayInputStream(
                    "# Jonas Journey\n\nMachine learning and statistics for sensor data.\n".getBytes(StandardCharsets.UTF_8)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Opens the vaadin-select labelled {@code label} and picks {@code option}. */
    private static void choose(Browser browser, String label, String option) {
        WebElement select = browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-select")).stream()
                .filter(e -> label.equals(e.getDomProperty("label"))).findFirst().orElse(null));
        open(browser, select, option);
    }

    private static void chooseLast(Browser browser, String label, String option) {
        List<WebElement> selects = browser.driver().findElements(By.cssSelector("vaadin-select")).stream()
                .filter(e -> label.equals(e.getDomProperty("label"))).toList();
        open(browser, selects.getLast(), option);
    }

    private static void open(Browser browser, WebElement select, String option) {
        browser.scroll(select);
        select.click();
        browser.click("vaadin-select-item", option);
    }

    /** Types into the multi-select combo box labelled {@code label} and picks the item {@code option}. */
    private static void pick(Browser browser, String label, String option) {
        WebElement input = browser.field("vaadin-multi-select-combo-box", label);
        input.click();
        input.sendKeys(option);
        browser.click("vaadin-multi-select-combo-box-item", option);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }
}
