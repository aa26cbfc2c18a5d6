package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every main view opens in a real browser for the administrator, shows its title and no error,
 * has no serious or critical WCAG 2.1 AA violation that axe-core finds, and leaves a screenshot in
 * target/screenshots/tour for people to look at.
 */
@AcademyWebTest
class MainViewsTourTest {

    @LocalServerPort
    int port;

    @Test
    void everyMainViewRendersWithoutError() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("/", "Welcome back, Ada Admin");
        views.put("/courses", "Foundations of Generative AI");
        views.put("/courses/generative-ai-foundations", "50 % of the course grade");
        views.put("/courses/deep-learning-on-hpc/lessons/tensors-and-gradients", "Gradient descent by hand");
        views.put("/factories", "EuroHPC AI Factories");
        views.put("/account", "Roles decide what you can do here");
        views.put("/admin/accounts", "Accounts");
        views.put("/admin/organisations", "Organisations");
        views.put("/search?q=gradient", "Tensors and gradients");
        views.put("/search?q=model&type=lesson&sort=title", "results for");
        views.put("/admin/search", "academy-catalogue");
        views.put("/documents", "My documents");
        views.put("/learning", "You are not enrolled in any course yet");
        views.put("/teaching", "You are not an instructor of any course yet");
        views.put("/courses/ml-with-scikit-learn", "Barcelona Supercomputing Center");
        views.put("/credentials/verify", "Check a credential");
        views.put("/teaching/courses/new", "Create course");
        views.put("/review/courses", "No course is waiting for review");
        views.put("/gpu-hours", "You have not requested any GPU-hours yet");
        views.put("/operator/allocations", "No requests yet at");
        views.put("/opportunities", "Opportunities for you");
        views.put("/my-profile", "My profile");
        views.put("/my-applications", "My applications");
        views.put("/fellowships", "AI fellowships");
        views.put("/fellowships/ai-researchers-to-europe", "Nordic Institute for Machine Learning");
        views.put("/admin/cohorts", "Cohorts");
        views.put("/search?q=fellowship", "for “fellowship”");
        views.put("/admin/audit", "Audit log");
        views.put("/quizzes/how-language-models-work", "6 questions; pass with 70 %");
        views.put("/assignments/evaluation-plan", "Graded against a rubric of 4 criteria");
        views.put("/assignments/evaluation-plan/grading", "Grading: An evaluation plan for a prompt");
        views.put("/no-such-page", "Page not found");
        java.util.List<String> violations = new java.util.ArrayList<>();
        try (Browser browser = Browser.start("tour", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(url(""), "admin@academy.test", "Platform-Keeper-42");
            views.forEach((path, expected) -> {
                driver.get(url(path));
                wait.until(d -> d.getPageSource().contains(expected));
                assertThat(driver.findElements(By.cssSelector("vaadin-notification-card[theme~='error']")))
                        .as("error notification on " + path).isEmpty();
                assertThat(driver.getPageSource()).as(path).doesNotContain("Internal error", "!nav.", "!shell.");
                browser.screenshot(path.equals("/") ? "home" : path.substring(1).replaceAll("[^a-z0-9-]+", "_"));
                // The page's title is set once the view is attached; axe checks it too.
                wait.until(d -> !String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.title")).isBlank());
                browser.accessibilityViolations().forEach(v -> violations.add(path + ": " + v));
            });
        }
        assertThat(violations).as("serious or critical WCAG 2.1 AA violations found by axe-core").isEmpty();
    }

    /** The views only other roles see: each role signs in and its views are checked the same way, axe included. */
    @Test
    void everyRolesOwnViewsRenderAndPassAxe() {
        Map<String, Map<String, String>> tours = new LinkedHashMap<>();
        tours.put("employer@academy.test:Hiring-Manager-42", Map.of("/my-postings", "Your organisation’s postings",
                "/candidates", "Find candidates", "/candidates?q=data", "candidate"));
        tours.put("reviewer@academy.test:Fair-Assessor-42", Map.of("/reviews", "Applications to review"));
        tours.put("instructor@academy.test:Patient-Teacher-42", Map.of("/teaching/labs", "Your classes’ labs",
                "/gpu-hours", "My GPU hours"));
        tours.put("student@academy.test:Curious-Learner-42", Map.of("/learning", "My learning", "/opportunities", "Opportunities for you"));
        tours.put("fellow@academy.test:Visiting-Scholar-42", Map.of("/cohorts", "My cohort",
                "/fellowships/ai-researchers-to-europe", "Nordic Institute for Machine Learning"));
        List<String> violations = new java.util.ArrayList<>();
        tours.forEach((account, views) -> {
            String[] credentials = account.split(":");
            try (Browser browser = Browser.start("tour-" + credentials[0].substring(0, credentials[0].indexOf('@')), 1366, 900)) {
                browser.signIn("http://localhost:" + port, credentials[0], credentials[1]);
                WebDriverWait wait = browser.waiting();
                new java.util.TreeMap<>(views).forEach((path, expected) -> {
                    browser.driver().get(url(path));
                    wait.until(d -> d.getPageSource().contains(expected));
                    wait.until(d -> !String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.title")).isBlank());
                    assertThat(browser.driver().findElements(By.cssSelector("vaadin-notification-card[theme~='error']")))
                            .as("error notification on " + path).isEmpty();
                    browser.screenshot(path.substring(1).replaceAll("[^a-z0-9-]+", "_"));
                    browser.accessibilityViolations().forEach(v -> violations.add(credentials[0] + " " + path + ": " + v));
                });
            }
        });
        assertThat(violations).as("serious or critical WCAG 2.1 AA violations found by axe-core").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
