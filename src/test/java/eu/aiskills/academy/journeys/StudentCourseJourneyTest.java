package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import eu.aiskills.academy.assessment.Attempt;
import eu.aiskills.academy.assessment.Paper;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.Quizzes;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestQuizzes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A student finds a course, enrols, works through its lessons (reading one, failing then passing
 * one quiz in the browser, passing another, handing in an assignment with a file); the instructor
 * grades it against the rubric, sees the learner's completion in the roster and the grade in the
 * gradebook; the student sees their grades and the credential whose evidence lists it all.
 * Crawlers get the course's structured data and calendars its dates without running scripts.
 */
@AcademyWebTest
class StudentCourseJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    Quizzes quizzes;
    @Autowired
    ApplicationContext context;

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

            java.util.List<String> violations = new java.util.ArrayList<>();
            for (String lesson : new String[] {"what-is-generative-ai", "how-language-models-work", "prompting-and-evaluation",
                    "responsible-generative-ai"}) {
                driver.get(url("/courses/generative-ai-foundations/lessons/" + lesson));
                wait.until(d -> d.findElements(By.cssSelector(".academy-lesson-progress")).size() == 1);
                assertThat(driver.findElements(By.cssSelector(".academy-lesson-progress vaadin-checkbox")))
                        .as("no lesson of this course is completed by a tick").isEmpty();
                if (lesson.equals("what-is-generative-ai")) {
                    // A reading lesson: opening it is the reading that completes it.
                    wait.until(d -> d.findElement(By.cssSelector(".academy-lesson-progress")).getText().contains("Lesson read"));
                    continue;
                }
                if (lesson.equals("prompting-and-evaluation")) {
                    handIn(browser, violations);
                    continue;
                }
                // A quiz lesson: the lesson says its quiz completes it.
                assertThat(driver.findElement(By.cssSelector(".academy-lesson-progress")).getText())
                        .contains("This lesson is completed by passing its quiz.");
                WebElement open = driver.findElement(By.cssSelector("a.academy-quiz-open"));
                browser.scroll(open);
                browser.screenshot("lesson-" + lesson);
                open.click();
                wait.until(d -> d.getPageSource().contains("Start the quiz"));
                browser.screenshot("quiz-" + lesson);
                violations.addAll(browser.accessibilityViolations());
                if (lesson.equals("how-language-models-work")) {
                    // First a careless attempt: two answers, submitted with the rest unanswered.
                    browser.click("vaadin-button", "Start the quiz");
                    answer(browser, false, 2);
                    browser.screenshot("quiz-answering");
                    violations.addAll(browser.accessibilityViolations());
                    submit(browser);
                    wait.until(d -> d.getPageSource().contains("not passed (pass mark 70 %)"));
                    assertThat(driver.getPageSource()).contains("Right answer:");
                    browser.screenshot("quiz-failed");
                    violations.addAll(browser.accessibilityViolations());
                    browser.click("vaadin-button", "Back to the quiz");
                    browser.click("vaadin-button", "Start a new attempt (2 left)");
                } else {
                    browser.click("vaadin-button", "Start the quiz");
                }
                answer(browser, true, Integer.MAX_VALUE);
                submit(browser);
                wait.until(d -> d.getPageSource().contains("Score 100 %: passed"));
                browser.screenshot("quiz-passed-" + lesson);
                driver.get(url("/courses/generative-ai-foundations/lessons/" + lesson));
                wait.until(d -> d.findElement(By.cssSelector(".academy-lesson-progress")).getText().contains("Quiz passed"));
            }
            driver.get(url("/learning"));
            wait.until(d -> d.getPageSource().contains("3 of 4 lessons done"));
            browser.screenshot("waiting-for-grade");

            // The instructor grades the hand-in against the rubric, sees the gradebook and the completion in the roster.
            driver.manage().deleteAllCookies();
            browser.signIn(url(""), "instructor@academy.test", "Patient-Teacher-42");
            driver.get(url("/assignments/evaluation-plan/grading"));
            wait.until(d -> d.getPageSource().contains("Grading: An evaluation plan for a prompt"));
            WebElement grade = wait.until(d -> d.findElements(By.cssSelector("vaadin-button")).stream()
                    .filter(b -> "Submission 1 of Stella Student".equals(b.getDomAttribute("aria-label"))).findFirst().orElse(null));
            browser.screenshot("grading-list");
            violations.addAll(browser.accessibilityViolations());
            browser.scroll(grade);
            grade.click();
            wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened] vaadin-radio-group")).size() == 4);
            for (String level : new String[] {"Fully specified", "Enough but tame", "Objective", "Reasoned"}) {
                WebElement radio = driver.findElements(By.cssSelector("vaadin-dialog[opened] vaadin-radio-button")).stream()
                        .filter(r -> r.getText().startsWith(level + " ·")).findFirst().orElseThrow();
                browser.scroll(radio);
                radio.click();
            }
            wait.until(d -> d.getPageSource().contains("Score so far: 14 of 16 points (87.5 %), 4 of 4 criteria chosen."));
            browser.field("vaadin-text-area", "Feedback").sendKeys("Clear checks. Next time add inputs that try to break the prompt.");
            browser.screenshot("grading-dialog");
            violations.addAll(browser.accessibilityViolations());
            browser.click("vaadin-dialog[opened] vaadin-button", "Save grade");
            wait.until(d -> d.getPageSource().contains("Graded Stella Student: 87.5 out of 100."));
            driver.get(url("/teaching"));
            wait.until(d -> d.getPageSource().contains("Foundations of Generative AI"));
            browser.screenshot("teaching");
            var roster = driver.findElement(By.partialLinkText("2027-open"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", roster);
            wait.until(ExpectedConditions.elementToBeClickable(roster)).click();
            wait.until(d -> d.getPageSource().contains("Stella Student"));
            assertThat(driver.findElement(By.cssSelector(".academy-chart-canvas")).getAttribute("aria-label")).contains("1 completed");
            browser.screenshot("roster");
            browser.click("a", "Gradebook");
            wait.until(d -> d.getPageSource().contains("Course grade"));
            wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")).getText().contains("Stella Student"));
            assertThat(driver.findElement(By.cssSelector("vaadin-grid")).getText()).contains("93.8");
            browser.screenshot("gradebook");
            violations.addAll(browser.accessibilityViolations());

            // The student's course is complete; the credential lists the quizzes and the assignment.
            driver.manage().deleteAllCookies();
            browser.signIn(url(""), "student@academy.test", "Curious-Learner-42");
            driver.get(url("/learning"));
            wait.until(d -> d.getPageSource().contains("Completed"));
            browser.screenshot("completed");
            browser.click("a", "Your grades");
            wait.until(d -> d.getPageSource().contains("Your course grade so far: 93.8 out of 100."));
            browser.screenshot("my-grades");
            violations.addAll(browser.accessibilityViolations());
            assertThat(violations).as("serious or critical WCAG 2.1 AA violations on the quiz, assignment and grade pages").isEmpty();

            driver.get(url("/learning"));
            wait.until(d -> d.getPageSource().contains("My credentials"));
            browser.screenshot("learning");
            var credentialLink = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".academy-credentials a")));
            driver.get(credentialLink.getAttribute("href"));
            wait.until(d -> d.getPageSource().contains("Valid: issued and signed"));
            assertThat(driver.getPageSource()).contains("Stella Student").contains("OpenBadgeCredential")
                    .contains("Assignment: An evaluation plan for a prompt").contains("rubric: Pass checks: Objective (6 of 6 points)");
            browser.screenshot("credential");
        }
    }

    /** The assignment lesson: its page says how it is completed; the learner writes an answer, attaches a file and hands in. */
    private void handIn(Browser browser, java.util.List<String> violations) throws Exception {
        WebDriver driver = browser.driver();
        assertThat(driver.findElement(By.cssSelector(".academy-lesson-progress")).getText())
                .contains("This lesson is completed by passing its assignment.");
        WebElement open = driver.findElement(By.cssSelector("a.academy-assignment-open"));
        browser.scroll(open);
        open.click();
        browser.waiting().until(d -> d.getPageSource().contains("How it is graded"));
        browser.field("vaadin-text-area", "Your answer").sendKeys("Task: summarise funding calls in three bullets. Ten inputs, "
                + "two adversarial. Checks: the deadline is quoted exactly.");
        java.nio.file.Path plan = java.nio.file.Files.createTempFile("evaluation-plan", ".md");
        java.nio.file.Files.writeString(plan, "# Evaluation plan\n\n| input | check |\n|---|---|\n| call 1 | deadline quoted |\n");
        WebElement upload = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-upload")));
        browser.scroll(upload);
        var inShadow = upload.getShadowRoot().findElements(By.cssSelector("input[type='file']"));
        (inShadow.isEmpty() ? upload.findElement(By.cssSelector("input[type='file']")) : inShadow.getFirst())
                .sendKeys(plan.toAbsolutePath().toString());
        browser.waiting().until(d -> d.findElements(By.cssSelector(".academy-assignment-files li")).size() == 1);
        browser.screenshot("assignment");
        violations.addAll(browser.accessibilityViolations());
        browser.click("vaadin-button", "Hand in");
        browser.click("[slot='confirm-button']", "Hand in");
        browser.waiting().until(d -> d.getPageSource().contains("Your work is handed in and waits for a grade."));
        assertThat(driver.getPageSource()).contains("Submission 1, handed in").contains(plan.getFileName().toString());
        browser.screenshot("assignment-handed-in");
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

    /**
     * Answers the first {@code count} questions of the attempt on the page, right or wrong, in the
     * browser as a learner would: radio buttons, check boxes, text fields, one list per prompt to
     * match, items moved up. What is right comes from the attempt's stored paper.
     */
    private void answer(Browser browser, boolean right, int count) {
        WebDriver driver = browser.driver();
        String quiz = driver.getCurrentUrl().replaceAll(".*/quizzes/", "");
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".academy-quiz-status")).isEmpty());
        Attempt attempt = KaribuSupport.as(context, "student@academy.test", () -> quizzes.attempt(quizzes.overview(quiz).open().orElseThrow()));
        java.util.List<Paper.Entry> paper = TestQuizzes.paper(context, attempt);
        browser.waiting().until(d -> d.findElements(By.cssSelector(".academy-question")).size() == paper.size());
        for (int i = 0; i < Math.min(count, paper.size()); i++) {
            Question question = paper.get(i).question();
            java.util.List<String> response = right ? TestQuizzes.right(question) : TestQuizzes.wrong(question);
            WebElement box = driver.findElements(By.cssSelector(".academy-question")).get(i);
            browser.scroll(box);
            switch (question) {
                case Question.SingleChoice q -> response.forEach(key -> optionText(q.options(), key).ifPresent(text -> clickLabelled(box,
                        "vaadin-radio-button", text)));
                case Question.MultipleChoice q -> response.forEach(key -> optionText(q.options(), key).ifPresent(text -> clickLabelled(box,
                        "vaadin-checkbox", text)));
                case Question.TrueFalse q -> clickLabelled(box, "vaadin-radio-button", response.getFirst().equals("true") ? "True" : "False");
                case Question.Numeric q -> box.findElement(By.cssSelector("vaadin-text-field input")).sendKeys(response.getFirst());
                case Question.ShortText q -> box.findElement(By.cssSelector("vaadin-text-field input")).sendKeys(response.getFirst());
                case Question.Matching q -> {
                    for (String pair : response) {
                        String[] keys = pair.split("=");
                        String prompt = q.pairs().stream().filter(p -> p.key().equals(keys[0])).findFirst().orElseThrow().prompt();
                        String match = q.pairs().stream().filter(p -> p.key().equals(keys[1])).findFirst().orElseThrow().match();
                        WebElement select = box.findElements(By.cssSelector("vaadin-select")).stream()
                                .filter(e -> prompt.equals(e.getDomProperty("label"))).findFirst().orElseThrow();
                        browser.scroll(select);
                        select.click();
                        browser.click("vaadin-select-item", match);
                        browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
                    }
                }
                case Question.Ordering q -> {
                    for (int target = 0; target < response.size(); target++) {
                        String key = response.get(target);
                        String wanted = q.items().stream().filter(item -> item.key().equals(key)).findFirst().orElseThrow().text();
                        int place = target;
                        while (shownOrder(box).indexOf(wanted) > place) {
                            int before = shownOrder(box).indexOf(wanted);
                            WebElement up = box.findElement(By.cssSelector("vaadin-button[aria-label='Move “" + wanted + "” up']"));
                            browser.scroll(up);
                            up.click();
                            browser.waiting().until(d -> shownOrder(box).indexOf(wanted) == before - 1);
                        }
                    }
                }
            }
        }
        browser.waiting().until(d -> d.findElement(By.cssSelector(".academy-quiz-status")).getText().contains("All answers saved"));
        if (right) {
            browser.waiting().until(d -> KaribuSupport.as(context, "student@academy.test", () -> quizzes.attempt(attempt.id())).answers().size()
                    == paper.size());
        }
    }

    private static java.util.List<String> shownOrder(WebElement box) {
        return box.findElements(By.cssSelector(".academy-ordering li > span")).stream().map(WebElement::getText).toList();
    }

    private static java.util.Optional<String> optionText(java.util.List<Question.Option> options, String key) {
        return options.stream().filter(o -> o.key().equals(key)).map(Question.Option::text).findFirst();
    }

    private static void clickLabelled(WebElement box, String component, String text) {
        box.findElements(By.cssSelector(component)).stream().filter(e -> e.getText().strip().equals(text)).findFirst().orElseThrow().click();
    }

    private static void submit(Browser browser) {
        browser.click("vaadin-button", "Submit my answers");
        browser.click("[slot='confirm-button']", "Submit my answers");
    }

    private static void scrollTo(WebDriver driver, String css) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(By.cssSelector(css)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
