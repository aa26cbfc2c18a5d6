package eu.aiskills.academy.fellowships.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.StoredDocument;

/**
 * The documents a call requires, as one field of the application form: for each required document
 * (by its name in the call), one of the applicant's stored files; the value maps names to the
 * chosen files. A refusal of the documents is shown on the first.
 */
class AttachmentsField extends CustomField<Map<String, DocumentId>> {

    private final Map<String, Select<StoredDocument>> attachments = new LinkedHashMap<>();
    private final List<StoredDocument> files;

    AttachmentsField(List<String> required, List<StoredDocument> files) {
        this.files = files;
        HorizontalLayout row = new HorizontalLayout();
        row.setWrap(true);
        for (String name : required) {
            Select<StoredDocument> file = new Select<>();
            file.setLabel(name);
            file.setItems(files);
            file.setItemLabelGenerator(d -> d == null ? getTranslation("fellowship.apply.no-file") : d.fileName());
            file.setEmptySelectionAllowed(true);
            file.setEmptySelectionCaption(getTranslation("fellowship.apply.no-file"));
            file.addValueChangeListener(change -> updateValue());
            attachments.put(name, file);
            row.add(file);
        }
        add(row);
    }

    @Override
    protected Map<String, DocumentId> generateModelValue() {
        Map<String, DocumentId> chosen = new LinkedHashMap<>();
        attachments.forEach((name, select) -> {
            if (select.getValue() != null) {
                chosen.put(name, select.getValue().id());
            }
        });
        return chosen;
    }

    @Override
    protected void setPresentationValue(Map<String, DocumentId> chosen) {
        attachments.forEach((name, select) -> {
            DocumentId id = chosen == null ? null : chosen.get(name);
            select.setValue(files.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null));
        });
    }

    @Override
    public void setErrorMessage(String message) {
        attachments.values().stream().findFirst().ifPresent(first -> first.setErrorMessage(message));
    }

    @Override
    public void setInvalid(boolean invalid) {
        attachments.values().stream().findFirst().ifPresent(first -> first.setInvalid(invalid));
    }
}
