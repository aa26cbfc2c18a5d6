package eu.aiskills.academy.talent.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.shared.UserFacingException;
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
        if (!cvs.isEmpty()) {
            cv.setValue(cvs.getFirst());
        }
        List<TextArea> answers = new ArrayList<>();
        for (String question : posting.draft().questions()) {
            TextArea answer = new TextArea(question);
            answer.setMaxLength(ApplicationDraft.ANSWER_MAX);
            answer.setRequired(true);
            answer.setWidthFull();
            answers.add(answer);
        }
        Button apply = new Button(getTranslation("apply.send"), click -> {
            try {
                applications.apply(new ApplicationDraft(posting.id(), letter.getValue(), cv.getValue() == null ? null : cv.getValue().id(),
                        answers.stream().map(TextArea::getValue).toList()));
                Views.success(getTranslation("apply.sent", posting.draft().title()));
                render();
            } catch (UserFacingException e) {
                HasValidation answerField = answers.stream().filter(a -> a.getValue().isBlank()).findFirst()
                        .map(a -> (HasValidation) a).orElse(answers.isEmpty() ? letter : answers.getFirst());
                Views.showRejection(this, e, Map.of("coverLetter", letter, "cv", cv, "answers", answerField));
            }
        });
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        Paragraph consent = new Paragraph(getTranslation("apply.consent", posting.organisationName()));
        consent.addClassName("academy-note");
        add(letter, cv);
        answers.forEach(this::add);
        add(consent, apply);
    }
}
