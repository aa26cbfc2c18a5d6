package eu.aiskills.academy.compute.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.compute.FactoryEdit.PartitionEdit;
import eu.aiskills.academy.compute.FactoryEdit;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.RecordRowsField;

/**
 * A factory's partitions as one field of its form: a row per partition (name, GPU model, GPUs per
 * node, nodes, GPU memory), each bound to a {@link PartitionEdit}, rows added and removed. The
 * registry judges them; a refusal of the partitions marks this field.
 */
class PartitionsField extends RecordRowsField<PartitionEdit> {

    PartitionsField() {
        super(PartitionEdit.class, "factory-edit.add-partition", "factory-edit.remove-partition", () -> new PartitionEdit("", "", 4, 1, 80),
                PartitionsField::fields, partition -> true);
        withRows("academy-partition-row", "factory-edit.partition-group", partition -> partition.name().isBlank() ? "…" : partition.name());
    }

    private static List<Component> fields(RecordBinder<PartitionEdit> binder) {
        UI ui = UI.getCurrent();
        TextField name = new TextField(ui.getTranslation("factory-edit.partition-name"));
        name.setMaxLength(FactoryEdit.PARTITION_NAME_MAX);
        TextField model = new TextField(ui.getTranslation("factories.gpu-model"));
        model.setMaxLength(FactoryEdit.GPU_MODEL_MAX);
        IntegerField gpusPerNode = number(ui, "factory-edit.gpus-per-node", 16);
        gpusPerNode.setStepButtonsVisible(true);
        IntegerField nodes = number(ui, "factory-edit.nodes", 100_000);
        IntegerField memory = number(ui, "factories.gpu-memory", 2048);
        memory.setSuffixComponent(new Span("GB"));
        binder.forField(name).bind("name");
        binder.forField(model).bind("gpuModel");
        binder.forField(gpusPerNode).withConverter(PartitionsField::orZero, n -> n).bind("gpusPerNode");
        binder.forField(nodes).withConverter(PartitionsField::orZero, n -> n).bind("nodes");
        binder.forField(memory).withConverter(PartitionsField::orZero, n -> n).bind("gpuMemoryGb");
        return List.of(name, model, gpusPerNode, nodes, memory);
    }

    private static IntegerField number(UI ui, String label, int max) {
        IntegerField field = new IntegerField(ui.getTranslation(label));
        field.setMin(1);
        field.setMax(max);
        return field;
    }

    private static int orZero(Integer number) {
        return number == null ? 0 : number;
    }
}
