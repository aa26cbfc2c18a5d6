package eu.aiskills.academy.fellowships.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import eu.aiskills.academy.fellowships.HostOffer;

/**
 * An applicant's host offers in order of preference, as one field of the application form: one
 * choice per place the call allows, the value the chosen offers' ids in order (none chosen twice).
 * A refusal of the choices is shown on the first.
 */
class ChoicesField extends CustomField<List<UUID>> {

    private final List<Select<HostOffer>> choices = new ArrayList<>();
    private final List<HostOffer> offers;

    ChoicesField(List<HostOffer> offers, int places) {
        this.offers = offers;
        HorizontalLayout row = new HorizontalLayout();
        row.setWrap(true);
        for (int i = 0; i < places; i++) {
            Select<HostOffer> choice = new Select<>();
            choice.setLabel(getTranslation("fellowship.apply.choice", i + 1));
            choice.setItems(offers);
            choice.setItemLabelGenerator(o -> o == null ? getTranslation("fellowship.apply.no-choice") : o.topic() + " · " + o.organisationName());
            choice.setEmptySelectionAllowed(true);
            choice.setEmptySelectionCaption(getTranslation("fellowship.apply.no-choice"));
            choice.setWidth("24rem");
            choice.addValueChangeListener(change -> updateValue());
            choices.add(choice);
            row.add(choice);
        }
        add(row);
    }

    @Override
    protected List<UUID> generateModelValue() {
        return choices.stream().map(Select::getValue).filter(Objects::nonNull).map(HostOffer::id).distinct().toList();
    }

    @Override
    protected void setPresentationValue(List<UUID> chosen) {
        for (int i = 0; i < choices.size(); i++) {
            UUID id = chosen != null && i < chosen.size() ? chosen.get(i) : null;
            choices.get(i).setValue(offers.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null));
        }
    }

    @Override
    public void setErrorMessage(String message) {
        choices.stream().findFirst().ifPresent(first -> first.setErrorMessage(message));
    }

    @Override
    public void setInvalid(boolean invalid) {
        choices.stream().findFirst().ifPresent(first -> first.setInvalid(invalid));
    }
}
