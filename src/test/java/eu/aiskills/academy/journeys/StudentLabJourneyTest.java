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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A student opens a lesson's lab in a real browser, starts it, runs every cell in a real sandbox,
 * writes the missing code in CodeMirror and works through the notebook with the keyboard only
 * (Shift+Enter, Ctrl+Enter, Escape, B, D D, Z, H, the kernel's completion on Tab and help on
 * Shift+Tab), and has the work checked; once the course is complete
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
        KaribuSupport.enrolledInFirstRun(context, "student@academy.test", "ml-with-scikit-learn");
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
            // Code cells are CodeMirror editors: coloured as Python, with line numbers.
            WebElement training = wait.until(d -> cellWhoseCode(d, "YOUR CODE HERE"));
            assertThat(training.findElements(By.cssSelector(".CodeMirror .cm-keyword, .CodeMirror .cm-comment"))).isNotEmpty();
            assertThat(training.findElements(By.cssSelector(".CodeMirror-linenumber"))).isNotEmpty();
            WebElement trainingEditor = training.findElement(By.cssSelector(".CodeMirror"));
            browser.scroll(trainingEditor);
            trainingEditor.click();
            // From here on, only the keyboard: Shift+Enter runs a cell and moves on through the notebook.
            WebElement typing = driver.switchTo().activeElement();
            typing.sendKeys(Keys.chord(Keys.CONTROL, "a"),
                    "from sklearn.linear_model import LogisticRegression\nmodel = LogisticRegression(max_iter=500).fit(X_train, y_train)");
            typing.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            String trainingId = training.getAttribute("data-cell");
            wait.until(d -> promptOf(d, trainingId).matches("\\[\\d+\\]"));
            // The text cell after it is selected (command mode); Shift+Enter moves on into the next code cell's editor.
            wait.until(d -> activeCellIndex(d) == cellIndex(d, trainingId) + 1);
            driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            wait.until(d -> activeCellIndex(d) == cellIndex(d, trainingId) + 2 && inEditor(d));
            int cellsBefore = driver.findElements(By.cssSelector(".academy-cells > .academy-cell")).size();
            driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            wait.until(d -> java.util.regex.Pattern.compile("accuracy on unseen flowers: \\d\\.\\d\\d").matcher(d.getPageSource()).find());
            // After the last cell, Shift+Enter adds a cell and puts the cursor in it.
            wait.until(d -> d.findElements(By.cssSelector(".academy-cells > .academy-cell")).size() == cellsBefore + 1
                    && activeCellIndex(d) == cellsBefore && inEditor(d));
            WebElement fresh = driver.switchTo().activeElement();
            fresh.sendKeys("print('predicted', model.predict(");
            // Shift+Tab: the kernel's help on what is being called, below the cursor; Escape closes it and stays in the editor.
            fresh.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            wait.until(d -> d.findElements(By.cssSelector(".academy-inspect")).stream()
                    .anyMatch(e -> e.getDomProperty("textContent").contains("Predict class labels")));
            browser.screenshot("kernel-help");
            fresh.sendKeys(Keys.ESCAPE);
            wait.until(d -> d.findElements(By.cssSelector(".academy-inspect")).isEmpty() && inEditor(d));
            // Tab: the kernel completes the name (the only match is put in at once); brackets close themselves as typed.
            fresh.sendKeys("X_te", Keys.TAB);
            wait.until(d -> cellWhoseCode(d, "model.predict(X_test") != null);
            fresh.sendKeys("[:3]).tolist())");
            fresh.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            wait.until(d -> d.getPageSource().contains("predicted ["));
            assertThat(activeCellIndex(driver)).as("Ctrl+Enter runs in place").isEqualTo(cellsBefore);
            WebElement last = driver.findElements(By.cssSelector(".academy-cells > .academy-cell")).getLast();
            assertThat(last.findElements(By.cssSelector(".cm-builtin, .cm-string"))).as("typed code is coloured as it is typed").isNotEmpty();
            browser.screenshot("shift-enter");

            // Escape leaves the editor: command mode. B adds a cell below, D D deletes it, Z brings it back, H shows the keys.
            fresh.sendKeys(Keys.ESCAPE);
            wait.until(d -> !inEditor(d) && activeCellIndex(d) == cellsBefore);
            driver.switchTo().activeElement().sendKeys("b");
            wait.until(d -> d.findElements(By.cssSelector(".academy-cells > .academy-cell")).size() == cellsBefore + 2
                    && activeCellIndex(d) == cellsBefore + 1);
            driver.switchTo().activeElement().sendKeys("dd");
            wait.until(d -> d.findElements(By.cssSelector(".academy-cells > .academy-cell")).size() == cellsBefore + 1
                    && d.getPageSource().contains("deleted."));
            driver.switchTo().activeElement().sendKeys("z");
            wait.until(d -> d.findElements(By.cssSelector(".academy-cells > .academy-cell")).size() == cellsBefore + 2);
            driver.switchTo().activeElement().sendKeys("h");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).size() == 1 && d.getPageSource().contains("Command mode"));
            browser.screenshot("keyboard-shortcuts");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations: editors and shortcuts").isEmpty();
            browser.click("vaadin-dialog[opened] vaadin-button", "Close");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());

            // Closing the tab and coming back: the typed cell and its output are there.
            String lab = driver.getCurrentUrl();
            driver.get(url("/my-learning"));
            driver.get(lab);
            wait.until(d -> cellWhoseCode(d, "print('predicted', model.predict(X_test[:3]).tolist())") != null);
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
            // The result stands next to Submit (not below the notebook), with the past submissions.
            WebElement submitted = driver.findElement(By.xpath("//vaadin-button[contains(., 'Submit for grading')]"));
            WebElement score = driver.findElement(By.cssSelector(".academy-lab-score"));
            assertThat(score.getRect().getY() - submitted.getRect().getY()).as("pixels from Submit to the score").isBetween(0, 300);
            assertThat(driver.findElement(By.cssSelector(".academy-lab-submissions")).getDomProperty("textContent"))
                    .contains("score 100 of 100");
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

            // The next lesson reads its formulas typeset and its table as a table.
            driver.get(url("/courses/ml-with-scikit-learn/lessons/honest-evaluation"));
            WebElement formula = wait.until(d -> d.findElements(By.cssSelector(".academy-prose .math-display mjx-container")).stream()
                    .findFirst().orElse(null));
            assertThat(driver.findElements(By.cssSelector(".academy-prose .math-inline mjx-container"))).hasSizeGreaterThanOrEqualTo(4);
            assertThat(driver.findElement(By.cssSelector(".academy-prose table")).getDomProperty("textContent"))
                    .contains("true positives").doesNotContain("|");
            browser.scroll(formula);
            browser.screenshot("lesson-formulas");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations on a lesson with formulas").isEmpty();

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

            // The kernel's whole protocol on the page, by keyboard: a bar redrawn with carriage returns ends as one line,
            // input() is answered where the output appears, a formula is typeset.
            wait.until(d -> !d.findElement(By.cssSelector(".academy-lab-status")).getText().contains("busy"));
            WebElement lastEditor = driver.findElements(By.cssSelector(".academy-cells > .academy-cell .CodeMirror")).getLast();
            browser.scroll(lastEditor);
            lastEditor.click();
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(d -> !inEditor(d));
            int cellCount = driver.findElements(By.cssSelector(".academy-cells > .academy-cell")).size();
            while (activeCellIndex(driver) < cellCount - 1) {
                // J moves down to the notebook's last cell.
                int at = activeCellIndex(driver);
                driver.switchTo().activeElement().sendKeys("j");
                wait.until(d -> activeCellIndex(d) == at + 1);
            }
            driver.switchTo().activeElement().sendKeys("b");
            wait.until(d -> d.findElements(By.cssSelector(".academy-cells > .academy-cell")).size() == cellCount + 1
                    && activeCellIndex(d) == cellCount);
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            wait.until(d -> inEditor(d));
            driver.switchTo().activeElement().sendKeys("import time; _ = [print(f'\\rstep {i}/10', end='', flush=True) or time.sleep(0.05)"
                    + " for i in range(1, 11)]; print(' done')", Keys.chord(Keys.SHIFT, Keys.ENTER));
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('.academy-stream')].some(s => s.textContent === 'step 10/10 done\\n');")));
            wait.until(d -> inEditor(d));
            driver.switchTo().activeElement().sendKeys("name = input('Your name? '); print('Hello', name)", Keys.chord(Keys.SHIFT, Keys.ENTER));
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return !!(document.activeElement && document.activeElement.closest('.academy-lab-input'));")));
            browser.screenshot("input");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations with an input awaited").isEmpty();
            driver.switchTo().activeElement().sendKeys("Ada", Keys.ENTER);
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('.academy-stream')].some(s => s.textContent === 'Your name? Ada\\nHello Ada\\n');")));
            assertThat(driver.findElements(By.cssSelector(".academy-lab-input"))).as("nothing is awaited any more").isEmpty();
            WebElement formulaEditor = driver.findElements(By.cssSelector(".academy-cells > .academy-cell .CodeMirror")).getLast();
            browser.scroll(formulaEditor);
            formulaEditor.click();
            driver.switchTo().activeElement().sendKeys("from IPython.display import Math; Math('\\\\frac{a}{b} + \\\\sqrt{x}')",
                    Keys.chord(Keys.CONTROL, Keys.ENTER));
            WebElement typeset = wait.until(d -> d.findElements(By.cssSelector(".academy-math-output mjx-container")).stream()
                    .findFirst().orElse(null));
            browser.scroll(typeset);
            browser.screenshot("kernel-protocol");
            driver.get(url("/gpu-hours"));
            wait.until(d -> d.findElements(By.cssSelector("h1")).stream().anyMatch(h -> h.getText().equals("My GPU hours")));
            browser.screenshot("gpu-hours");
            driver.navigate().back();
            wait.until(d -> d.findElement(By.cssSelector(".academy-lab-status")).getText().contains("Running"));
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations with outputs of every kind").isEmpty();
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
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations with charts").isEmpty();
            driver.get(url("/teaching/labs/publish"));
            wait.until(d -> d.getPageSource().contains("Publish the lab"));
            browser.screenshot("publish-form");
        }
    }

    /** The cell whose CodeMirror holds {@code code}, or null. */
    private static WebElement cellWhoseCode(WebDriver driver, String code) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('.academy-cells > .academy-cell')].find(cell => {
                    const host = cell.querySelector('.academy-code-editor');
                    return host && host.academyEditor && host.academyEditor.getValue().includes(arguments[0]);
                }) || null;""", code);
    }

    private static String promptOf(WebDriver driver, String cellId) {
        return driver.findElement(By.cssSelector(".academy-cell[data-cell='" + cellId + "'] .academy-cell-prompt")).getText();
    }

    private static int cellIndex(WebDriver driver, String cellId) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('.academy-cells > .academy-cell')]
                    .findIndex(cell => cell.getAttribute('data-cell') === arguments[0]);""", cellId)).intValue();
    }

    /** Which cell holds the focus (in its editor or itself), -1 if none. */
    private static int activeCellIndex(WebDriver driver) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
                const cell = document.activeElement && document.activeElement.closest('.academy-cells > .academy-cell');
                return cell ? [...document.querySelectorAll('.academy-cells > .academy-cell')].indexOf(cell) : -1;""")).intValue();
    }

    private static boolean inEditor(WebDriver driver) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !!(document.activeElement && document.activeElement.closest('.CodeMirror'));"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
