package eu.aiskills.academy.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The sign-in page: translated form, failure and success notices, demo accounts in the demo only. */
@AcademyTest
class LoginViewTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void offersTheFormInTheVisitorsLanguage() {
        KaribuSupport.setUp(context, Locale.FRENCH);
        UI.getCurrent().navigate(LoginView.class);
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isForgotPasswordButtonVisible()).isTrue();
        assertThat(form.isError()).isFalse();
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Connexion · AI Skills Academy");
    }

    @Test
    void aFailedSignInShowsTheError() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void listsTheDemoAccountsInTheDemo() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(LoginView.class);
        assertThat(_get(LoginView.class).getElement().getTextRecursively())
                .contains("Demo accounts", "admin@academy.test / Platform-Keeper-42", "AI Factory operator: operator@academy.test");
    }

    @Test
    void signedInPeopleGoStraightHome() {
        KaribuSupport.signIn(context, "student@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(LoginView.class);
        KaribuSupport.currentView("HomeView");
    }
}
