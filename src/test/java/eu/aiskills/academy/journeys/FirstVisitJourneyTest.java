package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A newcomer in a real (headless) Chromium: registers, signs in, sees a student's navigation,
 * signs out. Screenshots of each step are kept in target/screenshots/first-visit.
 */
@AcademyWebTest
class FirstVisitJourneyTest {

    @LocalServerPort
    int port;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser(org.junit.jupiter.api.TestInfo test) {
        browser = Browser.start("first-visit/" + test.getTestMethod().orElseThrow().getName(), 1366, 900);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // Vaadin replaces elements while it renders and reloads: read again instead of failing.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aScriptSomeoneElseWritesIntoThePageDoesNotRunWhileThePlatformsOwnDo() {
        driver.get(url("/courses"));
        waitForText("Foundations of Generative AI");
        // As stored markup or a crafted link would: an inline script and an inline handler, without the page's nonce.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s);"
                        + "const i = document.createElement('img'); i.setAttribute('src', 'data:,');"
                        + "i.setAttribute('onerror', 'window.handlerRan = true'); document.body.append(i);");
        List<String> refused = new java.util.ArrayList<>();
        wait.until(d -> refused.addAll(browser.takePolicyViolations()) && refused.size() >= 2);
        assertThat(refused).anyMatch(line -> line.contains("inline script")).anyMatch(line -> line.contains("inline event handler"));
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return [window.injected === true, window.handlerRan === true]"))
                .asList().containsExactly(false, false);
        // The platform's own scripts still run: the page navigates on the client.
        WebElement course = driver.findElement(By.linkText("Foundations of Generative AI"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", course);
        wait.until(ExpectedConditions.elementToBeClickable(course)).click();
        waitForText("What generative models are");
    }

    @Test
    void registerIsSignedInAtOnceSignsOutAndInSeesTheNavigationAndSignsOut() {
        driver.get(url("/register"));
        type("#registration-name input", "Julia Journey");
        type("#registration-email input", "julia.journey@example.org");
        type("#registration-password input", "Tram-Gravel-Orbit-7");
        type("#registration-confirmation input", "Tram-Gravel-Orbit-7");
        browser.screenshot("registration-filled");
        driver.findElement(By.id("registration-submit")).click();

        // Signed in at once, on the account page, which asks for the address to be verified.
        wait.until(ExpectedConditions.urlContains("/account"));
        waitForText("Please verify your e-mail address");
        browser.screenshot("signed-in-after-registration");
        driver.findElement(By.cssSelector(".academy-user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]"))).click();
        wait.until(d -> d.findElements(By.cssSelector(".academy-sign-in")).size() == 1);

        driver.get(url("/login"));
        type("vaadin-login-form input[name='username']", "julia.journey@example.org");
        type("vaadin-login-form input[name='password']", "Tram-Gravel-Orbit-7");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();

        waitForText("Welcome back, Julia Journey");
        assertThat(navigationLabels()).containsExactly("Home", "Search", "Courses", "My learning", "Fellowships", "AI Factories", "My GPU hours",
                "Opportunities", "My profile", "My applications", "My documents");
        browser.screenshot("signed-in-home");

        driver.findElement(By.cssSelector(".academy-user-menu vaadin-menu-bar-button")).click();
        WebElement signOut = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]")));
        browser.screenshot("user-menu");
        signOut.click();

        wait.until(d -> d.findElements(By.cssSelector(".academy-sign-in")).size() == 1);
        assertThat(driver.getPageSource()).doesNotContain("Julia Journey");
        browser.screenshot("signed-out");

        driver.get(url("/account"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void wrongPasswordIsRefusedWithAPlainMessage() {
        driver.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")));
        type("vaadin-login-form input[name='username']", "student@academy.test");
        type("vaadin-login-form input[name='password']", "guessing-wrong-1");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.urlContains("error"));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
        assertThat(form.getDomProperty("i18n")).contains("The e-mail address or password is not right");
        browser.screenshot("sign-in-refused");
    }

    @Test
    void languageAndColourSchemeAreRememberedAcrossReloads() {
        driver.get(url("/factories"));
        wait.until(d -> navigationLabels().contains("AI Factories"));
        driver.findElement(By.cssSelector("vaadin-select.academy-language")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[contains(., 'Deutsch')]"))).click();
        wait.until(d -> navigationLabels().contains("KI-Fabriken"));
        wait.until(d -> "de".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));

        driver.findElement(By.cssSelector(".academy-scheme-toggle")).click();
        wait.until(d -> "dark".equals(d.findElement(By.tagName("html")).getDomAttribute("theme")));
        browser.screenshot("german-dark");

        driver.navigate().refresh();
        wait.until(d -> navigationLabels().contains("KI-Fabriken"));
        wait.until(d -> "dark".equals(d.findElement(By.tagName("html")).getDomAttribute("theme")));
        assertThat(driver.getTitle()).isEqualTo("KI-Fabriken · AI Skills Academy");
    }

    @Test
    void thePhoneLayoutKeepsNavigationReachable() {
        Browser phone = Browser.start("first-visit/phone", 390, 844);
        try {
            WebDriver small = phone.driver();
            small.get(url("/courses"));
            new WebDriverWait(small, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("Foundations of Generative AI"));
            phone.screenshot("catalogue-phone");
            small.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
            new WebDriverWait(small, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//vaadin-side-nav-item[contains(., 'AI Factories')]")));
            phone.screenshot("drawer-open-phone");
        } finally {
            phone.close();
        }
    }

    private List<String> navigationLabels() {
        return driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    private void type(String css, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        input.clear();
        input.sendKeys(text);
    }

    private void waitForText(String text) {
        wait.until(d -> d.getPageSource().contains(text));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
