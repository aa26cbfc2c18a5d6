package eu.aiskills.academy.catalogue.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.AuthoredCourse;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseReviews;
import eu.aiskills.academy.catalogue.CourseRevisions;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The editor's change control, as a published wiki page or a Moodle course under review works:
 * on a published course, a note that learners see this version and the way into its revision
 * (started, or continued); on a revision, what it is, its changes, the submission for review
 * (minor when it only fixes text) and discarding it, after a confirmation.
 */
@org.springframework.stereotype.Component
class RevisionPanel {

    private final CourseRevisions revisions;
    private final CourseReviews reviews;

    RevisionPanel(CourseRevisions revisions, CourseReviews reviews) {
        this.revisions = revisions;
        this.reviews = reviews;
    }

    /** The panel for the course in the editor, if it is published or a revision; {@code changed} redraws the editor. */
    Optional<Component> panel(Component view, AuthoredCourse course, Runnable changed) {
        if (course.revision().isRevision()) {
            return Optional.of(revision(view, course, changed));
        }
        if (course.status() != CourseStatus.PUBLISHED) {
            return Optional.empty();
        }
        Div panel = new Div();
        panel.addClassName("academy-revision-panel");
        Paragraph note = new Paragraph(view.getTranslation("revision.published-note", course.revision().number()));
        note.addClassName("academy-callout");
        Button start = new Button(view.getTranslation(course.revision().open() == null ? "revision.start" : "revision.continue",
                course.revision().number() + 1), click -> {
            try {
                CourseId revision = revisions.start(course.id());
                open(view, revision);
            } catch (UserFacingException rejection) {
                Views.error(view.getTranslation(rejection.messageKey(), rejection.arguments()));
            }
        });
        start.addThemeVariants(ButtonVariant.PRIMARY);
        panel.add(note, start);
        java.util.List<CourseRevisions.Published> history = revisions.history(course.id());
        if (!history.isEmpty()) {
            com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
            for (CourseRevisions.Published past : history) {
                list.add(new com.vaadin.flow.component.html.ListItem(view.getTranslation(past.minor() ? "revision.history-minor" : "revision.history",
                        past.revision(), past.publishedBy(), Views.dateTime(view, past.publishedAt(), java.time.ZoneId.systemDefault()),
                        String.join("; ", past.changes()))));
            }
            com.vaadin.flow.component.details.Details details = new com.vaadin.flow.component.details.Details(
                    view.getTranslation("revision.history-title", history.size()), list);
            panel.add(details);
        }
        return Optional.of(panel);
    }

    private Component revision(Component view, AuthoredCourse course, Runnable changed) {
        Div panel = new Div();
        panel.addClassName("academy-revision-panel");
        Paragraph note = new Paragraph(view.getTranslation("revision.note", course.revision().number()));
        note.addClassName("academy-callout");
        RouterLink back = new RouterLink(view.getTranslation("revision.published-link"), CourseEditorView.class,
                new RouteParameters(CourseEditorView.ID, course.revision().of().value().toString()));
        RouterLink changes = new RouterLink(view.getTranslation("revision.changes-link"), CoursePreviewView.class,
                new RouteParameters(CoursePreviewView.ID, course.id().value().toString()));
        panel.add(note, new Div(back), new Div(changes));
        if (course.status() == CourseStatus.DRAFT) {
            Checkbox minor = new Checkbox(view.getTranslation("revision.minor"));
            minor.setHelperText(view.getTranslation("revision.minor-help"));
            Button submit = new Button(view.getTranslation("authoring.submit"), click -> {
                try {
                    reviews.submitRevision(course.id(), minor.getValue());
                    Views.success(view.getTranslation("authoring.submitted"));
                    changed.run();
                } catch (UserFacingException rejection) {
                    Views.error(view.getTranslation(rejection.messageKey(), rejection.arguments()));
                }
            });
            submit.addThemeVariants(ButtonVariant.SUCCESS);
            Button discard = new Button(view.getTranslation("revision.discard"), click -> {
                ConfirmDialog confirm = new ConfirmDialog(view.getTranslation("revision.discard"),
                        view.getTranslation("revision.discard-confirm", course.revision().number()), view.getTranslation("revision.discard"),
                        e -> {
                            try {
                                revisions.discard(course.id());
                                Views.success(view.getTranslation("revision.discarded"));
                                open(view, course.revision().of());
                            } catch (UserFacingException rejection) {
                                Views.error(view.getTranslation(rejection.messageKey(), rejection.arguments()));
                            }
                        });
                confirm.setCancelable(true);
                confirm.setCancelText(view.getTranslation("common.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            discard.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            Div actions = new Div(minor, submit, discard);
            actions.addClassName("academy-actions");
            panel.add(actions);
        }
        return panel;
    }

    private static void open(Component view, CourseId course) {
        view.getUI().ifPresent(ui -> ui.navigate(CourseEditorView.class, new RouteParameters(CourseEditorView.ID, course.value().toString())));
    }
}
