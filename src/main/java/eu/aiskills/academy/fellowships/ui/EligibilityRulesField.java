package eu.aiskills.academy.fellowships.ui;

import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.shared.ui.RecordBinder;

/**
 * A call's eligibility rules as one field of the call's form: nationality, time outside the EU,
 * career stage and mobility, bound to an {@link EligibilityRules} so that the call's binder
 * treats them as the one value they are. The service judges them; a refusal marks this field.
 */
class EligibilityRulesField extends CustomField<EligibilityRules> {

    private final RecordBinder<EligibilityRules> binder = new RecordBinder<>(EligibilityRules.class, Map.of());

    EligibilityRulesField() {
        setLabel(getTranslation("fellowship.call.eligibility"));
        Select<EligibilityRules.Nationality> nationality = new Select<>();
        nationality.setLabel(getTranslation("fellowship.admin.nationality"));
        nationality.setItems(EligibilityRules.Nationality.values());
        nationality.setItemLabelGenerator(n -> n == null ? ""
                : getTranslation("fellowship.admin.nationality." + n.name().toLowerCase(Locale.ROOT)));
        Select<EligibilityRules.CareerStage> stage = new Select<>();
        stage.setLabel(getTranslation("fellowship.admin.stage"));
        stage.setItems(EligibilityRules.CareerStage.values());
        stage.setItemLabelGenerator(s -> s == null ? ""
                : getTranslation("fellowship.admin.stage." + s.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        IntegerField outsideMonths = new IntegerField(getTranslation("fellowship.admin.outside-months"));
        IntegerField outsideWindow = new IntegerField(getTranslation("fellowship.admin.outside-window"));
        IntegerField years = new IntegerField(getTranslation("fellowship.admin.years"));
        IntegerField mobilityMonths = new IntegerField(getTranslation("fellowship.admin.mobility-months"));
        IntegerField mobilityWindow = new IntegerField(getTranslation("fellowship.admin.mobility-window"));
        binder.forField(nationality).bind("nationality");
        binder.forField(outsideMonths).bind("outsideEuMonths");
        binder.forField(outsideWindow).bind("outsideEuWindow");
        binder.forField(stage).bind("careerStage");
        binder.forField(years).bind("phdWithinYears");
        binder.forField(mobilityMonths).bind("mobilityMaxMonths");
        binder.forField(mobilityWindow).bind("mobilityWindow");
        binder.addValueChangeListener(change -> updateValue());
        add(new FormLayout(nationality, outsideMonths, outsideWindow, stage, years, mobilityMonths, mobilityWindow));
    }

    @Override
    protected EligibilityRules generateModelValue() {
        return binder.write();
    }

    @Override
    protected void setPresentationValue(EligibilityRules rules) {
        binder.readRecord(rules == null ? EligibilityRules.none() : rules);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        binder.setReadOnly(readOnly);
    }
}
