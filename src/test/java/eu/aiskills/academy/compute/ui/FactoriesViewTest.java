package eu.aiskills.academy.compute.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.card.Card;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Everybody can see the AI Factories, their partitions and which figures are assumptions. */
@AcademyTest
class FactoriesViewTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void listsEveryFactoryWithItsPartitions() {
        KaribuSupport.setUp(context, Locale.FRENCH);
        UI.getCurrent().navigate(FactoriesView.class);
        FactoriesView view = _get(FactoriesView.class);
        // At least the 13 of Annex I (other tests of the same context may register more).
        assertThat(_find(view, Card.class)).hasSizeGreaterThanOrEqualTo(13)
                .extracting(Card::getTitleAsText).contains("JUPITER AI Factory", "LUMI AI Factory");
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Jülich Supercomputing Centre", "Finlande", "Estonie",
                "Ces valeurs sont des hypothèses de démonstration.");
    }
}
