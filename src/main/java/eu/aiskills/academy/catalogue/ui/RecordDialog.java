package eu.aiskills.academy.catalogue.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * A dialog that edits one record through a {@link Binder} and hands it to a service: Save writes
 * the record, the service decides, a refusal is shown beside its field, an acceptance closes the
 * dialog and runs {@code saved}. The service is the one judge (the binder's default validators are off).
 */
abstract class RecordDialog<R extends Record> extends Dialog {

    protected final Binder<R> binder;

    RecordDialog(Class<R> type) {
        binder = new Binder<>(type);
        // The service is the one judge of a record (its messages name the limit, in the person's language);
        // the fields' own constraints (minimum, maximum) only guide the person as they type.
        binder.setDefaultValidatorsEnabled(false);
    }

    /** Cancel and Save in the footer; {@code aliases} maps rejection field names to component names where they differ. */
    protected void addFooter(Class<R> type, Map<String, String> aliases, Consumer<R> service, Runnable saved) {
        Button save = new Button(getTranslation("authoring.save"), click -> {
            try {
                service.accept(binder.writeRecord());
                close();
                Views.success(getTranslation("authoring.saved"));
                saved.run();
            } catch (ValidationException e) {
                // The bindings convert only; nothing here refuses a value.
                throw new IllegalStateException(e);
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Views.boundFields(binder, type, aliases));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }
}
