package eu.aiskills.academy.documents.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.TestFiles;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Uploading, reading, refusing and deleting files through the documents page. */
@AcademyTest
class DocumentsViewTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    private DocumentsView open(String email, Locale locale) {
        KaribuSupport.signIn(context, email);
        KaribuSupport.setUp(context, locale);
        UI.getCurrent().navigate(DocumentsView.ROUTE);
        return _get(DocumentsView.class);
    }

    @Test
    void uploadsReadsAndDeletesAFile() throws Exception {
        DocumentsView view = open("fellow@academy.test", Locale.ENGLISH);
        int before = _size(view.grid);
        assertThat(view.hint.getText()).isEqualTo(
                "Accepted: PDF, Word (.docx), OpenDocument text (.odt), Markdown, Plain text; at most 10 MB per file.");

        UploadKt._upload(view.upload, "my-cv.docx", TestFiles.docx("Researcher in federated learning", "CV"));
        MockVaadin.clientRoundtrip(false);

        assertThat(_size(view.grid)).isEqualTo(before + 1);
        assertThat(_getFormatted(view.grid, 0, "name")).isEqualTo("my-cv.docx");
        assertThat(view.rejections.getComponentCount()).isZero();

        _click(_get(_getCellComponent(view.grid, 0, "actions"), Button.class, spec -> spec.withText("Text")));
        Dialog dialog = _get(Dialog.class);
        assertThat(_get(dialog, Pre.class).getText()).contains("Researcher in federated learning");
        dialog.close();

        _click(_get(_getCellComponent(view.grid, 0, "actions"), Button.class,
                spec -> spec.withAttribute("aria-label", "Delete my-cv.docx")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).contains("my-cv.docx will be deleted");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(_size(view.grid)).isEqualTo(before);
    }

    @Test
    void aRefusedFileIsListedWithItsReasonInTheUsersLanguage() throws Exception {
        DocumentsView view = open("student@academy.test", Locale.GERMAN);
        int before = _size(view.grid);

        UploadKt._upload(view.upload, "lebenslauf.pdf", TestFiles.encryptedPdf("Geheim"));
        UploadKt._upload(view.upload, "setup.pdf", TestFiles.windowsProgram());
        MockVaadin.clientRoundtrip(false);

        assertThat(_size(view.grid)).isEqualTo(before);
        assertThat(view.rejections.getElement().getTextRecursively())
                .contains("lebenslauf.pdf: Die Datei ist mit einem Passwort geschützt.")
                .contains("setup.pdf: ")
                .contains("PDF, Word (.docx)");
        assertThat(view.rejections.getParent().orElseThrow().isVisible()).isTrue();

        UploadKt._upload(view.upload, "lebenslauf.pdf", TestFiles.pdf("Lebenslauf", "CV"));
        MockVaadin.clientRoundtrip(false);
        assertThat(_size(view.grid)).isEqualTo(before + 1);
        assertThat(view.rejections.getElement().getTextRecursively()).doesNotContain("lebenslauf.pdf");
    }

    @Test
    void onlyInstructorsChooseCourseMaterial() {
        DocumentsView student = open("student@academy.test", Locale.ENGLISH);
        assertThat(student.purpose.getListDataView().getItems()).doesNotContain(DocumentPurpose.COURSE_MATERIAL);
        KaribuSupport.tearDown();

        DocumentsView instructor = open("instructor@academy.test", Locale.ENGLISH);
        @SuppressWarnings("unchecked")
        Select<DocumentPurpose> purpose = _get(instructor, Select.class);
        _setValue(purpose, DocumentPurpose.COURSE_MATERIAL);
        assertThat(instructor.hint.getText()).contains("Jupyter notebook (.ipynb)").contains("50 MB");
    }

    @Test
    void aVisitorIsSentToSignIn() {
        KaribuSupport.setUp(context, Locale.ENGLISH);
        UI.getCurrent().navigate(DocumentsView.ROUTE);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(DocumentsView.class)).isEmpty();
    }
}
