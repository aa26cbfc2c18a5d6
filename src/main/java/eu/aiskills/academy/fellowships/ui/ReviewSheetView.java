package eu.aiskills.academy.fellowships.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.FellowshipApplication;
import eu.aiskills.academy.fellowships.FellowshipApplicationId;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.FellowshipReviews.CriterionScore;
import eu.aiskills.academy.fellowships.FellowshipReviews;
import eu.aiskills.academy.fellowships.HostOffer;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * Reviewing one application: the proposal, choices and documents; a score and a comment per
 * criterion, saved and then submitted; the other reviewers' scores once one's own are in; a
 * declared conflict of interest takes the reviewer off; the chair records the consensus.
 */
@Route("reviews/:" + ReviewSheetView.APPLICATION)
@RolesAllowed(Roles.REVIEWER)
class ReviewSheetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String APPLICATION = "application";

    private final transient FellowshipReviews reviews;
    private final transient FellowshipCalls calls;
    private FellowshipApplicationId applicationId;
    private String title = "";

    ReviewSheetView(FellowshipReviews reviews, FellowshipCalls calls) {
        this.reviews = reviews;
        this.calls = calls;
        addClassName("academy-review-sheet");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            applicationId = FellowshipApplicationId.of(event.getRouteParameters().get(APPLICATION).orElse(""));
            render();
        } catch (IllegalArgumentException | NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    private void render() {
        FellowshipReviews.ReviewSheet sheet = reviews.sheet(applicationId);
        removeAll();
        FellowshipApplication a = sheet.application();
        title = a.applicantName();
        add(new H1(getTranslation("reviews.sheet.title", a.applicantName())), new Paragraph(sheet.call().title()));
        add(new H2(getTranslation("fellowship.apply.proposal")), Views.markdown(a.proposal()));
        UnorderedList choices = new UnorderedList();
        for (UUID choice : a.choices()) {
            HostOffer offer = calls.offer(choice);
            choices.add(new ListItem(offer.topic() + " · " + offer.organisationName() + " (" + offer.city() + ")"));
        }
        add(new H2(getTranslation("fellowship.apply.choices")), choices);
        if (a.facts().nationality() != null) {
            add(new Paragraph(getTranslation("reviews.sheet.facts", Locale.of("", a.facts().nationality()).getDisplayCountry(getLocale()),
                    getTranslation(a.facts().phd().messageKey()))));
        }
        UnorderedList files = new UnorderedList();
        for (FellowshipApplication.Attached file : a.documents()) {
            files.add(new ListItem(new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    reviews.openDocument(applicationId, file.document()), file.fileName(), null, -1)), file.name() + ": " + file.fileName())));
        }
        add(new H2(getTranslation("fellowship.call.documents")), files);
        add(new H2(getTranslation("reviews.sheet.scores", sheet.call().scoreMax())));
        if (sheet.submittedAt() == null) {
            scoreForm(sheet);
        } else {
            add(new Paragraph(getTranslation("reviews.done", Views.dateTime(this, sheet.submittedAt(), java.time.ZoneId.systemDefault()))),
                    scoreList(sheet.call().criteria(), sheet.mine()));
            for (FellowshipReviews.OtherReview other : sheet.others()) {
                add(new H3(getTranslation("reviews.sheet.other", other.reviewer())), scoreList(sheet.call().criteria(), other.scores()));
            }
            if (reviews.panel(sheet.call().id()).stream().anyMatch(m -> m.chair() && CurrentUser.is(m.reviewer()))) {
                consensusForm(sheet);
            }
        }
    }

    private void scoreForm(FellowshipReviews.ReviewSheet sheet) {
        List<BigDecimalField> scores = new ArrayList<>();
        List<TextArea> comments = new ArrayList<>();
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        List<Criterion> criteria = sheet.call().criteria();
        for (int i = 0; i < criteria.size(); i++) {
            int position = i;
            BigDecimalField score = new BigDecimalField(getTranslation("reviews.sheet.criterion", criteria.get(i).name(),
                    criteria.get(i).weight().stripTrailingZeros().toPlainString()));
            score.setHelperText(getTranslation("reviews.sheet.range", sheet.call().scoreMax()));
            TextArea comment = new TextArea(getTranslation("reviews.sheet.comment", criteria.get(i).name()));
            comment.setMaxLength(CriterionScore.COMMENT_MAX);
            comment.setWidthFull();
            sheet.mine().stream().filter(s -> s.criterion() == position).findFirst().ifPresent(s -> {
                score.setValue(s.score());
                comment.setValue(s.comment());
            });
            scores.add(score);
            comments.add(comment);
            form.add(new HorizontalLayout(score), comment);
        }
        Button save = new Button(getTranslation("reviews.sheet.save"), click -> save(scores, comments));
        Button submit = new Button(getTranslation("reviews.sheet.submit"), click -> {
            if (!save(scores, comments)) {
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("reviews.sheet.submit"), getTranslation("reviews.sheet.submit-confirm"),
                    getTranslation("reviews.sheet.submit"), e -> {
                        try {
                            reviews.submitReview(applicationId);
                            render();
                        } catch (UserFacingException rejection) {
                            Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.open();
        });
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        TextField reason = new TextField(getTranslation("reviews.sheet.conflict-reason"));
        reason.setMaxLength(FellowshipReviews.CONFLICT_REASON_MAX);
        reason.setWidth("24rem");
        Button conflict = new Button(getTranslation("reviews.sheet.conflict"), click -> {
            try {
                reviews.declareConflict(applicationId, reason.getValue());
                Views.success(getTranslation("reviews.sheet.conflict-declared"));
                getUI().ifPresent(ui -> ui.navigate(ReviewsView.class));
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("reason", reason));
            }
        });
        conflict.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        HorizontalLayout conflictRow = new HorizontalLayout(reason, conflict);
        conflictRow.setAlignItems(Alignment.BASELINE);
        add(form, new HorizontalLayout(save, submit), new H3(getTranslation("reviews.sheet.conflict-title")), conflictRow);
    }

    private boolean save(List<BigDecimalField> scores, List<TextArea> comments) {
        List<CriterionScore> given = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).getValue() != null) {
                given.add(new CriterionScore(i, scores.get(i).getValue(), comments.get(i).getValue()));
            }
        }
        try {
            reviews.score(applicationId, given);
            Views.success(getTranslation("reviews.sheet.saved"));
            return true;
        } catch (UserFacingException e) {
            Views.showRejection(this, e, Map.of("scores", scores.getFirst()));
            return false;
        }
    }

    private void consensusForm(FellowshipReviews.ReviewSheet sheet) {
        List<Criterion> criteria = sheet.call().criteria();
        List<BigDecimalField> scores = new ArrayList<>();
        List<TextArea> comments = new ArrayList<>();
        Div box = new Div(new H2(getTranslation("reviews.consensus.title")), new Paragraph(getTranslation("reviews.consensus.intro")));
        box.addClassName("academy-card");
        for (Criterion criterion : criteria) {
            BigDecimalField score = new BigDecimalField(criterion.name());
            TextArea comment = new TextArea(getTranslation("reviews.sheet.comment", criterion.name()));
            comment.setWidthFull();
            scores.add(score);
            comments.add(comment);
            box.add(score, comment);
        }
        Button record = new Button(getTranslation("reviews.consensus.record"), click -> {
            List<CriterionScore> agreed = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                agreed.add(new CriterionScore(i, scores.get(i).getValue(), comments.get(i).getValue()));
            }
            try {
                reviews.consensus(applicationId, agreed);
                Views.success(getTranslation("reviews.consensus.recorded"));
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("scores", scores.getFirst()));
            }
        });
        record.addThemeVariants(ButtonVariant.PRIMARY);
        box.add(record);
        add(box);
    }

    private UnorderedList scoreList(List<Criterion> criteria, List<CriterionScore> scores) {
        UnorderedList list = new UnorderedList();
        for (CriterionScore s : scores) {
            String name = s.criterion() < criteria.size() ? criteria.get(s.criterion()).name() : "?";
            list.add(new ListItem(getTranslation("reviews.sheet.score-line", name, s.score().stripTrailingZeros().toPlainString(),
                    s.comment() == null ? "" : s.comment())));
        }
        return list;
    }


    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "reviews.sheet.title", title);
    }
}
