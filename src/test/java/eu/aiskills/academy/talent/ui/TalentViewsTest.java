package eu.aiskills.academy.talent.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.talent.ApplicationStatus;
import eu.aiskills.academy.talent.Applications;
import eu.aiskills.academy.talent.JobApplication;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Seniority;
import eu.aiskills.academy.talent.Visibility;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The marketplace's views: a candidate writes a profile with consent, sees a posting ranked with
 * its explanation, applies on the posting's page and follows the application; the employer
 * moves it in the pipeline (in bulk), reads it with its notes and sees the matching candidates.
 */
@AcademyTest
class TalentViewsTest {

    private static final String MACHINE_LEARNING = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";
    private static final String STATISTICS = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833";

    @Autowired
    Postings postings;
    @Autowired
    Applications applications;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    Registration registration;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void aCandidateAppliesFromThePostingAndTheEmployerMovesItToAnOffer() {
        KaribuSupport.signIn(context, "employer@academy.test");
        var company = organisations.myMemberships().stream().filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst()
                .orElseThrow().organisationId();
        Posting posting = postings.publish(postings.create(new PostingDraft(company, PostingKind.JOB, "Statistician for ML audits",
                "Audit models.", null, Seniority.MID, List.of("Espoo"), RemotePolicy.HYBRID, "FI", false, null, null, null, null,
                List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(14), 1, List.of(MACHINE_LEARNING, STATISTICS), List.of(), null,
                List.of(), List.of("When could you start?"))).id());
        People.create(registration, "views-candidate@example.org", "Vic Candidate", Role.STUDENT);

        KaribuSupport.signIn(context, "views-candidate@example.org");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(ProfileView.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Headline")), "Statistician learning ML");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Skill> declared = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Skills I declare"));
        _setValue(declared, Set.copyOf(catalogue.skills().stream().filter(s -> s.uri().equals(STATISTICS)).toList()));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Visibility> visibility = _get(RadioButtonGroup.class);
        _setValue(visibility, Visibility.OPEN_TO_OFFERS);
        _click(_get(Button.class, spec -> spec.withText("Save my profile")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Headline")).isInvalid()).isFalse();
        assertThat(_get(Checkbox.class).isInvalid()).as("no consent, no visibility").isTrue();
        _setValue(_get(Checkbox.class), true);
        _click(_get(Button.class, spec -> spec.withText("Save my profile")));
        assertThat(_get(ProfileView.class).getElement().getTextRecursively()).contains("Open to offers", "You consented on",
                "statistics", "Declared");

        UI.getCurrent().navigate(OpportunitiesView.class);
        String opportunities = _get(OpportunitiesView.class).getElement().getTextRecursively();
        assertThat(opportunities).contains("Statistician for ML audits", "1 of 2 required skills, 0 verified by credentials",
                "Missing: machine learning.", "Practical machine learning with scikit-learn");

        UI.getCurrent().navigate(PostingView.class, new RouteParameters(Map.of("id", posting.id().toString())));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Cover letter")), "I audit models for a living.");
        _click(_get(Button.class, spec -> spec.withText("Send my application")));
        assertThat(_get(TextArea.class, spec -> spec.withLabel("When could you start?")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withLabel("When could you start?")), "In January.");
        _click(_get(Button.class, spec -> spec.withText("Send my application")));
        assertThat(_get(ApplySection.class).getElement().getTextRecursively()).contains("You applied on", "Submitted");

        UI.getCurrent().navigate(MyApplicationsView.class);
        assertThat(_get(MyApplicationsView.class).getElement().getTextRecursively()).contains("Statistician for ML audits",
                "Aurora Applied AI", "Submitted");

        KaribuSupport.signIn(context, "employer@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(PipelineView.class, new RouteParameters(Map.of("id", posting.id().toString())));
        @SuppressWarnings("unchecked")
        Grid<JobApplication> grid = _get(Grid.class);
        JobApplication application = grid.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(application.candidateName()).isEqualTo("Vic Candidate");
        grid.select(application);
        @SuppressWarnings("unchecked")
        Select<ApplicationStatus> to = _find(Select.class, spec -> spec.withLabel("Move to")).getFirst();
        _setValue(to, ApplicationStatus.INTERVIEW);
        _click(_get(Button.class, spec -> spec.withText("Move the selected")));
        assertThat(applications.get(application.id()).status()).isEqualTo(ApplicationStatus.INTERVIEW);
        assertThat(_get(PipelineView.class).getElement().getTextRecursively()).contains("Interview 1", "1 application.");

        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "open"));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("Statistician learning ML", "When could you start?", "In January.",
                "No notes yet.");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("academy-markdown")))
                .anyMatch(d -> d.getElement().getProperty("innerHTML", "").contains("I audit models for a living."));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("New note")), "Good audit background.");
        _click(_get(Button.class, spec -> spec.withText("Add the note")));
        assertThat(dialog.getElement().getTextRecursively()).contains("Emma Employer", "Good audit background.");
        @SuppressWarnings("unchecked")
        Select<ApplicationStatus> single = _find(Select.class, spec -> spec.withLabel("Move to")).getLast();
        _setValue(single, ApplicationStatus.OFFER);
        _click(_get(Button.class, spec -> spec.withText("Move")));
        assertThat(applications.get(application.id()).status()).isEqualTo(ApplicationStatus.OFFER);

        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        assertThat(_find(ComboBox.class, spec -> spec.withLabel("Country"))).hasSize(1);
        assertThat(_get(PipelineView.class).getElement().getTextRecursively()).contains("Vic Candidate", "Statistician learning ML",
                "1 of 2 required skills");
    }
}
