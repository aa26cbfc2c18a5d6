package eu.aiskills.academy.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Administrators find accounts page by page. */
@AcademyTest
class AccountsAdminViewTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        KaribuSupport.signIn(context, "admin@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void filtersAccountsLazily() {
        UI.getCurrent().navigate(AccountsAdminView.class);
        AccountsAdminView view = _get(AccountsAdminView.class);
        view.filter.setValue("@academy.test");
        assertThat(GridKt._size(view.grid)).isEqualTo(7);
        view.filter.setValue("operator@");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("Olli Operator", "operator@academy.test", "AI Factory operator");
    }
}
