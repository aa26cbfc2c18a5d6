package eu.aiskills.academy.documents.ui;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.UploadTexts;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * A person's files: upload (each file with its progress and, if refused, the reason beside it),
 * the list with what was read from each, preview of the text, download and deletion.
 */
@Route(DocumentsView.ROUTE)
@PermitAll
@Menu(title = "nav.documents", order = 30, icon = "vaadin:file-text-o")
public class DocumentsView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "documents";
    static final int PREVIEW_CHARS = 20_000;

    private final transient Documents documents;
    final Select<DocumentPurpose> purpose = new Select<>();
    final Paragraph hint = new Paragraph();
    final Upload upload;
    final Grid<StoredDocument> grid = new Grid<>();
    /** Why each refused file was refused, announced to screen readers as it appears. */
    final UnorderedList rejections = new UnorderedList();
    private final Div rejectionBox = new Div();
    /** Read by the upload request, which does not hold the UI lock. */
    private volatile DocumentPurpose chosen = DocumentPurpose.CV;

    DocumentsView(Documents documents) {
        this.documents = documents;
        addClassName("academy-documents");
        Locale locale = getLocale();

        List<DocumentPurpose> purposes = new ArrayList<>(List.of(DocumentPurpose.CV, DocumentPurpose.APPLICATION_ATTACHMENT));
        if (CurrentUser.hasRole(Roles.INSTRUCTOR) || CurrentUser.hasRole(Roles.ADMIN)) {
            purposes.add(DocumentPurpose.COURSE_MATERIAL);
        }
        purpose.setLabel(getTranslation("documents.purpose"));
        purpose.setItems(purposes);
        purpose.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        purpose.setValue(chosen);
        purpose.addValueChangeListener(e -> {
            chosen = e.getValue();
            describe();
        });
        hint.addClassName("academy-note");

        upload = new Upload(handler());
        upload.setMaxFiles(10);
        upload.setDropAllowed(true);
        upload.setAcceptedFileTypes(".pdf", ".docx", ".pptx", ".odt", ".odp", ".html", ".htm", ".md", ".ipynb", ".txt");
        upload.addClassName("academy-upload");
        upload.setI18n(UploadTexts.of(locale));
        upload.addFileRejectedListener(e -> reject(e.getFileName(), e.getErrorMessage()));
        describe();

        H2 rejectionsTitle = new H2(getTranslation("documents.rejections"));
        rejectionsTitle.addClassName("academy-small-heading");
        rejectionBox.add(rejectionsTitle, rejections);
        rejectionBox.addClassName("academy-rejections");
        rejectionBox.getElement().setAttribute("role", "alert");
        rejectionBox.setVisible(false);

        grid.addColumn(StoredDocument::fileName).setKey("name").setHeader(getTranslation("documents.name")).setFlexGrow(2);
        grid.addColumn(d -> getTranslation(d.kind().messageKey())).setHeader(getTranslation("documents.kind")).setAutoWidth(true);
        grid.addColumn(d -> size(d.sizeBytes(), locale)).setHeader(getTranslation("documents.size")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation(d.purpose().messageKey())).setHeader(getTranslation("documents.purpose")).setAutoWidth(true);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale);
        grid.addColumn(d -> date.format(d.createdAt().atZone(ZoneId.systemDefault())))
                .setHeader(getTranslation("documents.uploaded")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation(d.textTruncated() ? "documents.text.truncated" : "documents.text.length", d.textLength()))
                .setHeader(getTranslation("documents.text")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("admin.accounts.actions"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("documents.none"));
        grid.setAllRowsVisible(true);

        add(new H1(getTranslation("documents.title")), new Paragraph(getTranslation("documents.intro")), purpose, hint,
                upload, rejectionBox, grid);
        refresh();
    }

    private UploadHandler handler() {
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) {
                UI ui = event.getUI();
                Locale locale = ui.getLocale();
                DocumentPurpose target = chosen;
                if (event.getFileSize() > target.maxBytes()) {
                    String reason = Translations.get(locale, "documents.too-large", target.maxBytes() / (1024 * 1024));
                    event.reject(reason);
                    ui.access(() -> reject(event.getFileName(), reason));
                    return;
                }
                try {
                    StoredDocument stored = documents.store(target, event.getFileName(), event.getInputStream());
                    ui.access(() -> {
                        forget(event.getFileName());
                        refresh();
                        Views.success(Translations.get(locale, "documents.stored", stored.fileName()));
                    });
                } catch (UserFacingException rejection) {
                    String reason = Translations.get(locale, rejection.messageKey(), rejection.arguments());
                    event.reject(reason);
                    ui.access(() -> reject(event.getFileName(), reason));
                }
            }
        };
    }

    /** Shows why a file was refused (replacing an earlier reason for the same name). */
    private void reject(String fileName, String reason) {
        forget(fileName);
        ListItem item = new ListItem(getTranslation("documents.rejection", fileName, reason));
        item.getElement().setAttribute("data-file", fileName);
        rejections.add(item);
        rejectionBox.setVisible(true);
    }

    private void forget(String fileName) {
        rejections.getChildren()
                .filter(c -> fileName.equals(c.getElement().getAttribute("data-file")))
                .toList()
                .forEach(rejections::remove);
        rejectionBox.setVisible(rejections.getComponentCount() > 0);
    }

    private void describe() {
        hint.setText(getTranslation("documents.accepts", chosen.acceptedKinds(), chosen.maxBytes() / (1024 * 1024)));
        upload.setMaxFileSize((int) chosen.maxBytes());
    }

    private Div actions(StoredDocument document) {
        Button text = new Button(getTranslation("documents.show-text"), VaadinIcon.FILE_TEXT_O.create(), e -> showText(document));
        text.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        text.setAriaLabel(getTranslation("documents.show-text-of", document.fileName()));
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                documents.open(document.id()), document.fileName(), document.mediaType(), document.sizeBytes())),
                getTranslation("documents.download"));
        download.getElement().setAttribute("aria-label", getTranslation("documents.download-named", document.fileName()));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(document));
        delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        delete.setAriaLabel(getTranslation("documents.delete-named", document.fileName()));
        Div actions = new Div(text, download, delete);
        actions.addClassName("academy-row-actions");
        return actions;
    }

    private void showText(StoredDocument document) {
        String text = documents.text(document.id());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(document.fileName());
        dialog.setWidth("min(60rem, 95vw)");
        Pre content = new Pre(text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + " …" : text);
        content.addClassName("academy-text-preview");
        dialog.add(content);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private void confirmDelete(StoredDocument document) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("documents.delete.title"));
        confirm.setText(getTranslation("documents.delete.text", document.fileName()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("documents.delete.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            documents.delete(document.id());
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(documents.mine());
    }

    static String size(long bytes, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return format.format(bytes) + " B";
        }
        if (bytes < 1024 * 1024) {
            return format.format(bytes / 1024.0) + " KB";
        }
        return format.format(bytes / (1024.0 * 1024)) + " MB";
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "documents.title");
    }
}
