package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.Smtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/((?:reset-password|verify-email)\\?token=[A-Za-z0-9_-]+)");

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
        type("#registration-name input", "Rosa Recovery");
        type("#registration-email input", email);
        type("#registration-password input", "Tram-Gravel-Orbit-7");
        type("#registration-confirmation input", "Tram-Gravel-Orbit-7");
        driver.findElement(By.id("registration-submit")).click();

        browser.waiting().until(ExpectedConditions.urlContains("/account"));
        waitForText("Please verify your e-mail address");
        waitForText("This browser");
        browser.screenshot("registered-unverified");
        assertThat(browser.accessibilityViolations()).isEmpty();

        driver.get(url("/" + link(email, "verify-email", 1)));
        waitForText("your e-mail address is verified");
        browser.screenshot("verified");
        driver.get(url("/account"));
        waitForText("Where you are signed in");
        assertThat(driver.getPageSource()).doesNotContain("Please verify your e-mail address");
        browser.scroll(driver.findElement(By.id("account-sessions")));
        browser.screenshot("sessions");

        // Another browser signed in to the same account: the reset signs it out.
        Browser other = Browser.start("account-recovery/other", 1024, 768);
        try {
            other.signIn(url(""), email, "Tram-Gravel-Orbit-7");
            signOut();

            driver.get(url("/login"));
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form vaadin-button[slot='forgot-password']")))
                    .click();
            browser.waiting().until(ExpectedConditions.urlContains("/forgot-password"));
            type("#forgot-email input", email);
            driver.findElement(By.id("forgot-send")).click();
            waitForText("a link is on its way to it");
            browser.screenshot("reset-asked");
            assertThat(browser.accessibilityViolations()).isEmpty();

            driver.get(url("/" + link(email, "reset-password", 2)));
            type("#reset-password input", "Lantern-Quiet-Meadow-9");
            type("#reset-confirmation input", "Lantern-Quiet-Meadow-9");
            browser.screenshot("new-password");
            driver.findElement(By.id("reset-save")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/login"));
            waitForText("Your new password is set");
            browser.screenshot("reset-done");

            other.driver().get(url("/account"));
            other.waiting().until(ExpectedConditions.urlContains("/login"));

            type("vaadin-login-form input[name='username']", email);
            type("vaadin-login-form input[name='password']", "Lantern-Quiet-Meadow-9");
            driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
            waitForText("Welcome back, Rosa Recovery");
        } finally {
            other.close();
        }

        driver.get(url("/reset-password?token=used-or-made-up"));
        waitForText("This link no longer works");
        browser.screenshot("link-no-longer-works");
    }

    private void signOut() {
        driver.findElement(By.cssSelector(".academy-user-menu vaadin-menu-bar-button")).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]")))
                .click();
        browser.waiting().until(d -> d.findElements(By.cssSelector(".academy-sign-in")).size() == 1);
    }

    /** The path of the link in the {@code count}-th mail to {@code email}. */
    private static String link(String email, String route, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> to(email).length >= count);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(to(email)[count - 1]).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).startsWith(route);
        return link.group(1);
    }

    private static MimeMessage[] to(String email) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    private void type(String css, String text) {
        WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        input.clear();
        input.sendKeys(text);
    }

    private void waitForText(String text) {
        browser.waiting().until(d -> d.getPageSource().contains(text));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
