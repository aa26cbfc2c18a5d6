package eu.aiskills.academy.shared.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import eu.aiskills.academy.shared.UserFacingException;

/**
 * A dialog that edits one record through a {@link RecordBinder} and hands it to a service: Save
 * writes the record, the service decides, a refusal is shown beside its field, an acceptance
 * closes the dialog and runs {@code saved}.
 */
public abstract class RecordDialog<R extends Record> extends Dialog {

    protected final RecordBinder<R> binder;

    /** {@code aliases} maps the field names of a service's refusals to record components where they differ. */
    protected RecordDialog(Class<R> type, Map<String, String> aliases) {
        binder = new RecordBinder<>(type, aliases);
    }

    /** Cancel and Save in the footer. */
    protected void addFooter(Consumer<R> service, Runnable saved) {
        addFooter("authoring.saved", service, saved);
    }

    /** Cancel and Save in the footer; {@code savedKey} is what a person reads once it is saved. */
    protected void addFooter(String savedKey, Consumer<R> service, Runnable saved) {
        Button save = new Button(getTranslation("authoring.save"), click -> {
            try {
                service.accept(binder.write());
                close();
                Views.success(getTranslation(savedKey));
                saved.run();
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, binder.fields());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }
}
