package eu.aiskills.academy.talent.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.talent.PostingStatus;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The employer writes a posting in the form (a refusal shows beside its field), then publishes it. */
@AcademyTest
class MyPostingsViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Postings postings;
    @Autowired
    Catalogue catalogue;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEmployerWritesAndPublishesAPosting() {
        KaribuSupport.signIn(context, "employer@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyPostingsView.class);
        _click(_get(Button.class, spec -> spec.withText("New posting")));
        Dialog dialog = _get(Dialog.class);
        String title = "Computer-vision engineer " + System.nanoTime();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), title);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("Description (Markdown)")), "Build **vision** models.");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Places")), "Tampere");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Country of work (two letters, e.g. FI)")), "ZZ");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Working languages")), "en");
        Skill skill = catalogue.skills().getFirst();
        _setValue(_get(dialog, MultiSelectComboBox.class, spec -> spec.withLabel("Skills it needs (ESCO)")), Set.of(skill));
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        TextField country = _get(dialog, TextField.class, spec -> spec.withLabel("Country of work (two letters, e.g. FI)"));
        assertThat(country.isInvalid()).isTrue();
        assertThat(country.getErrorMessage()).isEqualTo("Choose the country of work.");

        _setValue(country, "fi");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Dialog.class)).isEmpty();
        var created = postings.mine().stream().filter(p -> p.draft().title().equals(title)).findFirst().orElseThrow();
        assertThat(created.draft().workCountry()).isEqualTo("FI");

        com.vaadin.flow.component.grid.Grid<?> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        int row = grid.getListDataView().getItems().toList().indexOf(created);
        _click(_get(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, grid.getColumns().getLast().getKey() == null
                ? "actions" : grid.getColumns().getLast().getKey()), Button.class, spec -> spec.withText("Publish")));
        assertThat(postings.mine().stream().filter(p -> p.id().equals(created.id())).findFirst().orElseThrow().status())
                .isEqualTo(PostingStatus.PUBLISHED);
    }
}
