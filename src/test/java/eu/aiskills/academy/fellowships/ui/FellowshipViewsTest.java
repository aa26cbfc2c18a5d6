package eu.aiskills.academy.fellowships.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.fellowships.ApplicantFacts;
import eu.aiskills.academy.fellowships.FellowshipApplication;
import eu.aiskills.academy.fellowships.FellowshipApplications;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.HostOffer;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo call as a visitor reads it, and a non-EU researcher who checks eligibility (told why
 * not, then why yes), prepares the application in the form and submits it for a receipt.
 */
@AcademyTest
class FellowshipViewsTest {

    @Autowired
    FellowshipApplications applications;
    @Autowired
    FellowshipCalls calls;
    @Autowired
    Documents documents;
    @Autowired
    Registration registration;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void aVisitorReadsTheCallAndAResearcherAppliesThroughTheForm() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(FellowshipsView.class);
        assertThat(_get(FellowshipsView.class).getElement().getTextRecursively()).contains("AI researchers to Europe (demo call)",
                "Postdoctoral", "6 funded places");
        UI.getCurrent().navigate(CallView.class, new RouteParameters(Map.of("slug", "ai-researchers-to-europe")));
        assertThat(_get(CallView.class).getElement().getTextRecursively()).contains("Nationals of countries outside the EU.",
                "Living outside the EU for at least 12 of the last 36 months", "Excellence (weight 50)", "Machine learning for Arctic climate data",
                "Nordic Institute for Machine Learning (demo)", "Supervised by Dr. Aino Virtanen · 2 places", "Europe/Brussels");
        KaribuSupport.tearDown();

        People.create(registration, "views-researcher@example.org", "Ravi Researcher", Role.FELLOW);
        KaribuSupport.signIn(context, "views-researcher@example.org");
        StoredDocument cv = documents.store(DocumentPurpose.CV, "ravi-cv.md", new ByteArrayInputStream("CV".getBytes(StandardCharsets.UTF_8)));
        documents.store(DocumentPurpose.APPLICATION_ATTACHMENT, "ravi-plan.md", new ByteArrayInputStream("Plan".getBytes(StandardCharsets.UTF_8)));
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(ApplyView.class, new RouteParameters(Map.of("slug", "ai-researchers-to-europe")));
        @SuppressWarnings("unchecked")
        ComboBox<String> nationality = _get(ComboBox.class, spec -> spec.withLabel("Nationality"));
        _setValue(nationality, "FR");
        @SuppressWarnings("unchecked")
        Select<ApplicantFacts.PhdStatus> phd = _get(Select.class, spec -> spec.withLabel("PhD"));
        _setValue(phd, ApplicantFacts.PhdStatus.OBTAINED);
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("PhD date")), LocalDate.now().minusYears(3));
        _click(_get(Button.class, spec -> spec.withText("Check eligibility")));
        String verdicts = _get(ApplyView.class).getElement().getTextRecursively();
        assertThat(verdicts).contains("You are not eligible yet", "Nationality France: this call is for nationals of countries outside the EU.",
                "Only 0 of the last 36 months outside the EU");

        _setValue(nationality, "IN");
        _click(_get(Button.class, spec -> spec.withText("Add a period")));
        @SuppressWarnings("unchecked")
        ComboBox<String> country = _find(ComboBox.class, spec -> spec.withLabel("Country")).getFirst();
        _setValue(country, "IN");
        _setValue(_find(DatePicker.class, spec -> spec.withLabel("From")).getFirst(), LocalDate.of(2016, 1, 1));
        @SuppressWarnings("unchecked")
        Select<HostOffer> first = _get(Select.class, spec -> spec.withLabel("Choice 1"));
        _setValue(first, first.getListDataView().getItems().filter(o -> o.topic().equals("Machine learning for Arctic climate data"))
                .findFirst().orElseThrow());
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Your research and teaching proposal (Markdown)")), "Sea ice **models**.");
        @SuppressWarnings("unchecked")
        Select<StoredDocument> cvField = _get(Select.class, spec -> spec.withLabel("CV"));
        _setValue(cvField, cvField.getListDataView().getItems().filter(d -> d.id().equals(cv.id())).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Select<StoredDocument> planField = _get(Select.class, spec -> spec.withLabel("Research plan"));
        _setValue(planField, planField.getListDataView().getItems().filter(d -> d.fileName().equals("ravi-plan.md")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Submit the application")));
        assertThat(_get(ApplyView.class).getElement().getTextRecursively()).contains("You are eligible for this call.",
                "Nationality India: outside the EU.", "in Finland, the host’s country");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        String receipt = _get(ApplyView.class).getElement().getTextRecursively();
        assertThat(receipt).contains("Submitted: your receipt", "Receipt number (SHA-256 of what you submitted)");
        FellowshipApplication submitted = applications.mine(calls.bySlug("ai-researchers-to-europe").id()).orElseThrow();
        assertThat(submitted.status()).isEqualTo(FellowshipApplication.Status.SUBMITTED);
        assertThat(receipt).contains(submitted.receipt());
        assertThat(submitted.facts().residences()).hasSize(1);
        assertThat(submitted.documents()).extracting(FellowshipApplication.Attached::fileName).containsExactlyInAnyOrder("ravi-cv.md",
                "ravi-plan.md");
        SecurityContextHolder.clearContext();
    }
}
