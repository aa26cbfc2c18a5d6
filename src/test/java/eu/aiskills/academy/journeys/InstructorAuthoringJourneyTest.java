package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import eu.aiskills.academy.documents.TestFiles;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An instructor writes a course in the browser (form, lesson, notebook upload, a quiz lesson whose
 * quiz is written in the quiz editor), submits it; the administrator publishes it from the review
 * queue; a visitor reads the lesson's notebook. The
 * instructor then changes the published course (and its quiz) through a revision; the administrator
 * sees its changes side by side and publishes it, and only then do visitors see them.
 */
@AcademyWebTest
class InstructorAuthoringJourneyTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    eu.aiskills.academy.catalogue.Catalogue catalogue;

    @TempDir
    Path files;

    @Test
    void writeSubmitPublishAndRead() throws Exception {
        Path notebook = Files.write(files.resolve("attention.ipynb"),
                TestFiles.notebook("## Attention weights", "weights = softmax(scores)", "[0.1, 0.7, 0.2]"));
        try (Browser browser = Browser.start("instructor-authoring", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(url(""), "instructor@academy.test", "Patient-Teacher-42");

            driver.get(url("/teaching/courses/new"));
            type(wait, "vaadin-text-field", "Title", "Attention, explained");
            type(wait, "vaadin-text-area", "Summary", "How transformers weigh the words of a prompt.");
            type(wait, "vaadin-text-area", "Learning outcomes", "Compute attention weights by hand");
            // The prerequisite picker reads published courses a page at a time; typing narrows them down.
            WebElement prerequisites = browser.field("vaadin-multi-select-combo-box", "Courses to complete first");
            prerequisites.click();
            prerequisites.sendKeys("generative");
            WebElement offered = wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                    .filter(e -> e.isDisplayed() && e.getText().equals("Foundations of Generative AI")).findFirst().orElse(null));
            assertThat(driver.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText)).containsExactly("Foundations of Generative AI");
            browser.screenshot("prerequisite-picker");
            offered.click();
            prerequisites.sendKeys(Keys.ESCAPE);
            wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-overlay")).stream()
                    .noneMatch(overlay -> overlay.isDisplayed() || overlay.getDomAttribute("closing") != null));
            browser.screenshot("new-course");
            browser.click("vaadin-button", "Create course");
            wait.until(d -> d.getPageSource().contains("Add a lesson"));
            // The created course names it; the form shows it again as a chip.
            wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-chip")).stream()
                    .anyMatch(chip -> "Foundations of Generative AI".equals(chip.getDomProperty("label"))));

            browser.click("vaadin-button", "Add a lesson");
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog[opened]")));
            type(wait, "vaadin-dialog[opened] vaadin-text-field", "Title", "Scores and softmax");
            type(wait, "vaadin-dialog[opened] vaadin-text-area", "Lesson text", "# Scores\n\nEach word scores every other word.");
            browser.screenshot("lesson-dialog");
            clickIn(driver, wait, dialog, "Save");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());
            wait.until(d -> d.getPageSource().contains("Scores and softmax"));

            WebElement attach = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Materials of Scores and softmax']")));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", attach);
            attach.click();
            WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-dialog[opened] vaadin-upload")));
            fileInput(upload).sendKeys(notebook.toString());
            wait.until(d -> d.findElement(By.cssSelector("vaadin-dialog[opened]")).getText().contains("attention.ipynb · Jupyter notebook"));
            browser.screenshot("materials");
            clickIn(driver, wait, driver.findElement(By.cssSelector("vaadin-dialog[opened]")), "Close");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("after-materials");

            // A second lesson completed by its quiz, which the instructor writes in the quiz editor.
            browser.click("vaadin-button", "Add a lesson");
            dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog[opened]")));
            type(wait, "vaadin-dialog[opened] vaadin-text-field", "Title", "Check yourself");
            type(wait, "vaadin-dialog[opened] vaadin-text-area", "Lesson text", "# Check yourself\n\nOne question on softmax.");
            WebElement rule = wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened] vaadin-select")).stream()
                    .filter(e -> "Completed by".equals(e.getDomProperty("label"))).findFirst().orElse(null));
            browser.scroll(rule);
            // The select opens from the keyboard as a person tabbing through the dialog would open it.
            rule.findElement(By.cssSelector("vaadin-select-value-button")).sendKeys(Keys.ARROW_DOWN);
            browser.click("vaadin-select-item", "Passing its quiz");
            clickIn(driver, wait, dialog, "Save");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());
            browser.click("vaadin-button", "Submit for review");
            wait.until(d -> d.getPageSource().contains("is completed by its quiz, but it has none yet"));
            WebElement writeQuiz = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Write the quiz of “Check yourself”']")));
            browser.scroll(writeQuiz);
            writeQuiz.click();
            wait.until(d -> d.getPageSource().contains("No questions yet."));
            browser.click("vaadin-button", "Add a question");
            dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog[opened]")));
            type(wait, "vaadin-dialog[opened] vaadin-text-area", "Question", "What do softmax weights add up to?");
            java.util.List<WebElement> options = driver.findElements(By.cssSelector("vaadin-dialog[opened] vaadin-text-field")).stream()
                    .filter(e -> "Option".equals(e.getDomProperty("label"))).toList();
            options.get(0).findElement(By.cssSelector("input")).sendKeys("One", Keys.TAB);
            options.get(1).findElement(By.cssSelector("input")).sendKeys("The number of words", Keys.TAB);
            browser.screenshot("quiz-question-dialog");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations in the question dialog").isEmpty();
            clickIn(driver, wait, dialog, "Save");
            wait.until(d -> d.getPageSource().contains("Quiz saved with one question."));
            browser.screenshot("quiz-editor");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations in the quiz editor").isEmpty();
            // Back at the top of the page, where the way back to the course is.
            ((JavascriptExecutor) driver).executeScript("document.querySelector('.academy-quiz-editor').scrollIntoView()");
            browser.screenshot("quiz-editor-top");
            browser.click("a", "Back to “Attention, explained”");
            wait.until(d -> d.getPageSource().contains("Check yourself"));

            browser.click("vaadin-button", "Submit for review");
            wait.until(d -> d.getPageSource().contains("In review"));
            browser.screenshot("submitted");

            driver.manage().deleteAllCookies();
            browser.signIn(url(""), "admin@academy.test", "Platform-Keeper-42");
            driver.get(url("/review/courses"));
            wait.until(d -> d.getPageSource().contains("Attention, explained"));
            browser.screenshot("review-queue");
            browser.click("vaadin-button", "Publish");
            wait.until(d -> d.getPageSource().contains("No course is waiting for review"));

            driver.manage().deleteAllCookies();
            driver.get(url("/courses/attention-explained/lessons/scores-and-softmax"));
            wait.until(d -> d.getPageSource().contains("read the notebook here"));
            driver.findElement(By.linkText("read the notebook here")).click();
            wait.until(d -> d.getPageSource().contains("weights = softmax(scores)"));
            assertThat(driver.findElement(By.cssSelector(".academy-output")).getText()).contains("[0.1, 0.7, 0.2]");
            browser.screenshot("notebook");

            // Published: the instructor changes it through a revision, which the administrator reviews side by side.
            String id = catalogue.publishedCourse("attention-explained").orElseThrow().summary().id().value().toString();
            browser.signIn(url(""), "instructor@academy.test", "Patient-Teacher-42");
            driver.get(url("/teaching/courses/" + id));
            wait.until(d -> d.getPageSource().contains("learners see this version"));
            browser.screenshot("published-editor");
            browser.click("vaadin-button", "Start revision 2");
            wait.until(d -> d.getPageSource().contains("Revision 2 of a published course."));
            assertThat(driver.getCurrentUrl()).doesNotEndWith(id);
            replace(browser, "vaadin-text-area", "Summary", "How transformers weigh every word of a prompt against every other.");
            WebElement outcomes = browser.field("vaadin-text-area", "Learning outcomes");
            outcomes.sendKeys(Keys.END, "\nExplain why attention scales with the square of the length");
            outcomes.sendKeys(Keys.TAB);
            browser.click("vaadin-button", "Save");
            wait.until(d -> d.getPageSource().contains("Saved"));
            browser.screenshot("revision-editor");
            // The quiz changes in the revision's own copy too.
            WebElement reviseQuiz = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Write the quiz of “Check yourself”']")));
            browser.scroll(reviseQuiz);
            reviseQuiz.click();
            wait.until(d -> d.getPageSource().contains("This is the revision’s copy of the quiz"));
            replace(browser, "vaadin-big-decimal-field", "Pass mark", "80");
            browser.click("vaadin-button", "Save settings");
            wait.until(d -> d.getPageSource().contains("Quiz saved with one question."));
            browser.screenshot("revision-quiz");
            ((JavascriptExecutor) driver).executeScript("document.querySelector('.academy-quiz-editor').scrollIntoView()");
            browser.click("a", "Back to “Attention, explained”");
            wait.until(d -> d.getPageSource().contains("Revision 2 of a published course."));
            browser.click("vaadin-button", "Submit for review");
            wait.until(d -> d.getPageSource().contains("In review"));
            assertThat(catalogue.publishedCourse("attention-explained").orElseThrow().summary().summary())
                    .as("learners keep the published version meanwhile").isEqualTo("How transformers weigh the words of a prompt.");

            driver.manage().deleteAllCookies();
            browser.signIn(url(""), "admin@academy.test", "Platform-Keeper-42");
            driver.get(url("/review/courses"));
            wait.until(d -> d.getPageSource().contains("Revision 2 of a published course"));
            browser.screenshot("review-queue-revision");
            browser.click("a", "Review the changes");
            wait.until(d -> d.getPageSource().contains("What revision 2 changes"));
            String changes = driver.findElement(By.cssSelector(".academy-revision-changes")).getText();
            assertThat(changes).contains("3 changes, 2 to what the course certifies or how it is completed.")
                    .contains("Pass mark: 70 %").contains("Pass mark: 80 %")
                    .contains("How transformers weigh the words of a prompt.")
                    .contains("How transformers weigh every word of a prompt against every other.")
                    .contains("Explain why attention scales with the square of the length");
            browser.screenshot("revision-changes");
            assertThat(browser.accessibilityViolations()).as("serious or critical WCAG 2.1 AA violations on the changes").isEmpty();
            driver.get(url("/review/courses"));
            browser.click("vaadin-button", "Publish");
            wait.until(d -> d.getPageSource().contains("No course is waiting for review"));
            driver.get(url("/courses/attention-explained"));
            wait.until(d -> d.getPageSource().contains("How transformers weigh every word of a prompt against every other."));
            assertThat(driver.getPageSource()).contains("Explain why attention scales with the square of the length");
        }
    }

    /** Replaces the text of the field with this label, as a person selecting it all and typing would. */
    private static void replace(Browser browser, String tag, String label, String text) {
        WebElement input = browser.field(tag, label);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        input.sendKeys(Keys.TAB);
    }

    /** Types into the field with this label: the input inside Vaadin's field element. */
    private static void type(WebDriverWait wait, String tag, String label, String text) {
        WebElement field = wait.until(d -> d.findElements(By.cssSelector(tag)).stream()
                .filter(e -> label.equals(e.getAttribute("label"))).findFirst().orElse(null));
        WebElement input = field.findElement(By.cssSelector(tag.endsWith("text-area") ? "textarea" : "input"));
        ((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    private static void clickIn(WebDriver driver, WebDriverWait wait, WebElement container, String text) {
        WebElement button = wait.until(d -> container.findElements(By.cssSelector("vaadin-button")).stream()
                .filter(e -> e.getText().equals(text)).findFirst().orElse(null));
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    private static WebElement fileInput(WebElement upload) {
        SearchContext shadow = upload.getShadowRoot();
        var inShadow = shadow.findElements(By.cssSelector("input[type='file']"));
        return inShadow.isEmpty() ? upload.findElement(By.cssSelector("input[type='file']")) : inShadow.get(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
