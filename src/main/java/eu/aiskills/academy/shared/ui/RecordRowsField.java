package eu.aiskills.academy.shared.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * A list of records as one field of a form: a row of fields per record, each row bound to its
 * record by a {@link RecordBinder}, rows added and removed by the person. {@code fields} makes a
 * row's fields and binds them; rows that {@code keep} refuses (left empty) are not part of the value.
 * With {@link #withRows}, each row is a named group laid out by a style class of its own.
 */
public class RecordRowsField<R extends Record> extends CustomField<List<R>> {

    private final Class<R> type;
    private final String removeLabelKey;
    private final Supplier<R> blank;
    private final Function<RecordBinder<R>, List<Component>> fields;
    private final Predicate<R> keep;
    private final Div rows = new Div();
    private final List<RecordBinder<R>> binders = new ArrayList<>();
    private String rowClass;
    private String groupLabelKey;
    private Function<R, String> rowName;

    public RecordRowsField(Class<R> type, String addLabelKey, String removeLabelKey, Supplier<R> blank,
                           Function<RecordBinder<R>, List<Component>> fields, Predicate<R> keep) {
        this.type = type;
        this.removeLabelKey = removeLabelKey;
        this.blank = blank;
        this.fields = fields;
        this.keep = keep;
        Button add = new Button(getTranslation(addLabelKey), VaadinIcon.PLUS.create(), click -> {
            addRow(this.blank.get());
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.TERTIARY);
        add(rows, add);
    }

    /**
     * Rows are {@code Div}s of style class {@code rowClass} (which lays their fields out), each a
     * group named for assistive technology by {@code groupLabelKey} with the row's name; the
     * remove button's label gets the name too.
     */
    public RecordRowsField<R> withRows(String rowClass, String groupLabelKey, Function<R, String> rowName) {
        this.rowClass = rowClass;
        this.groupLabelKey = groupLabelKey;
        this.rowName = rowName;
        return this;
    }

    @Override
    protected List<R> generateModelValue() {
        return binders.stream().map(RecordBinder::write).filter(keep).toList();
    }

    @Override
    protected void setPresentationValue(List<R> values) {
        binders.clear();
        rows.removeAll();
        (values == null ? List.<R>of() : values).forEach(this::addRow);
    }

    private void addRow(R value) {
        RecordBinder<R> binder = new RecordBinder<>(type, Map.of());
        Component row = rowClass == null ? new HorizontalLayout() : new Div();
        HasComponents container = (HasComponents) row;
        container.add(fields.apply(binder).toArray(Component[]::new));
        binder.readRecord(value);
        binder.addValueChangeListener(change -> updateValue());
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
            binders.remove(binder);
            row.removeFromParent();
            updateValue();
        });
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        String name = rowName == null ? null : rowName.apply(value);
        remove.setAriaLabel(getTranslation(removeLabelKey, name));
        container.add(remove);
        if (row instanceof HorizontalLayout line) {
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            line.addClassName("academy-period");
        } else {
            ((Div) row).addClassName(rowClass);
            row.getElement().setAttribute("role", "group");
            row.getElement().setAttribute("aria-label", getTranslation(groupLabelKey, name));
        }
        binders.add(binder);
        rows.add(row);
    }
}
