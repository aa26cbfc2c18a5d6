package eu.aiskills.academy.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import eu.aiskills.academy.catalogue.ui.CatalogueView;
import eu.aiskills.academy.identity.ui.AccountsAdminView;
import eu.aiskills.academy.identity.ui.LoginView;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The shell shows each kind of user what they may open, in their language. */
@AcademyTest
class ShellNavigationTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    private List<String> navigation() {
        return _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void visitorsSeeThePublicViews() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("");
        _get(HomeView.class);
        assertThat(navigation()).containsExactly("Home", "Search", "Courses", "Fellowships", "AI Factories");
        assertThat(_get(MainLayout.class).getElement().getTextRecursively()).contains("Sign in", "Register");
    }

    @Test
    void visitorsAreSentToSignInForProtectedViews() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(AccountsAdminView.class);
        _get(LoginView.class);
    }

    @Test
    void studentsDoNotSeeAdministration() {
        KaribuSupport.signIn(context, "student@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("");
        assertThat(navigation()).containsExactly("Home", "Search", "Courses", "My learning", "Fellowships", "AI Factories", "My GPU hours", "Opportunities",
                "My profile", "My applications", "My documents");
        assertThat(_get(HomeView.class).getElement().getTextRecursively()).contains("Welcome back, Stella Student");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate(AccountsAdminView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }

    @Test
    void administratorsSeeAdministration() {
        KaribuSupport.signIn(context, "admin@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("");
        assertThat(navigation()).containsExactly("Home", "Search", "Courses", "My learning", "Fellowships", "Teaching", "Lab usage", "Course review", "AI Factories", "My GPU hours", "Allocation requests", "Opportunities", "My profile", "My applications", "My documents", "Accounts",
                "Organisations", "Search indices", "Fellowship calls", "Cohorts", "Audit log");
        UI.getCurrent().navigate(AccountsAdminView.class);
        _get(AccountsAdminView.class);
    }

    @Test
    void navigationAndPagesSpeakTheVisitorsLanguage() {
        KaribuSupport.setUp(context, Locale.GERMAN);
        UI.getCurrent().navigate("");
        assertThat(navigation()).containsExactly("Start", "Suche", "Kurse", "Fellowships", "KI-Fabriken");
        KaribuSupport.tearDown();
        KaribuSupport.setUp(context, Locale.FRENCH);
        UI.getCurrent().navigate(CatalogueView.class);
        assertThat(navigation()).containsExactly("Accueil", "Recherche", "Cours", "Bourses de recherche", "Usines d’IA");
        assertThat(_get(CatalogueView.class).getElement().getTextRecursively()).containsPattern("\\d+ cours");
    }

    @Test
    void unknownCoursesSayWhatIsMissing() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate("courses/no-such-course");
        assertThat(_get(MissingThingView.class).getElement().getTextRecursively())
                .contains("There is no published course “no-such-course”.");
    }
}
