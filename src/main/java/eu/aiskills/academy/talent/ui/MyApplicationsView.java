package eu.aiskills.academy.talent.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.ApplicationMove;
import eu.aiskills.academy.talent.ApplicationStatus;
import eu.aiskills.academy.talent.Applications;
import eu.aiskills.academy.talent.JobApplication;
import jakarta.annotation.security.PermitAll;

/** A candidate's applications: where each stands, what the employer said, its history; withdraw an active one. */
@Route("my-applications")
@PermitAll
@Menu(title = "nav.my-applications", order = 24, icon = "vaadin:paperplane")
class MyApplicationsView extends VerticalLayout implements HasDynamicTitle {

    private final transient Applications applications;

    MyApplicationsView(Applications applications) {
        this.applications = applications;
        addClassName("academy-my-applications");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("my-applications.title")));
        List<JobApplication> mine = applications.mine();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("my-applications.none")),
                    new RouterLink(getTranslation("my-applications.find"), OpportunitiesView.class));
            return;
        }
        mine.forEach(application -> add(card(application)));
    }

    private Div card(JobApplication application) {
        Div card = new Div();
        card.addClassName("academy-card");
        H2 title = new H2(new RouterLink(application.postingTitle(), PostingView.class,
                new RouteParameters(Map.of("id", application.postingId().toString()))));
        Span status = new Span(getTranslation(application.status().messageKey()));
        status.getElement().setAttribute("theme", statusTheme(application.status()));
        status.addClassName("academy-application-status");
        card.add(title, new Paragraph(new Span(application.organisationName() + " · "
                + getTranslation("my-applications.sent", Views.dateTime(this, application.submittedAt(), ZoneId.systemDefault())) + " "),
                status));
        if (application.reason() != null) {
            Paragraph reason = new Paragraph(getTranslation("my-applications.message", application.reason()));
            reason.addClassName("academy-employer-message");
            card.add(reason);
        }
        OrderedList steps = new OrderedList();
        for (ApplicationMove move : applications.history(application.id())) {
            steps.add(new ListItem(Views.dateTime(this, move.at(), ZoneId.systemDefault()) + " · " + getTranslation(move.to().messageKey())));
        }
        card.add(new Details(getTranslation("my-applications.history"), steps));
        if (application.status().active()) {
            Button withdraw = new Button(getTranslation("apply.withdraw"), click -> {
                try {
                    applications.withdraw(application.id());
                    Views.success(getTranslation("apply.withdrawn"));
                } catch (UserFacingException e) {
                    Views.error(getTranslation(e.messageKey(), e.arguments()));
                }
                render();
            });
            withdraw.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            withdraw.setAriaLabel(getTranslation("apply.withdraw-named", application.postingTitle()));
            card.add(withdraw);
        }
        return card;
    }

    static String statusTheme(ApplicationStatus status) {
        return switch (status) {
            case OFFER, HIRED -> "badge success";
            case REJECTED, WITHDRAWN -> "badge contrast";
            default -> "badge";
        };
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "my-applications.title");
    }
}
