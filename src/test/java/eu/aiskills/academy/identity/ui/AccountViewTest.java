package eu.aiskills.academy.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A signed-in person manages their own profile and password. */
@AcademyTest
class AccountViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountManagement accounts;

    @BeforeEach
    void setUp() {
        KaribuSupport.signIn(context, "reviewer@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(AccountView.class);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void showsRolesAndSavesTheProfile() {
        AccountView view = _get(AccountView.class);
        assertThat(view.displayName.getValue()).isEqualTo("Rui Reviewer");
        assertThat(view.getElement().getTextRecursively()).contains("Reviewer", "You do not act for any organisation yet.");
        assertThat(view.language.getItemLabelGenerator().apply(Locale.FRENCH)).isEqualTo("Français");
        view.displayName.setValue("Rui R. Reviewer");
        view.language.setValue(Locale.GERMAN);
        view.saveProfile();
        assertThat(accounts.current().orElseThrow().displayName()).isEqualTo("Rui R. Reviewer");
        assertThat(accounts.current().orElseThrow().preferredLocale()).isEqualTo(Locale.GERMAN);

        view.displayName.setValue("<script>");
        view.saveProfile();
        assertThat(view.displayName.isInvalid()).isTrue();
        assertThat(view.displayName.getErrorMessage()).contains("angle brackets");
    }

    @Test
    void passwordChangeExplainsEachProblem() {
        AccountView view = _get(AccountView.class);
        view.currentPassword.setValue("not-it");
        view.newPassword.setValue("Lemon-Harbour-Kite-3");
        view.confirmation.setValue("Lemon-Harbour-Kite-3");
        view.changePassword();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("The current password is not right.");

        view.currentPassword.setValue("Fair-Assessor-42");
        view.confirmation.setValue("something else");
        view.changePassword();
        assertThat(view.confirmation.getErrorMessage()).isEqualTo("The two passwords are not the same.");

        view.confirmation.setValue("Lemon-Harbour-Kite-3");
        view.changePassword();
        assertThat(view.currentPassword.getValue()).isEmpty();
        assertThat(view.currentPassword.isInvalid()).isFalse();
    }
}
