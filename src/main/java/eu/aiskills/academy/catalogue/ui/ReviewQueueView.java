package eu.aiskills.academy.catalogue.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.CourseReviews;
import eu.aiskills.academy.catalogue.ReviewItem;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** Courses submitted for review: preview each, publish it or return it to its authors with a note. */
@Route("review/courses")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
@Menu(title = "nav.course-review", order = 16, icon = "vaadin:check-square-o")
class ReviewQueueView extends VerticalLayout implements HasDynamicTitle {

    private final transient CourseReviews reviews;

    ReviewQueueView(CourseReviews reviews) {
        this.reviews = reviews;
        addClassName("academy-review");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("review.title")));
        List<ReviewItem> queue = reviews.reviewQueue();
        if (queue.isEmpty()) {
            add(new Paragraph(getTranslation("review.empty")));
        }
        for (ReviewItem item : queue) {
            Div card = new Div(new H2(item.course().title()));
            if (item.isRevision()) {
                Span kind = new Span(getTranslation(item.minor() ? "review.revision-minor" : "review.revision", item.revision()));
                kind.getElement().getThemeList().add(item.minor() ? "badge contrast" : "badge warning");
                card.add(kind);
            }
            card.add(new Paragraph(item.course().summary()),
                    new Paragraph(getTranslation("review.by", String.join(", ", item.instructors()),
                            Views.dateTime(this, item.submittedAt(), java.time.ZoneId.of("UTC")))));
            card.addClassName("academy-card");
            RouterLink preview = new RouterLink(getTranslation(item.isRevision() ? "review.changes" : "authoring.preview"),
                    CoursePreviewView.class, new RouteParameters(CoursePreviewView.ID, item.course().id().value().toString()));
            Button publish = new Button(getTranslation("review.publish"), click -> {
                try {
                    reviews.publish(item.course().id());
                    Views.success(getTranslation(item.isRevision() ? "review.revision-published" : "review.published",
                            item.course().title(), item.revision()));
                } catch (UserFacingException rejection) {
                    Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
                }
                render();
            });
            publish.addThemeVariants(ButtonVariant.PRIMARY);
            Button back = new Button(getTranslation("review.return"), click -> returnDialog(item));
            Div actions = new Div(preview, publish, back);
            actions.addClassName("academy-actions");
            card.add(actions);
            add(card);
        }
    }

    private void returnDialog(ReviewItem item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("review.return"));
        TextArea note = new TextArea(getTranslation("review.note"));
        note.setMaxLength(CourseReviews.NOTE_MAX_LENGTH);
        note.setRequired(true);
        note.setWidthFull();
        dialog.add(note);
        Button send = new Button(getTranslation("review.return"), click -> {
            try {
                reviews.returnToAuthors(item.course().id(), note.getValue());
                dialog.close();
                Views.success(getTranslation("review.returned"));
                render();
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("note", note));
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), send);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "review.title");
    }
}
