package eu.aiskills.academy.fellowships.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.fellowships.FellowshipApplicationId;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.FellowshipPlacements;
import eu.aiskills.academy.fellowships.FellowshipReviews;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** An administrator runs a call's review: the panel, assignments, the ranking and its release, the placements. */
@Route("admin/fellowships/:" + CallView.SLUG + "/review")
@RolesAllowed(Roles.ADMIN)
class CallReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient FellowshipCalls calls;
    private final transient FellowshipReviews reviews;
    private final transient FellowshipPlacements placements;
    private final transient AccountManagement accounts;
    private transient FellowshipCall call;

    CallReviewView(FellowshipCalls calls, FellowshipReviews reviews, FellowshipPlacements placements, AccountManagement accounts) {
        this.calls = calls;
        this.reviews = reviews;
        this.placements = placements;
        this.accounts = accounts;
        addClassName("academy-call-review");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        call = CallView.callOf(event, calls);
        if (call == null) {
            return;
        }
        render();
    }

    private void render() {
        call = calls.get(call.id());
        removeAll();
        add(new H1(getTranslation("review-admin.title", call.title())),
                new Paragraph(getTranslation("fellowships.deadline", CallTexts.deadline(this, call, call.closesAt()))));
        panel();
        ranking();
        placementList();
    }

    private void panel() {
        add(new H2(getTranslation("review-admin.panel")));
        UnorderedList members = new UnorderedList();
        reviews.panel(call.id()).forEach(m -> members.add(new ListItem(m.name() + (m.chair() ? " · " + getTranslation("review-admin.chair") : ""))));
        ComboBox<AccountSummary> reviewer = new ComboBox<>(getTranslation("review-admin.reviewer"));
        reviewer.setItems(accounts.search("", org.springframework.data.domain.PageRequest.of(0, 500)).getContent().stream()
                .filter(a -> a.has(Role.REVIEWER)).toList());
        reviewer.setItemLabelGenerator(a -> a.displayName() + " <" + a.email() + ">");
        reviewer.setWidth("24rem");
        Checkbox chair = new Checkbox(getTranslation("review-admin.chair"));
        Button add = new Button(getTranslation("review-admin.add"), click -> {
            try {
                if (reviewer.getValue() == null) {
                    throw new UserFacingException("review-admin.choose-reviewer");
                }
                reviews.addToPanel(call.id(), reviewer.getValue().id(), chair.getValue());
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("reviewer", reviewer));
            }
        });
        HorizontalLayout row = new HorizontalLayout(reviewer, chair, add);
        row.setAlignItems(Alignment.BASELINE);
        IntegerField perApplication = new IntegerField(getTranslation("review-admin.per-application"));
        perApplication.setMin(1);
        perApplication.setMax(10);
        perApplication.setValue(2);
        Button assign = new Button(getTranslation("review-admin.assign"), click -> {
            try {
                List<FellowshipApplicationId> short_ = reviews.assign(call.id(), perApplication.getValue() == null ? 0 : perApplication.getValue());
                Views.success(short_.isEmpty() ? getTranslation("review-admin.assigned")
                        : getTranslation("review-admin.assigned-short", short_.size()));
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("perApplication", perApplication));
            }
        });
        HorizontalLayout assignRow = new HorizontalLayout(perApplication, assign);
        assignRow.setAlignItems(Alignment.BASELINE);
        add(members, row, new Paragraph(getTranslation("review-admin.conflicts")), assignRow);
    }

    private void ranking() {
        add(new H2(getTranslation("review-admin.ranking")), new Paragraph(getTranslation("review-admin.tie-breaks")));
        List<FellowshipReviews.Ranked> ranked = reviews.ranking(call.id());
        Grid<FellowshipReviews.Ranked> grid = new Grid<>();
        grid.addColumn(r -> r.rank() == 0 ? "–" : String.valueOf(r.rank())).setHeader(getTranslation("review-admin.rank")).setAutoWidth(true);
        grid.addColumn(FellowshipReviews.Ranked::applicantName).setHeader(getTranslation("reviews.applicant")).setFlexGrow(2);
        for (int i = 0; i < call.criteria().size(); i++) {
            int position = i;
            grid.addColumn(r -> r.perCriterion().get(position).stripTrailingZeros().toPlainString())
                    .setHeader(call.criteria().get(i).name()).setAutoWidth(true);
        }
        grid.addColumn(r -> r.weighted().stripTrailingZeros().toPlainString()).setHeader(getTranslation("review-admin.weighted")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span standing = new Span(getTranslation(r.standing().messageKey()) + (r.consensus() ? " · " + getTranslation("review-admin.consensus") : ""));
            standing.getElement().setAttribute("theme", switch (r.standing()) {
                case FUNDED -> "badge success";
                case RESERVE -> "badge";
                case PENDING -> "badge contrast";
            });
            return standing;
        }).setHeader(getTranslation("review-admin.standing")).setAutoWidth(true);
        grid.setItems(ranked);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("review-admin.no-applications"));
        add(grid);
        if (call.rankingReleasedAt() == null) {
            Button release = new Button(getTranslation("review-admin.release"), click -> act(() -> reviews.releaseRanking(call.id())));
            add(release);
        } else {
            add(new Paragraph(getTranslation("review-admin.released", CallTexts.deadline(this, call, call.rankingReleasedAt()))));
        }
    }

    private void placementList() {
        add(new H2(getTranslation("review-admin.placements")));
        List<FellowshipPlacements.Placement> made = placements.placements(call.id());
        if (made.isEmpty()) {
            Button match = new Button(getTranslation("review-admin.match"), click -> act(() ->
                    placements.match(call.id(), FellowshipPlacements.DEFAULT_RESPONSE_TIME)));
            match.addThemeVariants(ButtonVariant.PRIMARY);
            add(new Paragraph(getTranslation("review-admin.match-intro")), match);
            return;
        }
        Map<FellowshipApplicationId, String> names = reviews.ranking(call.id()).stream()
                .collect(Collectors.toMap(FellowshipReviews.Ranked::application, FellowshipReviews.Ranked::applicantName, (a, b) -> a));
        Grid<FellowshipPlacements.Placement> grid = new Grid<>();
        grid.addColumn(p -> names.getOrDefault(p.application(), "")).setHeader(getTranslation("reviews.applicant")).setFlexGrow(2);
        grid.addColumn(p -> p.offerTopic() + " · " + p.host()).setHeader(getTranslation("review-admin.offer")).setFlexGrow(3);
        grid.addColumn(FellowshipPlacements.Placement::choice).setHeader(getTranslation("review-admin.choice")).setAutoWidth(true);
        grid.addColumn(FellowshipPlacements.Placement::round).setHeader(getTranslation("review-admin.round")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.status().messageKey())).setHeader(getTranslation("authoring.field.status")).setAutoWidth(true);
        grid.addColumn(p -> Views.dateTime(this, p.respondBy(), ZoneId.systemDefault())).setHeader(getTranslation("review-admin.respond-by"))
                .setAutoWidth(true);
        grid.setItems(made);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private void act(Runnable work) {
        try {
            work.run();
            render();
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "review-admin.title", call == null ? "" : call.title());
    }
}
