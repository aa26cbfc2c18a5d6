package eu.aiskills.academy.talent.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.ApplicationDraft;
import eu.aiskills.academy.talent.Applications;
import eu.aiskills.academy.talent.JobApplication;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingStatus;

/**
 * The "apply" part of a posting's page: a form (cover letter, one of the person's CVs, the
 * posting's questions) or, once applied, where the application stands and a way to withdraw.
 */
class ApplySection extends Div {

    private final transient Applications applications;
    private final transient Documents documents;
    private final transient Posting posting;

    ApplySection(Applications applications, Documents documents, Posting posting) {
        this.applications = applications;
        this.documents = documents;
        this.posting = posting;
        addClassName("academy-apply");
        setId("apply");
        render();
    }

    private void render() {
        removeAll();
        add(new H2(getTranslation("apply.title")));
        boolean open = posting.status() == PostingStatus.PUBLISHED
                && !posting.draft().closesOn().isBefore(LocalDate.now(ZoneOffset.UTC));
        if (CurrentUser.id().isEmpty()) {
            // Back to this posting once signed in.
            add(new Paragraph(new Anchor(eu.aiskills.academy.identity.ui.LoginView.ROUTE + "?"
                    + eu.aiskills.academy.identity.ui.LoginView.CONTINUE + "=" + java.net.URLEncoder.encode("/postings/" + posting.id(),
                    java.nio.charset.StandardCharsets.UTF_8), getTranslation("apply.sign-in"))));
            return;
        }
        var mine = applications.mineFor(posting.id());
        if (mine.isPresent()) {
            JobApplication application = mine.get();
            Paragraph status = new Paragraph(getTranslation("apply.applied", Views.dateTime(this, application.submittedAt(),
                    java.time.ZoneId.systemDefault()), getTranslation(application.status().messageKey())));
            status.addClassName("academy-status-line");
            Button withdraw = new Button(getTranslation("apply.withdraw"), click -> {
                try {
                    applications.withdraw(application.id());
                    Views.success(getTranslation("apply.withdrawn"));
                    render();
                } catch (UserFacingException e) {
                    Views.error(getTranslation(e.messageKey(), e.arguments()));
                }
            });
            withdraw.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            add(status, new Paragraph(new Anchor("my-applications", getTranslation("apply.see-mine"))), withdraw);
            return;
        }
        if (!open) {
            add(new Paragraph(getTranslation("application.posting-closed")));
            return;
        }
        TextArea letter = new TextArea(getTranslation("apply.cover-letter"));
        letter.setMaxLength(ApplicationDraft.COVER_LETTER_MAX);
        letter.setHelperText(getTranslation("apply.cover-letter-help"));
        letter.setWidthFull();
        Select<StoredDocument> cv = new Select<>();
        cv.setLabel(getTranslation("apply.cv"));
        List<StoredDocument> cvs = documents.mine().stream().filter(d -> d.purpose() == DocumentPurpose.CV).toList();
        cv.setItems(cvs);
        cv.setItemLabelGenerator(d -> d == null ? getTranslation("apply.no-cv") : d.fileName());
        cv.setEmptySelectionAllowed(true);
        cv.setEmptySelectionCaption(getTranslation("apply.no-cv"));
        cv.setHelperText(getTranslation("apply.cv-help"));
        cv.setWidth("min(28rem, 100%)");
        AnswersField answers = new AnswersField(posting.draft().questions());
        RecordBinder<ApplicationDraft> binder = new RecordBinder<>(ApplicationDraft.class, Map.of());
        binder.forField(new ReadOnlyHasValue<UUID>(id -> { })).bind("posting");
        binder.forField(letter).bind("coverLetter");
        binder.forField(cv).withConverter(d -> d == null ? null : d.id(),
                (DocumentId id) -> cvs.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null)).bind("cv");
        binder.forField(answers).bind("answers");
        binder.readRecord(new ApplicationDraft(posting.id(), "", cvs.isEmpty() ? null : cvs.getFirst().id(), List.of()));
        Button apply = new Button(getTranslation("apply.send"), click -> {
            try {
                applications.apply(binder.write());
                Views.success(getTranslation("apply.sent", posting.draft().title()));
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, binder.fields());
            }
        });
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        Paragraph consent = new Paragraph(getTranslation("apply.consent", posting.organisationName()));
        consent.addClassName("academy-note");
        add(letter, cv, answers, consent, apply);
    }
}
