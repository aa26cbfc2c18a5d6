package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A student opens a lesson's lab in a real browser, starts it, runs every cell in a real sandbox,
 * edits a cell and runs it with Shift+Enter, and has the work checked; once the course is complete
 * its credential says in words where and how the lab was graded.
 */
@AcademyWebTest
class StudentLabJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Catalogue catalogue;
    @Autowired
    eu.aiskills.academy.enrolment.LessonProgress progress;
    @Autowired
    ApplicationContext context;

    @Test
    void opensTheLessonsLabRunsItAndIsChecked() {
        eu.aiskills.academy.labs.internal.sandbox.SandboxRequirements.check();
        KaribuSupport.signIn(context, "student@academy.test");
        var run = catalogue.publishedCourse("ml-with-scikit-learn").orElseThrow().runs().getFirst();
        if (enrolments.mine().stream().noneMatch(e -> e.run().id().equals(run.id()))) {
            enrolments.enrol(run.id());
        }
        SecurityContextHolder.clearContext();
        try (Browser browser = Browser.start("student-lab", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(url(""), "student@academy.test", "Curious-Learner-42");

            driver.get(url("/courses/ml-with-scikit-learn/lessons/first-classifier"));
            WebElement open = wait.until(d -> d.findElements(By.cssSelector("a.academy-lab-open")).stream().findFirst().orElse(null));
            browser.scroll(open);
            browser.screenshot("lesson");
            open.click();
            wait.until(d -> d.getPageSource().contains("Start the lab"));
            browser.screenshot("lab-before-start");
            browser.click("vaadin-button", "Start the lab");
            wait.until(d -> d.findElement(By.cssSelector(".academy-lab-status")).getText().contains("Running"));
            browser.screenshot("running");

            // As it comes, the lab cannot be passed: the training cell holds the placeholder of its solution region.
            browser.click("vaadin-button", "Run all");
            wait.until(d -> d.getPageSource().contains("NotImplementedError")
                    && !d.findElement(By.cssSelector(".academy-lab-status")).getText().contains("busy"));
            browser.screenshot("placeholder");
            WebElement placeholder = wait.until(d -> d.findElements(By.cssSelector("pre.academy-code-view")).stream()
                    .filter(e -> e.getText().contains("YOUR CODE HERE")).findFirst().orElse(null));
            browser.scroll(placeholder);
            placeholder.click();
            WebElement answer = wait.until(d -> d.findElements(By.cssSelector("vaadin-text-area.academy-code-editor textarea")).stream()
                    .findFirst().orElse(null));
            answer.click();
            answer.sendKeys(Keys.chord(Keys.CONTROL, "a"),
                    "from sklearn.linear_model import LogisticRegression\nmodel = LogisticRegression(max_iter=500).fit(X_train, y_train)");
            answer.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            browser.click("vaadin-button", "Run all");
            // The printed result (the cell's source says "accuracy on unseen flowers" too), and the kernel idle again.
            wait.until(d -> java.util.regex.Pattern.compile("accuracy on unseen flowers: \\d\\.\\d\\d").matcher(d.getPageSource()).find()
                    && !d.findElement(By.cssSelector(".academy-lab-status")).getText().contains("busy"));
            browser.screenshot("ran");

            // Code cells read coloured; a click opens the editor.
            WebElement coloured = wait.until(d -> d.findElements(By.cssSelector("pre.academy-code-view")).getLast());
            assertThat(coloured.findElements(By.cssSelector("span.py-builtin, span.py-string"))).isNotEmpty();
            browser.scroll(coloured);
            coloured.click();
            WebElement editor = wait.until(d -> d.findElements(By.cssSelector("vaadin-text-area.academy-code-editor textarea")).stream()
                    .findFirst().orElse(null));
            browser.scroll(editor);
            editor.click();
            editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "print('predicted', model.predict(X_test[:3]).tolist())");
            editor.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            wait.until(d -> d.getPageSource().contains("predicted ["));
            browser.screenshot("shift-enter");

            // Closing the tab and coming back: the edited cell and its output are there.
            String lab = driver.getCurrentUrl();
            driver.get(url("/my-learning"));
            driver.get(lab);
            wait.until(d -> d.findElements(By.cssSelector("pre.academy-code-view")).stream()
                    .anyMatch(e -> e.getText().strip().equals("print('predicted', model.predict(X_test[:3]).tolist())")));
            assertThat(driver.getPageSource()).contains("predicted [");

            // Every save is in the revision history, from which any can be restored.
            browser.click("vaadin-button", "Revisions");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).size() == 1
                    && d.getPageSource().contains("Now on the page"));
            browser.screenshot("revisions");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations in the revision history").isEmpty();
            browser.click("vaadin-dialog[opened] vaadin-button", "Close");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());

            browser.click("vaadin-button", "Submit for grading");
            wait.until(d -> d.getPageSource().contains("Score 100 of 100: the lesson is done."));
            browser.scroll(driver.findElement(By.cssSelector(".academy-card")));
            browser.screenshot("checked");
            assertThat(driver.getPageSource()).contains("Saved as revision");
            browser.click("vaadin-button", "Stop");
            wait.until(d -> d.findElement(By.cssSelector(".academy-lab-status")).getText().contains("Stopped"));

            // The other lessons done, the course is complete: the credential says in words how the lab was graded.
            KaribuSupport.as(context, "student@academy.test", () -> {
                var course = catalogue.publishedCourse("ml-with-scikit-learn").orElseThrow().summary().id();
                var seat = enrolments.seatIn(course).orElseThrow();
                for (var lesson : catalogue.lessons(course)) {
                    switch (lesson.completion()) {
                        case READ -> progress.recordRead(course, lesson.id());
                        case DONE -> progress.markLesson(seat.id(), lesson.id(), true);
                        default -> { }
                    }
                }
                return null;
            });
            driver.get(url("/learning"));
            WebElement credential = wait.until(d -> d.findElements(By.cssSelector(".academy-credentials a")).stream()
                    .filter(a -> a.getDomProperty("textContent").contains("Practical machine learning with scikit-learn")).findFirst()
                    .orElse(null));
            driver.get(credential.getAttribute("href"));
            wait.until(d -> d.getPageSource().contains("Valid: issued and signed"));
            String evidence = driver.findElement(By.cssSelector(".academy-evidence")).getDomProperty("textContent");
            assertThat(evidence).contains("Lab: A first classifier with scikit-learn").contains("Score 100 out of 100")
                    .contains("ran on: local sandbox of the platform").contains("notebook SHA-256: ").contains("checks passed: ");
            assertThat(driver.getPageSource()).contains("Earned through assessed work");
            browser.scroll(driver.findElement(By.cssSelector(".academy-evidence")));
            browser.screenshot("credential-lab-evidence");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations on the credential").isEmpty();

            // The next lesson's lab draws a learning curve: the plot comes back as an image.
            driver.get(url("/labs/learning-curve"));
            browser.click("vaadin-button", "Start the lab");
            wait.until(d -> d.findElement(By.cssSelector(".academy-lab-status")).getText().contains("Running"));
            browser.click("vaadin-button", "Run all");
            WebElement plot = wait.until(d -> d.findElements(By.cssSelector(".academy-outputs img")).stream().findFirst().orElse(null));
            assertThat(plot.getAttribute("src")).startsWith("data:image/png;base64,");
            assertThat(plot.getAttribute("alt")).isNotBlank();
            browser.scroll(plot);
            browser.screenshot("plot");
            browser.click("vaadin-button", "Stop");
        }
        try (Browser browser = Browser.start("instructor-lab-usage", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(url(""), "instructor@academy.test", "Patient-Teacher-42");
            driver.get(url("/teaching/labs"));
            wait.until(d -> d.getPageSource().contains("A first classifier with scikit-learn") && d.getPageSource().contains("Stella Student"));
            browser.screenshot("usage");
            driver.get(url("/teaching/labs/publish"));
            wait.until(d -> d.getPageSource().contains("Publish the lab"));
            browser.screenshot("publish-form");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
