package eu.aiskills.academy.shared.ui;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;

/**
 * A {@link Binder} of a form to the record a service takes (ADR 0019). The service is the one
 * judge of the record: its messages name the limit in the person's language, so the binder's
 * default validators are off and the fields' own constraints (maximum length, minimum) only guide
 * the person as they type. A refusal is shown beside the field it names ({@link #fields}).
 */
public class RecordBinder<R extends Record> extends Binder<R> {

    private final Class<R> type;
    private final Map<String, String> aliases;

    /** {@code aliases}: where a service's refusal names a field differently from the record component it binds. */
    public RecordBinder(Class<R> type, Map<String, String> aliases) {
        super(type);
        this.type = type;
        this.aliases = Map.copyOf(aliases);
        setDefaultValidatorsEnabled(false);
    }

    /** The record as the form shows it; the fields' marks from an earlier refusal are cleared. */
    public R write() {
        fields().values().forEach(field -> field.setInvalid(false));
        try {
            return writeRecord();
        } catch (ValidationException e) {
            // The bindings convert only; nothing here refuses a value (the service does).
            throw new IllegalStateException(e);
        }
    }

    /** The bound fields by the names a refusal of the record uses: the components' names and the aliases. */
    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            getBinding(component.getName()).map(Binding::getField).filter(HasValidation.class::isInstance)
                    .ifPresent(field -> fields.put(component.getName(), (HasValidation) field));
        }
        aliases.forEach((rejected, component) -> {
            if (fields.containsKey(component)) {
                fields.put(rejected, fields.get(component));
            }
        });
        return fields;
    }
}
