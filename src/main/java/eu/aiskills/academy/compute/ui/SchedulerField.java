package eu.aiskills.academy.compute.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.compute.FactoryEdit;
import eu.aiskills.academy.compute.SchedulerEndpoint;

/**
 * Where a factory's Slurm REST endpoint is, as one field of its form: address, API version, the
 * Slurm user jobs run as, and the working directory; empty (no endpoint) while the address is
 * blank. The registry's refusals name the part they concern ({@link #parts}).
 */
class SchedulerField extends CustomField<SchedulerEndpoint> {

    private final TextField url = new TextField(getTranslation("factory-edit.scheduler-url"));
    private final Select<String> apiVersion = new Select<>();
    private final TextField user = new TextField(getTranslation("factory-edit.scheduler-user"));
    private final TextField workDir = new TextField(getTranslation("factory-edit.scheduler-work-dir"));
    private final List<String> versions;
    /** While the value is shown, the parts' changes are not the person's. */
    private boolean presenting;

    SchedulerField(List<String> versions) {
        this.versions = versions;
        url.setPlaceholder("https://slurm-rest.factory.example:6820");
        url.setMaxLength(FactoryEdit.SCHEDULER_URL_MAX);
        apiVersion.setLabel(getTranslation("factory-edit.scheduler-version"));
        apiVersion.setItems(versions);
        user.setMaxLength(FactoryEdit.SCHEDULER_USER_MAX);
        workDir.setMaxLength(FactoryEdit.WORK_DIR_MAX);
        url.addValueChangeListener(change -> changed());
        apiVersion.addValueChangeListener(change -> changed());
        user.addValueChangeListener(change -> changed());
        workDir.addValueChangeListener(change -> changed());
        add(new FormLayout(url, apiVersion, user, workDir));
        // The parts show what "no endpoint" starts from (the binder sets no value equal to the current one).
        setPresentationValue(null);
    }

    private void changed() {
        if (!presenting) {
            updateValue();
        }
    }

    @Override
    protected SchedulerEndpoint generateModelValue() {
        return url.getValue().isBlank() ? null
                : new SchedulerEndpoint(url.getValue(), apiVersion.getValue(), user.getValue(), workDir.getValue());
    }

    @Override
    protected void setPresentationValue(SchedulerEndpoint endpoint) {
        presenting = true;
        url.setValue(endpoint == null ? "" : endpoint.url());
        apiVersion.setValue(endpoint == null ? versions.getLast() : endpoint.apiVersion());
        user.setValue(endpoint == null ? "" : endpoint.user());
        workDir.setValue(endpoint == null ? "/tmp" : endpoint.workDir());
        presenting = false;
    }

    /** The parts by the names the registry's refusals use. */
    Map<String, HasValidation> parts() {
        return Map.of("schedulerUrl", url, "schedulerApiVersion", apiVersion, "schedulerUser", user, "schedulerWorkDir", workDir);
    }
}
