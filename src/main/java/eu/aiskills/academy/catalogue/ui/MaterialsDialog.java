package eu.aiskills.academy.catalogue.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.aiskills.academy.catalogue.AuthoredCourse;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.LessonMaterial;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.UploadTexts;
import eu.aiskills.academy.shared.ui.Views;

/** Upload and remove a lesson's materials; each upload is checked by the documents module first. */
class MaterialsDialog extends Dialog {

    MaterialsDialog(CourseAuthoring authoring, Documents documents, AuthoredCourse course, AuthoredCourse.Lesson lesson) {
        setHeaderTitle(getTranslation("authoring.materials-of", lesson.draft().title()));
        setWidth("min(40rem, 95vw)");
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.addClassName("academy-materials");
        Runnable refresh = () -> {
            list.removeAll();
            List<LessonMaterial> attached = authoring.materials(course.id()).getOrDefault(lesson.id(), List.of());
            if (attached.isEmpty()) {
                list.add(new com.vaadin.flow.component.html.ListItem(getTranslation("authoring.materials-none")));
            }
            for (LessonMaterial material : attached) {
                Button remove = CourseEditorView.iconButton(VaadinIcon.TRASH, getTranslation("authoring.delete", material.title()), () -> { });
                remove.addThemeVariants(ButtonVariant.ERROR);
                com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem(
                        new com.vaadin.flow.component.html.Span(material.title() + " · " + getTranslation(material.kind().messageKey())),
                        remove);
                remove.addClickListener(click -> {
                    authoring.removeMaterial(course.id(), material.id());
                    list.remove(item);
                });
                list.add(item);
            }
        };
        refresh.run();
        Locale locale = getLocale();
        Upload upload = new Upload(new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) {
                com.vaadin.flow.component.UI ui = event.getUI();
                try {
                    StoredDocument stored = documents.store(DocumentPurpose.COURSE_MATERIAL, event.getFileName(),
                            event.getInputStream());
                    authoring.attachMaterial(course.id(), lesson.id(), stored.id());
                    ui.access(() -> {
                        refresh.run();
                        Views.success(Translations.get(locale, "authoring.material-attached", stored.fileName()));
                    });
                } catch (UserFacingException rejection) {
                    String reason = Translations.get(locale, rejection.messageKey(), rejection.arguments());
                    event.reject(reason);
                    ui.access(() -> Views.error(Translations.get(locale, "documents.rejection", event.getFileName(), reason)));
                }
            }
        });
        upload.setAcceptedFileTypes(".pdf", ".docx", ".pptx", ".odt", ".odp", ".html", ".htm", ".md", ".ipynb", ".txt");
        upload.setMaxFileSize((int) DocumentPurpose.COURSE_MATERIAL.maxBytes());
        upload.setI18n(UploadTexts.of(locale));
        upload.addFileRejectedListener(e -> Views.error(getTranslation("documents.rejection", e.getFileName(), e.getErrorMessage())));
        com.vaadin.flow.component.html.Paragraph hint = new com.vaadin.flow.component.html.Paragraph(getTranslation(
                "documents.accepts", DocumentPurpose.COURSE_MATERIAL.acceptedKinds(), DocumentPurpose.COURSE_MATERIAL.maxBytes() / (1024 * 1024)));
        hint.addClassName("academy-note");
        add(list, hint, upload);
        getFooter().add(new Button(getTranslation("common.close"), click -> close()));
    }
}
