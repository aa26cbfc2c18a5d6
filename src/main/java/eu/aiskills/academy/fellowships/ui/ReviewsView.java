package eu.aiskills.academy.fellowships.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.fellowships.FellowshipReviews;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** A reviewer's fellowship applications to score. */
@Route("reviews")
@RolesAllowed(Roles.REVIEWER)
@Menu(title = "nav.reviews", order = 17, icon = "vaadin:star-half-left-o")
class ReviewsView extends VerticalLayout implements HasDynamicTitle {

    ReviewsView(FellowshipReviews reviews) {
        addClassName("academy-reviews");
        add(new H1(getTranslation("reviews.title")), new Paragraph(getTranslation("reviews.intro")));
        List<FellowshipReviews.Assignment> mine = reviews.myAssignments();
        Grid<FellowshipReviews.Assignment> grid = new Grid<>();
        grid.addComponentColumn(a -> new RouterLink(a.applicantName(), ReviewSheetView.class,
                new RouteParameters(Map.of(ReviewSheetView.APPLICATION, a.application().toString())))).setHeader(getTranslation("reviews.applicant"))
                .setFlexGrow(2);
        grid.addColumn(FellowshipReviews.Assignment::callTitle).setHeader(getTranslation("reviews.call")).setFlexGrow(2);
        grid.addColumn(a -> a.submittedAt() == null ? getTranslation("reviews.to-do")
                : getTranslation("reviews.done", Views.dateTime(this, a.submittedAt(), ZoneId.systemDefault()))).setHeader(getTranslation("reviews.state"))
                .setAutoWidth(true);
        grid.setItems(mine);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("reviews.none"));
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "reviews.title");
    }
}
