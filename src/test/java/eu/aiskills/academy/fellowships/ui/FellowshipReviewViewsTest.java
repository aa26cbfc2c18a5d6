package eu.aiskills.academy.fellowships.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.fellowships.ApplicantFacts.Residence;
import eu.aiskills.academy.fellowships.ApplicantFacts;
import eu.aiskills.academy.fellowships.ApplicationDraft;
import eu.aiskills.academy.fellowships.CallDraft;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipApplicationId;
import eu.aiskills.academy.fellowships.FellowshipApplications;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.FellowshipReviews;
import eu.aiskills.academy.fellowships.HostOffer;
import eu.aiskills.academy.fellowships.OfferDraft;
import eu.aiskills.academy.fellowships.Scheme;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The review in the views: two reviewers score on their sheets, the administrator ranks, releases and places, the fellow accepts. */
@AcademyTest
class FellowshipReviewViewsTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    FellowshipCalls calls;
    @Autowired
    FellowshipApplications applications;
    @Autowired
    FellowshipReviews reviews;
    @Autowired
    Documents documents;
    @Autowired
    Registration registration;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void reviewersScoreTheAdministratorPlacesAndTheFellowAccepts() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        AccountId first = person("rv1-" + tag, Role.REVIEWER);
        AccountId chair = person("rv2-" + tag, Role.REVIEWER);
        person("fellow-" + tag, Role.FELLOW);
        KaribuSupport.signIn(context, "fellow-" + tag + "@example.org");
        var cv = documents.store(DocumentPurpose.CV, "cv.md", new ByteArrayInputStream("CV".getBytes(StandardCharsets.UTF_8)));
        SecurityContextHolder.clearContext();
        var host = SystemActor.call(() -> organisations.create(new NewOrganisation("Views host " + tag, OrganisationKind.UNIVERSITY, "IT", null)));
        LocalDateTime deadline = LocalDateTime.now(BRUSSELS).plusSeconds(4);
        KaribuSupport.signIn(context, "admin@academy.test");
        FellowshipCall call = calls.publish(calls.create(new CallDraft("views-review-" + tag, "Views review", Scheme.DOCTORAL, "Test.",
                LocalDateTime.now(BRUSSELS).minusHours(1), deadline, BRUSSELS, new BigDecimal("100000"), "EUR", 1, 1, 5, EligibilityRules.none(),
                List.of("CV"), List.of(new Criterion("Excellence", "", new BigDecimal("1"))))).id());
        HostOffer offer = calls.addOffer(call.id(), new OfferDraft(host, "Trustworthy AI", "", "Prof. Neri", List.of(), 1, "Pisa", "IT"));
        KaribuSupport.signIn(context, "fellow-" + tag + "@example.org");
        applications.save(call.id(), new ApplicationDraft("My plan.", new ApplicantFacts("NG", List.of(new Residence("NG", LocalDate.of(2015, 1, 1),
                null)), PhdStatus.ENROLLED, LocalDate.of(2024, 1, 1), List.of()), List.of(offer.id()), Map.of("CV", cv.id())));
        FellowshipApplicationId application = applications.submit(call.id()).id();
        while (!Instant.now().isAfter(deadline.atZone(BRUSSELS).toInstant())) {
            Thread.sleep(100);
        }
        KaribuSupport.signIn(context, "admin@academy.test");
        reviews.addToPanel(call.id(), first, false);
        reviews.addToPanel(call.id(), chair, true);
        reviews.assign(call.id(), 2);

        for (String reviewer : List.of("rv1-" + tag, "rv2-" + tag)) {
            KaribuSupport.signIn(context, reviewer + "@example.org");
            KaribuSupport.setUp(context, Locale.ENGLISH);
            UI.getCurrent().navigate(ReviewsView.class);
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.grid.Grid<FellowshipReviews.Assignment> assigned = _get(com.vaadin.flow.component.grid.Grid.class);
            assertThat(assigned.getGenericDataView().getItems().toList()).extracting(FellowshipReviews.Assignment::callTitle)
                    .contains("Views review");
            UI.getCurrent().navigate(ReviewSheetView.class, new RouteParameters(Map.of("application", application.toString())));
            assertThat(_get(ReviewSheetView.class).getElement().getTextRecursively()).contains("Trustworthy AI", "CV: cv.md");
            _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Excellence (weight 1)")), new BigDecimal("4"));
            _setValue(_get(TextArea.class, spec -> spec.withLabel("Comment on Excellence")), "Solid.");
            _click(_get(Button.class, spec -> spec.withText("Submit my review")));
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
            assertThat(_get(ReviewSheetView.class).getElement().getTextRecursively()).contains("Excellence: 4 · Solid.");
            KaribuSupport.tearDown();
        }
        KaribuSupport.signIn(context, "rv2-" + tag + "@example.org");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(ReviewSheetView.class, new RouteParameters(Map.of("application", application.toString())));
        assertThat(_get(ReviewSheetView.class).getElement().getTextRecursively()).as("the other's scores, and the chair's consensus form")
                .contains("Person rv1-", "Record the consensus");
        KaribuSupport.tearDown();

        // The host's member orders who chose its offer on the call's page.
        person("hostmember-" + tag, Role.STUDENT);
        SystemActor.run(() -> organisations.addMember(host, "hostmember-" + tag + "@example.org",
                eu.aiskills.academy.identity.MembershipRole.MEMBER));
        KaribuSupport.signIn(context, "hostmember-" + tag + "@example.org");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(eu.aiskills.academy.fellowships.ui.CallView.class, new RouteParameters(Map.of("slug", call.slug())));
        assertThat(_get(eu.aiskills.academy.fellowships.ui.CallView.class).getElement().getTextRecursively())
                .contains("Your order for Trustworthy AI", "Person fellow-" + tag + " (their choice 1)");
        _click(_get(Button.class, spec -> spec.withText("Save our order")));
        KaribuSupport.tearDown();

        KaribuSupport.signIn(context, "admin@academy.test");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(CallReviewView.class, new RouteParameters(Map.of("slug", call.slug())));
        assertThat(_get(CallReviewView.class).getElement().getTextRecursively()).contains("Person rv1-", "Chair");
        _click(_get(Button.class, spec -> spec.withText("Release the ranking to applicants")));
        _click(_get(Button.class, spec -> spec.withText("Place the funded applicants")));
        assertThat(_find(Button.class, spec -> spec.withText("Place the funded applicants"))).isEmpty();
        KaribuSupport.tearDown();

        KaribuSupport.signIn(context, "fellow-" + tag + "@example.org");
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(ApplyView.class, new RouteParameters(Map.of("slug", call.slug())));
        assertThat(_get(ApplyView.class).getElement().getTextRecursively()).contains("Rank 1, weighted score 4 of 5: Funded.",
                "Trustworthy AI at Views host " + tag + ": your choice 1.");
        _click(_get(Button.class, spec -> spec.withText("Accept the placement")));
        assertThat(_get(ApplyView.class).getElement().getTextRecursively()).contains("Accepted");
        SecurityContextHolder.clearContext();
    }

    private AccountId person(String name, Role role) {
        return People.create(registration, name + "@example.org", "Person " + name, role);
    }
}
