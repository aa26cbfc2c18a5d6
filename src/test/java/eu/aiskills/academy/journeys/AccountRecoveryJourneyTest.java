package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;


import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.Smtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In Chromium, with a real SMTP server receiving the mails: a newcomer registers and is signed in
 * at once, verifies the address with the mailed link, forgets the password, resets it with the
 * mailed link, and signs in with the new one; a second browser signed in to the same account is
 * signed out by the reset. Screenshots in target/screenshots/account-recovery.
 */
@AcademyWebTest
class AccountRecoveryJourneyTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = Smtp.server();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Smtp.register(registry, MAIL);
    }

    @LocalServerPort
    int port;

    private Browser browser;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start("account-recovery", 1366, 900);
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void registerVerifyForgetResetAndSignInAgain() {
        String email = "rosa.recovery@example.org";
        driver.get(url("/register"));
        browser.type("#registration-name input", "Rosa Recovery");
        browser.type("#registration-email input", email);
        browser.type("#registration-password input", "Tram-Gravel-Orbit-7");
        browser.type("#registration-confirmation input", "Tram-Gravel-Orbit-7");
        driver.findElement(By.id("registration-submit")).click();

        browser.waiting().until(ExpectedConditions.urlContains("/account"));
        browser.waitForText("Please verify your e-mail address");
        browser.waitForText("This browser");
        browser.screenshot("registered-unverified");
        assertThat(browser.accessibilityViolations()).isEmpty();

        driver.get(url("/" + Smtp.link(MAIL, email, "verify-email", 1)));
        browser.waitForText("your e-mail address is verified");
        browser.screenshot("verified");
        driver.get(url("/account"));
        browser.waitForText("Where you are signed in");
        assertThat(driver.getPageSource()).doesNotContain("Please verify your e-mail address");
        browser.scroll(driver.findElement(By.id("account-sessions")));
        browser.screenshot("sessions");

        // Another browser signed in to the same account: the reset signs it out.
        Browser other = Browser.start("account-recovery/other", 1024, 768);
        try {
            other.signIn(url(""), email, "Tram-Gravel-Orbit-7");
            browser.signOut();

            driver.get(url("/login"));
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form vaadin-button[slot='forgot-password']")))
                    .click();
            browser.waiting().until(ExpectedConditions.urlContains("/forgot-password"));
            browser.type("#forgot-email input", email);
            driver.findElement(By.id("forgot-send")).click();
            browser.waitForText("a link is on its way to it");
            browser.screenshot("reset-asked");
            assertThat(browser.accessibilityViolations()).isEmpty();

            driver.get(url("/" + Smtp.link(MAIL, email, "reset-password", 2)));
            browser.type("#reset-password input", "Lantern-Quiet-Meadow-9");
            browser.type("#reset-confirmation input", "Lantern-Quiet-Meadow-9");
            browser.screenshot("new-password");
            driver.findElement(By.id("reset-save")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/login"));
            browser.waitForText("Your new password is set");
            browser.screenshot("reset-done");

            other.driver().get(url("/account"));
            other.waiting().until(ExpectedConditions.urlContains("/login"));

            browser.submitSignIn(email, "Lantern-Quiet-Meadow-9");
            browser.waitForText("Welcome back, Rosa Recovery");
        } finally {
            other.close();
        }

        driver.get(url("/reset-password?token=used-or-made-up"));
        browser.waitForText("This link no longer works");
        browser.screenshot("link-no-longer-works");
    }






    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
