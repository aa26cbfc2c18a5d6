package eu.aiskills.academy.talent.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.identity.Membership;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingStatus;
import eu.aiskills.academy.talent.Postings;
import jakarta.annotation.security.RolesAllowed;

/** An employer's postings: write one, publish it, change it (as a new revision), close it early, mark it filled. */
@Route("my-postings")
@RolesAllowed(Roles.EMPLOYER)
@Menu(title = "nav.my-postings", order = 25, icon = "vaadin:briefcase")
class MyPostingsView extends VerticalLayout implements HasDynamicTitle {

    private final transient Postings postings;
    private final transient Catalogue catalogue;
    private final transient OrganisationManagement organisations;
    private final Grid<Posting> grid = new Grid<>();

    MyPostingsView(Postings postings, Catalogue catalogue, OrganisationManagement organisations) {
        this.postings = postings;
        this.catalogue = catalogue;
        this.organisations = organisations;
        addClassName("academy-my-postings");
        add(new H1(getTranslation("postings.title")), new Paragraph(getTranslation("postings.intro")));
        Button create = new Button(getTranslation("postings.new"), click -> editor(null));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        add(create);
        grid.addComponentColumn(p -> new RouterLink(p.draft().title(), PostingView.class,
                new RouteParameters(Map.of("id", p.id().toString())))).setHeader(getTranslation("postings.col.title")).setFlexGrow(3);
        grid.addColumn(p -> getTranslation(p.draft().kind().messageKey())).setHeader(getTranslation("postings.col.kind")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.status().messageKey())).setHeader(getTranslation("authoring.field.status")).setAutoWidth(true);
        grid.addColumn(p -> Views.date(this, p.draft().closesOn())).setHeader(getTranslation("postings.col.closes")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("postings.col.actions")).setAutoWidth(true).setKey("actions");
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(postings.mine());
    }

    private HorizontalLayout actions(Posting posting) {
        HorizontalLayout actions = new HorizontalLayout();
        if (posting.status() != PostingStatus.DRAFT) {
            RouterLink pipeline = new RouterLink(getTranslation("postings.applications"), PipelineView.class,
                    new RouteParameters(Map.of("id", posting.id().toString())));
            pipeline.getElement().setAttribute("aria-label", getTranslation("postings.applications-of", posting.draft().title()));
            actions.add(pipeline);
        }
        if (posting.status() == PostingStatus.DRAFT || posting.status() == PostingStatus.PUBLISHED) {
            actions.add(action("postings.edit", () -> editor(posting)));
        }
        actions.add(action("postings.history", () -> history(posting)));
        if (posting.status() == PostingStatus.DRAFT) {
            actions.add(action("postings.publish", () -> postings.publish(posting.id())));
        }
        if (posting.status() == PostingStatus.PUBLISHED) {
            actions.add(action("postings.close", () -> postings.close(posting.id())));
        }
        if (posting.status() == PostingStatus.PUBLISHED || posting.status() == PostingStatus.CLOSED) {
            actions.add(action("postings.filled", () -> postings.filled(posting.id())));
        }
        return actions;
    }

    /** Every saved version of a posting: number, status then, who and when. */
    private void history(Posting posting) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("postings.history-of", posting.draft().title()));
        Grid<Postings.Revision> revisions = new Grid<>();
        revisions.addColumn(Postings.Revision::number).setHeader(getTranslation("postings.revision")).setAutoWidth(true);
        revisions.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("authoring.field.status"))
                .setAutoWidth(true);
        revisions.addColumn(Postings.Revision::title).setHeader(getTranslation("postings.col.title")).setFlexGrow(2);
        revisions.addColumn(Postings.Revision::editedByName).setHeader(getTranslation("postings.edited-by")).setAutoWidth(true);
        revisions.addColumn(r -> Views.dateTime(this, r.editedAt(), java.time.ZoneId.systemDefault()))
                .setHeader(getTranslation("postings.edited-at")).setAutoWidth(true);
        revisions.setItems(postings.history(posting.id()));
        revisions.setAllRowsVisible(true);
        dialog.add(revisions);
        dialog.setWidth("min(60rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        add(dialog);
        dialog.open();
    }

    private Button action(String key, Runnable work) {
        Button button = new Button(getTranslation(key), click -> {
            try {
                work.run();
                refresh();
            } catch (UserFacingException e) {
                Views.error(getTranslation(e.messageKey(), e.arguments()));
            }
        });
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }

    private void editor(Posting existing) {
        List<Membership> employers = organisations.myMemberships().stream()
                .filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).toList();
        PostingDialog dialog = new PostingDialog(postings, employers, catalogue.skills(), existing, this::refresh);
        add(dialog);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "postings.title");
    }
}
