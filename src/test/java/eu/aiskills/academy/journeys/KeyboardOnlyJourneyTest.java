package eu.aiskills.academy.journeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student completes a course with the keyboard alone: signs in, enrols, opens the lesson from
 * the course page, marks it done and sees the course completed. The first Tab stop of a page, "Skip
 * to main content", moves the focus into the page (the router used to swallow it); from there Tab
 * reaches each control in turn, and every control reached shows a visible focus ring.
 */
@AcademyWebTest
class KeyboardOnlyJourneyTest {

    /** The element that has the focus, through shadow roots: its Vaadin host's tag, its text, and whether it shows a focus ring. */
    private static final String FOCUSED = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
            let host = a, n = a;
            while (n) {
                if (n.tagName === 'VAADIN-APP-LAYOUT' || n.tagName === 'MAIN') { break; }
                if (n.tagName && n.tagName.startsWith('VAADIN-') && !n.tagName.endsWith('-LAYOUT')) { host = n; break; }
                n = n.parentNode || n.host;
            }
            const text = ((host.innerText || '') + ' ' + (host.getAttribute && (host.getAttribute('label') || '') || '')
                + ' ' + (a.getAttribute && (a.getAttribute('name') || '') || '')).trim();
            const style = getComputedStyle(a);
            const ring = host.hasAttribute && (host.hasAttribute('focus-ring') || host.hasAttribute('focused'))
                || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
            return [host.tagName || '', text, ring];
            """;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path content;

    @Test
    void aStudentCompletesACourseWithTheKeyboardAlone() {
        new TestCourses(content, context).course("keyboard-course").lessons(1).create();
        String student = KaribuSupport.person(context, "keys-only@example.org", "Kim Keys", Role.STUDENT);
        try (Browser browser = Browser.start("keyboard-only", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waiting();

            driver.get(url("/login"));
            wait.until(d -> d.getPageSource().contains("vaadin-login-form"));
            tabTo(driver, f -> f.get(1).toString().endsWith("username"), "the e-mail field");
            keys(driver, student);
            tabTo(driver, f -> f.get(1).toString().endsWith("password"), "the password field");
            keys(driver, "Tram-Gravel-Orbit-7", Keys.ENTER);
            wait.until(d -> d.getPageSource().contains("Welcome back"));

            driver.get(url("/courses/keyboard-course"));
            wait.until(d -> d.getPageSource().contains("seats free"));
            skipToContent(driver);
            tabTo(driver, f -> f.get(0).equals("VAADIN-BUTTON") && f.get(1).toString().startsWith("Enrol"), "Enrol");
            browser.screenshot("enrol-focused");
            keys(driver, Keys.ENTER);
            wait.until(d -> d.getPageSource().contains(">Enrolled<"));

            skipToContent(driver);
            tabTo(driver, f -> f.get(1).toString().startsWith("Lesson 1"), "the lesson");
            keys(driver, Keys.ENTER);
            wait.until(d -> d.getCurrentUrl().contains("/lessons/"));
            wait.until(d -> d.getPageSource().contains("academy-lesson-progress"));
            skipToContent(driver);
            tabTo(driver, f -> f.get(0).equals("VAADIN-CHECKBOX"), "the lesson's done box");
            browser.screenshot("done-focused");
            keys(driver, Keys.SPACE);
            wait.until(d -> d.getPageSource().contains("Course completed"));
            browser.screenshot("completed");
        }
    }

    /** The first Tab stop of every page skips the navigation: Enter on it puts the focus on the page's content. */
    private static void skipToContent(WebDriver driver) {
        tabTo(driver, f -> f.get(0).equals("A") && f.get(1).toString().startsWith("Skip to main content"), "the skip link");
        keys(driver, Keys.ENTER);
    }

    /** Presses Tab until the focused control matches, checking that every control reached shows its focus. */
    @SuppressWarnings("unchecked")
    private static void tabTo(WebDriver driver, Predicate<List<Object>> target, String what) {
        List<String> seen = new java.util.ArrayList<>();
        for (int presses = 0; presses <= 120; presses++) {
            List<Object> focused = (List<Object>) ((JavascriptExecutor) driver).executeScript(FOCUSED);
            String text = focused.get(1).toString().replaceAll("\\s+", " ");
            seen.add(focused.get(0) + " " + text.substring(0, Math.min(40, text.length())));
            if (presses > 0 && !"BODY".equals(focused.get(0)) && !"".equals(focused.get(0))) {
                assertThat((Boolean) focused.get(2)).as("visible focus on " + focused.get(0) + " " + focused.get(1)).isTrue();
            }
            if (target.test(focused)) {
                return;
            }
            keys(driver, Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what + "; it reached " + seen.subList(0, Math.min(30, seen.size())));
    }

    private static void keys(WebDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).pause(Duration.ofMillis(150)).perform();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
