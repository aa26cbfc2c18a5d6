package eu.aiskills.academy.talent.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.Membership;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordDialog;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Seniority;

/**
 * A posting's form, bound to a {@link PostingDraft} (ADR 0019): the fields take the record's
 * limits, {@link Postings} judges the draft, and a refusal is shown beside the field it names.
 */
class PostingDialog extends RecordDialog<PostingDraft> {

    /** Where a refusal names a field differently from the record component. */
    private static final Map<String, String> ALIASES = Map.of("occupation", "occupationUri", "salary", "salaryMin",
            "skills", "requiredSkills");
    private static final List<String> PERIODS = List.of("YEAR", "MONTH", "HOUR");

    PostingDialog(Postings postings, List<Membership> employers, List<Skill> skills, Posting existing, Runnable saved) {
        super(PostingDraft.class, ALIASES);
        setHeaderTitle(getTranslation(existing == null ? "postings.new" : "postings.edit"));
        Select<Membership> organisation = new Select<>();
        organisation.setLabel(getTranslation("postings.field.organisation"));
        organisation.setItems(employers);
        organisation.setItemLabelGenerator(Membership::organisationName);
        organisation.setReadOnly(existing != null);
        Select<PostingKind> kind = choice("postings.field.kind", PostingKind.values(), k -> getTranslation(k.messageKey()));
        TextField title = new TextField(getTranslation("postings.col.title"));
        title.setMaxLength(PostingDraft.TITLE_MAX);
        title.setRequired(true);
        TextArea description = new TextArea(getTranslation("postings.field.description"));
        description.setMaxLength(PostingDraft.DESCRIPTION_MAX);
        Select<Seniority> seniority = choice("postings.field.seniority", Seniority.values(), s -> getTranslation(s.messageKey()));
        Select<RemotePolicy> remote = choice("postings.field.remote", RemotePolicy.values(), r -> getTranslation(r.messageKey()));
        TextField places = new TextField(getTranslation("postings.field.places"));
        places.setHelperText(getTranslation("postings.field.comma-separated"));
        TextField country = new TextField(getTranslation("postings.field.country"));
        country.setMaxLength(PostingDraft.COUNTRY_LENGTH);
        Checkbox visa = new Checkbox(getTranslation("postings.field.visa"));
        BigDecimalField salaryMin = new BigDecimalField(getTranslation("postings.field.salary-min"));
        BigDecimalField salaryMax = new BigDecimalField(getTranslation("postings.field.salary-max"));
        TextField currency = new TextField(getTranslation("postings.field.currency"));
        currency.setMaxLength(PostingDraft.CURRENCY_LENGTH);
        Select<String> period = choice("postings.field.period", PERIODS.toArray(String[]::new),
                p -> getTranslation("postings.period." + p.toLowerCase(Locale.ROOT)));
        TextField languages = new TextField(getTranslation("postings.field.languages"));
        languages.setHelperText(getTranslation("postings.field.language-codes"));
        DatePicker closes = new DatePicker(getTranslation("postings.col.closes"));
        closes.setMin(LocalDate.now(ZoneOffset.UTC));
        IntegerField openings = new IntegerField(getTranslation("postings.field.openings"));
        openings.setMin(1);
        MultiSelectComboBox<Skill> required = new MultiSelectComboBox<>(getTranslation("postings.field.required-skills"));
        required.setItems(skills);
        required.setItemLabelGenerator(Skill::label);
        MultiSelectComboBox<Skill> optional = new MultiSelectComboBox<>(getTranslation("postings.field.optional-skills"));
        optional.setItems(skills);
        optional.setItemLabelGenerator(Skill::label);
        TextArea plan = new TextArea(getTranslation("posting.page.training"));
        plan.setMaxLength(PostingDraft.DESCRIPTION_MAX);
        TextField courses = new TextField(getTranslation("postings.field.courses"));
        courses.setHelperText(getTranslation("postings.field.course-slugs"));
        TextField occupation = new TextField(getTranslation("postings.field.occupation"));
        occupation.setHelperText(getTranslation("postings.field.occupation-help"));
        occupation.setMaxLength(PostingDraft.OCCUPATION_MAX);
        TextArea questions = new TextArea(getTranslation("postings.field.questions"));
        questions.setHelperText(getTranslation("postings.field.questions-help", PostingDraft.QUESTIONS_MAX));

        binder.forField(organisation).withConverter(m -> m == null ? null : m.organisationId(),
                (OrganisationId id) -> employers.stream().filter(m -> m.organisationId().equals(id)).findFirst().orElse(null))
                .bind("organisation");
        binder.forField(kind).bind("kind");
        binder.forField(title).bind("title");
        binder.forField(description).bind("description");
        binder.forField(occupation).withConverter(PostingDialog::orNull, PostingDialog::orEmpty).bind("occupationUri");
        binder.forField(seniority).bind("seniority");
        binder.forField(places).withConverter(PostingDialog::list, PostingDialog::joined).bind("locations");
        binder.forField(remote).bind("remote");
        binder.forField(country).withConverter(code -> code.strip().toUpperCase(Locale.ROOT), PostingDialog::orEmpty).bind("workCountry");
        binder.forField(visa).bind("visaSupport");
        binder.forField(salaryMin).bind("salaryMin");
        binder.forField(salaryMax).bind("salaryMax");
        binder.forField(currency).withConverter(code -> code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT), PostingDialog::orEmpty)
                .bind("salaryCurrency");
        binder.forField(period).bind("salaryPeriod");
        binder.forField(languages).withConverter(PostingDialog::list, PostingDialog::joined).bind("languages");
        binder.forField(closes).bind("closesOn");
        binder.forField(openings).withConverter(n -> n == null ? 0 : n, n -> n).bind("openings");
        binder.forField(required).withConverter(PostingDialog::uris, uris -> chosen(skills, uris)).bind("requiredSkills");
        binder.forField(optional).withConverter(PostingDialog::uris, uris -> chosen(skills, uris)).bind("optionalSkills");
        binder.forField(plan).withConverter(PostingDialog::orNull, PostingDialog::orEmpty).bind("trainingPlan");
        binder.forField(courses).withConverter(PostingDialog::list, PostingDialog::joined).bind("courses");
        binder.forField(questions).withConverter(text -> text.lines().map(String::strip).filter(q -> !q.isEmpty()).toList(),
                (List<String> lines) -> String.join("\n", lines)).bind("questions");
        binder.readRecord(existing != null ? existing.draft() : new PostingDraft(employers.isEmpty() ? null
                : employers.getFirst().organisationId(), PostingKind.JOB, "", "", null, Seniority.MID, List.of(), RemotePolicy.HYBRID, null,
                false, null, null, null, null, List.of(), LocalDate.now(ZoneOffset.UTC).plusDays(30), 1, List.of(), List.of(), null,
                List.of(), List.of()));

        FormLayout form = new FormLayout(organisation, kind, title, seniority, description, remote, places, country, visa, salaryMin,
                salaryMax, currency, period, languages, closes, openings, required, optional, occupation, plan, courses, questions);
        form.setColspan(description, 2);
        form.setColspan(questions, 2);
        form.setColspan(plan, 2);
        add(form);
        addFooter("postings.saved", draft -> {
            if (draft.organisation() == null) {
                throw UserFacingException.onField("organisation", "postings.no-organisation");
            }
            if (existing == null) {
                postings.create(draft);
            } else {
                postings.update(existing.id(), draft);
            }
        }, saved);
        setWidth("min(64rem, 95vw)");
    }

    private <T> Select<T> choice(String label, T[] values, ItemLabelGenerator<T> labels) {
        Select<T> select = new Select<>();
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setItemLabelGenerator(labels);
        return select;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    private static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static List<String> uris(Set<Skill> chosen) {
        return chosen.stream().map(Skill::uri).sorted().toList();
    }

    private static Set<Skill> chosen(List<Skill> skills, Collection<String> uris) {
        return skills.stream().filter(s -> uris.contains(s.uri())).collect(Collectors.toSet());
    }
}
