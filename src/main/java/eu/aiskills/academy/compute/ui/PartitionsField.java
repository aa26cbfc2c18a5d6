package eu.aiskills.academy.compute.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.compute.FactoryEdit;
import eu.aiskills.academy.compute.FactoryEdit.PartitionEdit;
import eu.aiskills.academy.shared.ui.RecordBinder;

/**
 * A factory's partitions as one field of its form: a row per partition (name, GPU model, GPUs per
 * node, nodes, GPU memory), each bound to a {@link PartitionEdit}, rows added and removed. The
 * registry judges them; a refusal of the partitions marks this field.
 */
class PartitionsField extends CustomField<List<PartitionEdit>> {

    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> bound = new ArrayList<>();

    PartitionsField() {
        rows.setPadding(false);
        Button add = new Button(getTranslation("factory-edit.add-partition"), VaadinIcon.PLUS.create(), click -> {
            add(new PartitionEdit("", "", 4, 1, 80));
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.TERTIARY);
        add(rows, add);
    }

    @Override
    protected List<PartitionEdit> generateModelValue() {
        return bound.stream().map(row -> row.binder.write()).toList();
    }

    @Override
    protected void setPresentationValue(List<PartitionEdit> partitions) {
        bound.clear();
        rows.removeAll();
        (partitions == null ? List.<PartitionEdit>of() : partitions).forEach(this::add);
    }

    private void add(PartitionEdit edit) {
        Row row = new Row(edit);
        bound.add(row);
        rows.add(row.layout);
    }

    /** One partition's fields. */
    private final class Row {

        private final RecordBinder<PartitionEdit> binder = new RecordBinder<>(PartitionEdit.class, Map.of());
        private final Div layout = new Div();

        Row(PartitionEdit edit) {
            TextField name = new TextField(getTranslation("factory-edit.partition-name"));
            name.setMaxLength(FactoryEdit.PARTITION_NAME_MAX);
            TextField model = new TextField(getTranslation("factories.gpu-model"));
            model.setMaxLength(FactoryEdit.GPU_MODEL_MAX);
            IntegerField gpusPerNode = number("factory-edit.gpus-per-node", 16);
            gpusPerNode.setStepButtonsVisible(true);
            IntegerField nodes = number("factory-edit.nodes", 100_000);
            IntegerField memory = number("factories.gpu-memory", 2048);
            memory.setSuffixComponent(new Span("GB"));
            binder.forField(name).bind("name");
            binder.forField(model).bind("gpuModel");
            binder.forField(gpusPerNode).withConverter(Row::orZero, n -> n).bind("gpusPerNode");
            binder.forField(nodes).withConverter(Row::orZero, n -> n).bind("nodes");
            binder.forField(memory).withConverter(Row::orZero, n -> n).bind("gpuMemoryGb");
            binder.readRecord(edit);
            binder.addValueChangeListener(change -> updateValue());
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                bound.remove(this);
                rows.remove(layout);
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel(getTranslation("factory-edit.remove-partition", edit.name()));
            layout.add(name, model, gpusPerNode, nodes, memory, remove);
            layout.addClassName("academy-partition-row");
            layout.getElement().setAttribute("role", "group");
            layout.getElement().setAttribute("aria-label", getTranslation("factory-edit.partition-group",
                    edit.name().isBlank() ? "…" : edit.name()));
        }

        private IntegerField number(String label, int max) {
            IntegerField field = new IntegerField(getTranslation(label));
            field.setMin(1);
            field.setMax(max);
            return field;
        }

        private static int orZero(Integer number) {
            return number == null ? 0 : number;
        }
    }
}
