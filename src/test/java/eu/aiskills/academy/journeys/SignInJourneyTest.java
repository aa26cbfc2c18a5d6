package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.NewAccount;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The sign-in page in Chromium: the typed address stays after a refusal; a lock says for how
 * long, alike for an address with or without an account; a disabled account is said only to
 * someone with its password; "Sign in to apply" returns to the posting. Screenshots in
 * target/screenshots/sign-in.
 */
@AcademyWebTest
class SignInJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ApplicationContext context;
    @Autowired
    eu.aiskills.academy.talent.Postings postings;
    @Autowired
    eu.aiskills.academy.identity.OrganisationManagement organisations;

    private Browser browser;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start("sign-in", 1366, 900);
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRefusalKeepsTheAddressAndALockSaysForHowLongForAnyAddress() {
        String known = person();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        signIn(known, "not-the-password-1");
        WebElement form = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
        assertThat(form.getDomProperty("i18n")).contains("The e-mail address or password is not right");
        browser.waiting().until(d -> known.equals(usernameField().getDomProperty("value")));
        browser.screenshot("refused-address-kept");
        assertThat(browser.accessibilityViolations()).isEmpty();

        for (String address : new String[] {known, unknown}) {
            for (int attempt = 0; attempt < 6; attempt++) {
                signIn(address, "not-the-password-" + attempt);
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
            }
            WebElement locked = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
            assertThat(locked.getDomProperty("i18n")).as(address).contains("it is locked for 15 minutes");
            assertThat(driver.getCurrentUrl()).doesNotContain(address).doesNotContain("nobody");
        }
        browser.screenshot("locked");
    }

    @Test
    void aDisabledAccountIsSaidOnlyToSomeoneWithItsPassword() throws Exception {
        String email = person();
        UUID id = SystemActor.call(() -> accounts.findByEmail(email)).orElseThrow().id().value();
        KaribuSupport.as(context, "admin@academy.test", () -> {
            accounts.setEnabled(new eu.aiskills.academy.identity.AccountId(id), false);
            return null;
        });

        signIn(email, "not-the-password-1");
        WebElement wrong = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
        assertThat(wrong.getDomProperty("i18n")).contains("is not right").doesNotContain("disabled");

        signIn(email, "Tram-Gravel-Orbit-7");
        browser.waiting().until(ExpectedConditions.urlContains("error=disabled"));
        WebElement disabled = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
        assertThat(disabled.getDomProperty("i18n")).contains("This account is disabled");
        browser.screenshot("disabled");
    }

    @Test
    void signInToApplyReturnsToThePosting() throws Exception {
        UUID open = KaribuSupport.as(context, "employer@academy.test", () -> {
            var company = organisations.myMemberships().stream()
                    .filter(m -> m.organisationKind() == eu.aiskills.academy.identity.OrganisationKind.EMPLOYER).findFirst().orElseThrow()
                    .organisationId();
            return postings.publish(postings.create(new eu.aiskills.academy.talent.PostingDraft(company,
                    eu.aiskills.academy.talent.PostingKind.JOB, "Sign-in engineer", "Keep people where they were.", null,
                    eu.aiskills.academy.talent.Seniority.MID, java.util.List.of("Lyon"), eu.aiskills.academy.talent.RemotePolicy.HYBRID,
                    "FR", false, new java.math.BigDecimal("50000"), null, "EUR", "YEAR", java.util.List.of("fr"),
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(20), 1,
                    java.util.List.of("http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43"), java.util.List.of(), null,
                    java.util.List.of(), java.util.List.of())).id()).id();
        });
        String path = "/postings/" + open;
        driver.get(url(path));
        WebElement signInToApply = browser.waiting().until(d -> d.findElements(By.cssSelector("#apply a")).stream()
                .filter(a -> a.getText().contains("Sign in to apply")).findFirst().orElse(null));
        browser.scroll(signInToApply);
        signInToApply.click();
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        browser.submitSignIn("student@academy.test", "Curious-Learner-42");

        browser.waiting().until(d -> d.getCurrentUrl().endsWith(path));
        browser.waiting().until(d -> d.findElements(By.cssSelector("#apply")).size() == 1);
        assertThat(driver.getPageSource()).doesNotContain("Sign in to apply");
        browser.screenshot("back-at-the-posting");
    }

    private String person() {
        String email = "signing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SystemActor.call(() -> registration.createAccount(NewAccount.of(email, "Sam Signing", "Tram-Gravel-Orbit-7",
                Set.of(Role.STUDENT), Locale.ENGLISH)));
        return email;
    }

    private void signIn(String email, String password) {
        driver.get(url("/login"));
        browser.submitSignIn(email, password);
    }

    private WebElement usernameField() {
        return driver.findElement(By.cssSelector("vaadin-login-form input[name='username']"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
