package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A student finds a course, enrols, works through its lessons, completes it and opens the
 * credential's verification page; the instructor then sees the learner in the run's roster.
 * Crawlers get the course's structured data and calendars its dates without running scripts.
 */
@AcademyWebTest
class StudentCourseJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void enrolCompleteAndVerifyTheCredential() throws Exception {
        try (Browser browser = Browser.start("student-course", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(url(""), "student@academy.test", "Curious-Learner-42");

            driver.get(url("/courses/generative-ai-foundations"));
            wait.until(d -> d.getPageSource().contains("seats free"));
            browser.screenshot("course");
            browser.click("vaadin-button", "Enrol");
            wait.until(d -> d.findElements(By.cssSelector(".academy-status")).stream().anyMatch(e -> e.getText().equals("Enrolled")));
            scrollTo(driver, ".academy-runs");
            browser.screenshot("enrolled");

            for (String lesson : new String[] {"what-is-generative-ai", "how-language-models-work", "prompting-and-evaluation",
                    "responsible-generative-ai"}) {
                driver.get(url("/courses/generative-ai-foundations/lessons/" + lesson));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".academy-lesson-progress vaadin-checkbox")));
                scrollTo(driver, ".academy-lesson-progress");
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".academy-lesson-progress vaadin-checkbox"))).click();
                wait.until(d -> d.findElement(By.cssSelector(".academy-lesson-progress vaadin-checkbox")).getAttribute("checked") != null);
            }
            wait.until(d -> d.getPageSource().contains("Course completed"));
            browser.screenshot("completed");

            driver.get(url("/learning"));
            wait.until(d -> d.getPageSource().contains("My credentials"));
            browser.screenshot("learning");
            var credentialLink = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".academy-credentials a")));
            driver.get(credentialLink.getAttribute("href"));
            wait.until(d -> d.getPageSource().contains("Valid: issued and signed"));
            assertThat(driver.getPageSource()).contains("Stella Student").contains("OpenBadgeCredential");
            browser.screenshot("credential");

            driver.manage().deleteAllCookies();
            browser.signIn(url(""), "instructor@academy.test", "Patient-Teacher-42");
            driver.get(url("/teaching"));
            wait.until(d -> d.getPageSource().contains("Foundations of Generative AI"));
            browser.screenshot("teaching");
            var roster = driver.findElement(By.partialLinkText("2027-open"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", roster);
            wait.until(ExpectedConditions.elementToBeClickable(roster)).click();
            wait.until(d -> d.getPageSource().contains("Stella Student"));
            assertThat(driver.findElement(By.cssSelector(".academy-seat-chart")).getAttribute("aria-label")).contains("1 completed");
            browser.screenshot("roster");
        }
    }

    @Test
    void structuredDataAndCalendarAreServedWithoutScripts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/courses/ml-with-scikit-learn"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("<script type=\"application/ld+json\">").contains("\"@type\":\"Course\"")
                .contains("\"@type\":\"CourseInstance\"").contains("\"courseMode\":\"blended\"")
                .contains("http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43")
                .contains("<meta name=\"description\" content=\"Train, evaluate and ship a first classifier");
        HttpResponse<String> calendar = http.send(HttpRequest.newBuilder(
                URI.create(url("/courses/ml-with-scikit-learn/runs/2027-winter/calendar.ics"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.headers().firstValue("content-type").orElseThrow()).startsWith("text/calendar");
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;VALUE=DATE:20270118\r\n")
                .contains("DTEND;VALUE=DATE:20270313\r\n").contains("LOCATION:Barcelona Supercomputing Center\\, Barcelona")
                .endsWith("END:VCALENDAR\r\n");
        assertThat(calendar.body().lines()).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/courses/ml-with-scikit-learn/runs/nope/calendar.ics"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    private static void scrollTo(WebDriver driver, String css) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(By.cssSelector(css)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
