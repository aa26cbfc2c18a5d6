package eu.aiskills.academy.assessment.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Assignments;
import eu.aiskills.academy.assessment.Submission;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.UploadTexts;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * An assignment as Moodle's assignment page shows it: the brief, the due date for the learner's
 * run and what late work means, the rubric it is graded against, the hand-in form (a text answer,
 * files checked as they are uploaded, a confirmation before handing in) while hand-ins are open,
 * and every submission with its grade, the levels chosen, the feedback and the files.
 * <p>Long because the hand-in form (its uploads checked and discarded when the page is left) and
 * the history of submissions are one page, as in the products learners know.
 */
@Route("assignments/:slug")
@PermitAll
class AssignmentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SLUG = "slug";

    private final transient Assignments assignments;
    private final transient Documents documents;
    private Assignment assignment;
    private final Div body = new Div();
    /** Files uploaded for the next hand-in, not yet handed in (deleted if the page is left). */
    private final List<StoredDocument> pending = new ArrayList<>();
    private Upload upload;

    AssignmentView(Assignments assignments, Documents documents) {
        this.assignments = assignments;
        this.documents = documents;
        addClassName("academy-assignment");
        body.setWidthFull();
    }

    /** What an assignment asks for and passes with, in one sentence. */
    static String facts(UI ui, Assignment assignment) {
        return ui.getTranslation("assignment.facts." + assignment.accepts().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                assignment.maxFiles()) + " " + ui.getTranslation("assignment.facts.pass", assignment.passMark().stripTrailingZeros().toPlainString(),
                assignment.rubric().criteria().size());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SLUG).orElse("");
        assignment = assignments.assignment(slug).orElseThrow(() -> new NotFoundException("assignment.not-found"));
        removeAll();
        add(new H1(assignment.title()), body);
        render();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        discardPending();
    }

    private void render() {
        body.removeAll();
        Assignments.Overview overview = assignments.overview(assignment.slug());
        Paragraph facts = new Paragraph(facts(UI.getCurrent(), assignment));
        facts.addClassName("academy-facts");
        body.add(facts);
        if (overview.dueAt() != null) {
            // Due at the end of the due day: shown as its last minute, not as the next day's midnight.
            Paragraph due = new Paragraph(getTranslation(assignment.lateAllowed() ? "assignment.due-late-allowed" : "assignment.due-late-refused",
                    Views.dateTime(this, overview.dueAt().minusSeconds(60), ZoneId.systemDefault())));
            due.addClassName("academy-assignment-due");
            body.add(due);
        }
        if (overview.teaches()) {
            long waiting = assignments.submissions(assignment.slug()).stream().filter(Submission::awaitingGrade).count();
            RouterLink grade = new RouterLink(getTranslation("assignment.grade-link", waiting), AssignmentGradingView.class,
                    new RouteParameters(Map.of(AssignmentGradingView.SLUG, assignment.slug())));
            grade.addComponentAsFirst(VaadinIcon.CHECK_SQUARE_O.create());
            body.add(new Div(grade));
        }
        standing(overview).ifPresent(body::add);
        body.add(new H2(getTranslation("assignment.brief")), Views.markdown(assignment.briefMarkdown()));
        body.add(new H2(getTranslation("assignment.rubric")), RubricTable.of(this, assignment.rubric(), Map.of()));
        if (overview.standing() == Assignments.Standing.OPEN || overview.standing() == Assignments.Standing.OPEN_LATE) {
            body.add(new H2(getTranslation("assignment.hand-in")), handIn(overview));
        }
        if (!overview.submissions().isEmpty()) {
            body.add(new H2(getTranslation("assignment.submissions")), history(overview.submissions()));
        }
    }

    /** Where the learner stands when they cannot hand in now, said at the top of the page. */
    private java.util.Optional<Component> standing(Assignments.Overview overview) {
        String key = switch (overview.standing()) {
            case OPEN, OPEN_LATE -> null;
            case AWAITING_GRADE -> "assignment.standing.awaiting";
            case GRADED -> "assignment.standing.graded";
            case CLOSED -> "assignment.standing.closed";
            case NOT_ENROLLED -> "assignment.standing.not-enrolled";
        };
        if (key == null) {
            return java.util.Optional.empty();
        }
        Paragraph standing = new Paragraph(getTranslation(key));
        standing.addClassName(overview.standing() == Assignments.Standing.CLOSED ? "academy-warning" : "academy-note");
        standing.getElement().setAttribute("role", "status");
        return java.util.Optional.of(standing);
    }

    private Component handIn(Assignments.Overview overview) {
        Div form = new Div();
        form.addClassName("academy-assignment-form");
        if (overview.standing() == Assignments.Standing.OPEN_LATE) {
            Paragraph late = new Paragraph(getTranslation("assignment.standing.late"));
            late.addClassName("academy-warning");
            late.getElement().setAttribute("role", "status");
            form.add(late);
        }
        TextArea text = new TextArea(getTranslation("assignment.field.text"));
        text.setMaxLength(Assignment.TEXT_MAX);
        text.setWidthFull();
        text.setMinHeight("12rem");
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        text.setHelperText(getTranslation("assignment.field.text-help", Assignment.TEXT_MAX));
        text.setVisible(assignment.accepts().text());
        UnorderedList files = new UnorderedList();
        files.addClassName("academy-assignment-files");
        upload = new Upload();
        upload.setUploadHandler(handler(files));
        upload.setMaxFiles(assignment.maxFiles());
        upload.setMaxFileSize((int) DocumentPurpose.ASSIGNMENT.maxBytes());
        upload.setDropAllowed(true);
        upload.setAcceptedFileTypes(".pdf", ".docx", ".pptx", ".odt", ".odp", ".md", ".ipynb", ".txt");
        upload.setI18n(UploadTexts.of(getLocale()));
        upload.addFileRejectedListener(e -> Views.error(getTranslation("documents.rejection", e.getFileName(), e.getErrorMessage())));
        Paragraph accepts = new Paragraph(getTranslation("documents.accepts", DocumentPurpose.ASSIGNMENT.acceptedKinds(),
                DocumentPurpose.ASSIGNMENT.maxBytes() / (1024 * 1024)));
        accepts.addClassName("academy-note");
        H3 filesTitle = new H3(getTranslation("assignment.field.files", assignment.maxFiles()));
        filesTitle.addClassName("academy-small-heading");
        Div fileBox = new Div(filesTitle, accepts, upload, files);
        fileBox.setVisible(assignment.accepts().files());
        showPending(files);
        Button submit = new Button(getTranslation("assignment.submit"), VaadinIcon.UPLOAD_ALT.create());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(click -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("assignment.submit"),
                    getTranslation("assignment.submit-confirm", pending.size()), getTranslation("assignment.submit"), e -> {
                        try {
                            assignments.submit(assignment.slug(), text.getValue(), pending.stream().map(StoredDocument::id).toList());
                            pending.clear();
                            Views.success(getTranslation("assignment.submitted"));
                            render();
                        } catch (UserFacingException rejection) {
                            Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.open();
        });
        form.add(text, fileBox, new Div(submit));
        return form;
    }

    /** Each upload is checked and kept by the documents module at once, and listed for the hand-in. */
    private UploadHandler handler(UnorderedList files) {
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) {
                UI ui = event.getUI();
                Locale locale = ui.getLocale();
                if (event.getFileSize() > DocumentPurpose.ASSIGNMENT.maxBytes()) {
                    String reason = Translations.get(locale, "documents.too-large", DocumentPurpose.ASSIGNMENT.maxBytes() / (1024 * 1024));
                    event.reject(reason);
                    ui.access(() -> Views.error(Translations.get(locale, "documents.rejection", event.getFileName(), reason)));
                    return;
                }
                try {
                    StoredDocument stored = documents.store(DocumentPurpose.ASSIGNMENT, event.getFileName(), event.getInputStream());
                    ui.access(() -> {
                        pending.add(stored);
                        showPending(files);
                        // The list below the upload is the one to act on (remove a file): not a second list inside it.
                        upload.clearFileList();
                    });
                } catch (UserFacingException rejection) {
                    String reason = Translations.get(locale, rejection.messageKey(), rejection.arguments());
                    event.reject(reason);
                    ui.access(() -> Views.error(Translations.get(locale, "documents.rejection", event.getFileName(), reason)));
                }
            }
        };
    }

    /** Lists the files uploaded for the next hand-in; no more uploads once the assignment's number is reached. */
    private void showPending(UnorderedList files) {
        files.removeAll();
        upload.setEnabled(pending.size() < assignment.maxFiles());
        for (StoredDocument document : List.copyOf(pending)) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                documents.delete(document.id());
                pending.remove(document);
                showPending(files);
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.setAriaLabel(getTranslation("assignment.remove-file", document.fileName()));
            Span name = new Span(document.fileName());
            files.add(new ListItem(VaadinIcon.FILE_O.create(), name, remove));
        }
    }

    private void discardPending() {
        for (StoredDocument document : List.copyOf(pending)) {
            try {
                documents.delete(document.id());
            } catch (RuntimeException e) {
                // Left as the learner's own file in My documents, where they may delete it.
            }
        }
        pending.clear();
    }

    private Component history(List<Submission> submissions) {
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-submissions");
        for (Submission submission : submissions.reversed()) {
            ListItem item = new ListItem();
            Span status = new Span(getTranslation(submission.status().messageKey()));
            status.getElement().getThemeList().add(switch (submission.status()) {
                case GRADED -> Boolean.TRUE.equals(submission.passed()) ? "badge success" : "badge error";
                case RETURNED -> "badge contrast";
                case SUBMITTED -> "badge";
            });
            H3 title = new H3(getTranslation("assignment.submission-title", submission.number(),
                    Views.dateTime(this, submission.submittedAt(), ZoneId.systemDefault())));
            item.add(title, status);
            if (submission.late()) {
                Span late = new Span(getTranslation("assignment.late"));
                late.getElement().getThemeList().add("badge warning");
                item.add(late);
            }
            item.add(files(assignments, submission));
            if (submission.text() != null) {
                Details text = new Details(getTranslation("assignment.your-text"), Views.markdown(submission.text()));
                item.add(text);
            }
            if (submission.score() != null) {
                Paragraph score = new Paragraph(getTranslation("assignment.score", submission.score().stripTrailingZeros().toPlainString(),
                        submission.graderName(), Views.dateTime(this, submission.gradedAt(), ZoneId.systemDefault())));
                item.add(score, RubricTable.of(this, assignment.rubric(), submission.levels()));
            }
            if (submission.feedback() != null) {
                Div feedback = new Div(new H3(getTranslation("assignment.feedback")), Views.markdown(submission.feedback()));
                feedback.addClassName("academy-feedback");
                item.add(feedback);
            }
            list.add(item);
        }
        return list;
    }

    /** Links to download the files of a submission, as they were handed in. */
    static Component files(Assignments assignments, Submission submission) {
        Div links = new Div();
        links.addClassName("academy-assignment-files");
        for (Submission.HandedIn file : submission.files()) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> new DownloadResponse(
                    assignments.openFile(submission.id(), file.position()), file.fileName(), "application/octet-stream", file.sizeBytes())),
                    file.fileName());
            link.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
            links.add(link);
        }
        return links;
    }

    @Override
    public String getPageTitle() {
        return (assignment == null ? "" : assignment.title()) + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
