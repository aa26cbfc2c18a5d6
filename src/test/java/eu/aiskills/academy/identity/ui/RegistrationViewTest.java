package eu.aiskills.academy.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.UI;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Registration in the browser-less UI: every bad input is named beside its field. */
@AcademyTest
class RegistrationViewTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    private RegistrationView open() {
        UI.getCurrent().navigate(RegistrationView.class);
        return _get(RegistrationView.class);
    }

    @Test
    void emptyFormNamesEveryMissingField() {
        RegistrationView view = open();
        view.roles.clear();
        view.submit.click();
        assertThat(view.displayName.isInvalid()).isTrue();
        assertThat(view.displayName.getErrorMessage()).isEqualTo("Enter the name you want to be shown under.");
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter your email address.");
        assertThat(view.password.getErrorMessage()).isEqualTo("Enter a password.");
        assertThat(view.confirmation.getErrorMessage()).isEqualTo("The two passwords are not the same.");
        assertThat(view.roles.getErrorMessage()).isEqualTo("Choose at least one role.");
        assertThat(_get(RegistrationView.class)).isSameAs(view);
    }

    @Test
    void weakPasswordIsExplained() {
        RegistrationView view = open();
        fill(view, "Nora Newcomer", "nora@example.org", "password1234");
        view.submit.click();
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("first an attacker would try");
        fill(view, "Nora Newcomer", "nora@example.org", "short");
        view.submit.click();
        assertThat(view.password.getErrorMessage()).contains("at least 12 characters");
    }

    @Test
    void invalidEmailIsExplained() {
        RegistrationView view = open();
        fill(view, "Nora Newcomer", "nora(at)example", "Tram-Gravel-Orbit-7");
        view.submit.click();
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter an email address like name@example.org.");
    }

    @Test
    void duplicateEmailIsRefusedOnTheEmailField() {
        RegistrationView view = open();
        fill(view, "Stella Again", "student@academy.test", "Tram-Gravel-Orbit-7");
        view.submit.click();
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).startsWith("An account with this email address already exists.");
    }

    @Test
    void successSignsThePersonInAtOnceUnverified() {
        RegistrationView view = open();
        fill(view, "Nora Newcomer", "nora.newcomer@example.org", "Tram-Gravel-Orbit-7");
        view.roles.setValue(Set.of(Role.STUDENT, Role.FELLOW));
        view.submit.click();

        var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        assertThat(signedIn).isNotNull();
        assertThat(signedIn.getName()).isEqualTo("nora.newcomer@example.org");
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_STUDENT", "ROLE_FELLOW");
        var me = context.getBean(eu.aiskills.academy.identity.AccountManagement.class).current().orElseThrow();
        assertThat(me.displayName()).isEqualTo("Nora Newcomer");
        assertThat(me.emailVerified()).as("until the mailed link is opened").isFalse();
    }

    @Test
    void germanVisitorsSeeGermanMessages() {
        KaribuSupport.tearDown();
        KaribuSupport.setUp(context, Locale.GERMAN);
        RegistrationView view = open();
        view.submit.click();
        assertThat(view.email.getErrorMessage()).isEqualTo("Geben Sie Ihre E-Mail-Adresse ein.");
    }

    private static void fill(RegistrationView view, String name, String email, String password) {
        view.displayName.setValue(name);
        view.email.setValue(email);
        view.password.setValue(password);
        view.confirmation.setValue(password);
    }
}
