package eu.aiskills.academy.fellowships.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.fellowships.ApplicantFacts;
import eu.aiskills.academy.fellowships.ApplicantFacts.CareerBreak;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.fellowships.ApplicantFacts.Residence;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.RecordRowsField;
import eu.aiskills.academy.shared.ui.Views;

/**
 * What an applicant declares for a call's eligibility rules, as one field of the application
 * form: nationality, doctorate and its date, where they lived and when, career breaks; bound to
 * {@link ApplicantFacts}. A refusal names the part it concerns ({@link #parts}).
 */
class ApplicantFactsField extends CustomField<ApplicantFacts> {

    private final RecordBinder<ApplicantFacts> binder = new RecordBinder<>(ApplicantFacts.class, Map.of());
    private final ComboBox<String> nationality = new ComboBox<>();
    private final DatePicker phdDate = new DatePicker();
    private final RecordRowsField<Residence> residences;
    private final RecordRowsField<CareerBreak> breaks;
    /** While a value is shown, the parts' changes are not the person's. */
    private boolean presenting;

    ApplicantFactsField(Locale locale) {
        nationality.setLabel(getTranslation("fellowship.apply.nationality"));
        nationality.setItems(Views.countriesByName(locale));
        nationality.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(locale));
        Select<PhdStatus> phd = new Select<>();
        phd.setLabel(getTranslation("fellowship.apply.phd"));
        phd.setItems(PhdStatus.values());
        phd.setItemLabelGenerator(s -> s == null ? "" : getTranslation(s.messageKey()));
        phdDate.setLabel(getTranslation("fellowship.apply.phd-date"));
        phdDate.setHelperText(getTranslation("fellowship.apply.phd-date-help"));
        residences = new RecordRowsField<>(Residence.class, "fellowship.apply.add-residence", "fellowship.apply.remove-period",
                () -> new Residence(null, null, null), row -> {
                    ComboBox<String> country = new ComboBox<>(getTranslation("profile.country"));
                    country.setItems(Views.countriesByName(locale));
                    country.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(locale));
                    DatePicker from = new DatePicker(getTranslation("fellowship.apply.from"));
                    DatePicker to = new DatePicker(getTranslation("fellowship.apply.to"));
                    to.setHelperText(getTranslation("fellowship.apply.to-help"));
                    row.forField(country).bind("country");
                    row.forField(from).bind("from");
                    row.forField(to).bind("to");
                    return List.of(country, from, to);
                }, r -> r.country() != null || r.from() != null);
        breaks = new RecordRowsField<>(CareerBreak.class, "fellowship.apply.add-break", "fellowship.apply.remove-period",
                () -> new CareerBreak(null, null, ""), row -> {
                    DatePicker from = new DatePicker(getTranslation("fellowship.apply.from"));
                    DatePicker to = new DatePicker(getTranslation("fellowship.apply.to"));
                    TextField reason = new TextField(getTranslation("fellowship.apply.reason"));
                    reason.setMaxLength(ApplicantFacts.BREAK_REASON_MAX);
                    row.forField(from).bind("from");
                    row.forField(to).bind("to");
                    row.forField(reason).withNullRepresentation("").bind("reason");
                    return List.of(from, to, reason);
                }, b -> b.from() != null || b.to() != null);
        binder.forField(nationality).bind("nationality");
        binder.forField(residences).bind("residences");
        binder.forField(phd).bind("phd");
        binder.forField(phdDate).bind("phdDate");
        binder.forField(breaks).bind("careerBreaks");
        binder.addValueChangeListener(change -> {
            if (!presenting) {
                updateValue();
            }
        });
        HorizontalLayout about = new HorizontalLayout(nationality, phd, phdDate);
        about.setWrap(true);
        add(new H2(getTranslation("fellowship.apply.about")), about,
                new H2(getTranslation("fellowship.apply.residences")), new Paragraph(getTranslation("fellowship.apply.residences-help")),
                residences,
                new H2(getTranslation("fellowship.apply.breaks")), new Paragraph(getTranslation("fellowship.apply.breaks-help")), breaks);
    }

    @Override
    protected ApplicantFacts generateModelValue() {
        return binder.write();
    }

    @Override
    protected void setPresentationValue(ApplicantFacts facts) {
        presenting = true;
        binder.readRecord(facts == null ? ApplicantFacts.empty() : facts);
        presenting = false;
    }

    /** The parts by the names the application service's refusals use. */
    Map<String, HasValidation> parts() {
        return Map.of("nationality", nationality, "phdDate", phdDate, "residences", residences, "careerBreaks", breaks);
    }
}
