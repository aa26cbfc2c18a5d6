package eu.aiskills.academy.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Administrators register organisations; bad input is named beside its field. */
@AcademyTest
class OrganisationsAdminViewTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        KaribuSupport.signIn(context, "admin@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(OrganisationsAdminView.class);
    }

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void createsAnOrganisationAfterCorrections() {
        OrganisationsAdminView view = _get(OrganisationsAdminView.class);
        view.filter.setValue("IT Center");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withText("New organisation")));
        Dialog dialog = _get(Dialog.class);
        TextField name = _get(dialog, TextField.class, spec -> spec.withLabel("Name"));
        TextField country = _get(dialog, TextField.class, spec -> spec.withLabel("Country"));
        TextField website = _get(dialog, TextField.class, spec -> spec.withLabel("Website"));
        @SuppressWarnings("unchecked")
        Select<OrganisationKind> kind = _get(dialog, Select.class, spec -> spec.withLabel("Kind"));
        _setValue(name, "Karibu Robotics");
        _setValue(kind, OrganisationKind.EMPLOYER);
        _setValue(country, "Germany");
        _setValue(website, "javascript:alert(1)");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));
        assertThat(country.isInvalid()).isTrue();
        assertThat(country.getErrorMessage()).isEqualTo("Enter a two-letter country code such as DE or FR.");

        _setValue(country, "de");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));
        assertThat(website.getErrorMessage()).startsWith("Enter a web address starting with https://");

        _setValue(website, "https://robotics.example");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));
        assertThat(dialog.isOpened()).isFalse();
        view.filter.setValue("Karibu");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("Karibu Robotics", "Employer", "DE");
    }
}
