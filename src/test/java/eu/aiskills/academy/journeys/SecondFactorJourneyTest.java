package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * An AI Factory operator, whose role requires a second factor (as in {@code prod}), in Chromium:
 * every page leads to the account page until it is set up; the set-up shows a QR code and the
 * key, a first code (computed here as an authenticator app would) turns it on and shows the
 * recovery codes once; the next sign-in asks for a code after the password, and a recovery code
 * works too. Screenshots in target/screenshots/second-factor.
 */
@AcademyWebTest
@TestPropertySource(properties = "academy.security.second-factor-required-for=ADMIN,FACTORY_OPERATOR")
class SecondFactorJourneyTest {

    @LocalServerPort
    int port;

    private Browser browser;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start("second-factor", 1366, 900);
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anOperatorSetsUpTheSecondFactorAndSignsInWithACodeThenARecoveryCode() throws Exception {
        driver.get(url("/login"));
        signInAsOperator();
        browser.waiting().until(ExpectedConditions.urlContains("/account"));
        browser.waitForText("Your role requires two-step sign-in");
        driver.get(url("/factories"));
        browser.waiting().until(ExpectedConditions.urlContains("/account"));

        browser.click("vaadin-button", "Set up two-step sign-in");
        WebElement key = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("second-factor-secret")));
        String secret = key.getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        browser.screenshot("set-up");
        assertThat(browser.accessibilityViolations()).isEmpty();
        driver.findElement(By.cssSelector("#second-factor-first-code input")).sendKeys(code(secret));
        driver.findElement(By.id("second-factor-confirm")).click();
        WebElement list = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("second-factor-recovery-codes")));
        List<String> recovery = list.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertThat(recovery).hasSize(10);
        browser.screenshot("recovery-codes");
        driver.findElement(By.id("second-factor-recovery-saved")).click();
        browser.waitForText("Two-step sign-in is on.");
        driver.get(url("/factories"));
        browser.waiting().until(ExpectedConditions.urlContains("/factories"));

        browser.signOut();
        signInAsOperator();
        browser.waiting().until(ExpectedConditions.urlContains("/sign-in-code"));
        assertThat(driver.getPageSource()).doesNotContain("Gpu-Custodian");
        driver.get(url("/account"));
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        driver.get(url("/sign-in-code"));
        browser.type("#second-factor-code input", "000000");
        driver.findElement(By.id("second-factor-verify")).click();
        browser.waitForText("That code is not right");
        browser.screenshot("code-wrong");
        // The code of the next step: the set-up's own code was already used for this step.
        browser.type("#second-factor-code input", code(secret, 1));
        driver.findElement(By.id("second-factor-verify")).click();
        browser.waitForText("Olli Operator");

        browser.signOut();
        signInAsOperator();
        browser.waiting().until(ExpectedConditions.urlContains("/sign-in-code"));
        browser.type("#second-factor-code input", recovery.get(0));
        driver.findElement(By.id("second-factor-verify")).click();
        browser.waitForText("Olli Operator");
        driver.get(url("/account"));
        browser.waitForText("9 recovery codes are left.");
        browser.scroll(driver.findElement(By.id("second-factor")));
        browser.screenshot("on");
    }

    private void signInAsOperator() {
        driver.get(url("/login"));
        browser.submitSignIn("operator@academy.test", "Gpu-Custodian-42");
    }

    private static String code(String secret) throws Exception {
        return code(secret, 0);
    }

    private static String code(String secret, long offset) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, Instant.now().getEpochSecond() / 30 + offset);
    }





    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
