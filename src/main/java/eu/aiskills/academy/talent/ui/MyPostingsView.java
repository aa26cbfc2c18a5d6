package eu.aiskills.academy.talent.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.Membership;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.PostingStatus;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Seniority;
import jakarta.annotation.security.RolesAllowed;

/** An employer's postings: write one, publish it, change it (as a new revision), close it early, mark it filled. */
@Route("my-postings")
@RolesAllowed(Roles.EMPLOYER)
@Menu(title = "nav.my-postings", order = 25, icon = "vaadin:briefcase")
class MyPostingsView extends VerticalLayout implements HasDynamicTitle {

    private final transient Postings postings;
    private final transient Catalogue catalogue;
    private final transient OrganisationManagement organisations;
    private final Grid<Posting> grid = new Grid<>();

    MyPostingsView(Postings postings, Catalogue catalogue, OrganisationManagement organisations) {
        this.postings = postings;
        this.catalogue = catalogue;
        this.organisations = organisations;
        addClassName("academy-my-postings");
        add(new H1(getTranslation("postings.title")), new Paragraph(getTranslation("postings.intro")));
        Button create = new Button(getTranslation("postings.new"), click -> editor(null));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        add(create);
        grid.addComponentColumn(p -> new RouterLink(p.draft().title(), PostingView.class,
                new RouteParameters(Map.of("id", p.id().toString())))).setHeader(getTranslation("postings.col.title")).setFlexGrow(3);
        grid.addColumn(p -> getTranslation(p.draft().kind().messageKey())).setHeader(getTranslation("postings.col.kind")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.status().messageKey())).setHeader(getTranslation("authoring.field.status")).setAutoWidth(true);
        grid.addColumn(p -> Views.date(this, p.draft().closesOn())).setHeader(getTranslation("postings.col.closes")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("postings.col.actions")).setAutoWidth(true).setKey("actions");
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(postings.mine());
    }

    private HorizontalLayout actions(Posting posting) {
        HorizontalLayout actions = new HorizontalLayout();
        if (posting.status() != PostingStatus.DRAFT) {
            RouterLink pipeline = new RouterLink(getTranslation("postings.applications"), PipelineView.class,
                    new RouteParameters(Map.of("id", posting.id().toString())));
            pipeline.getElement().setAttribute("aria-label", getTranslation("postings.applications-of", posting.draft().title()));
            actions.add(pipeline);
        }
        if (posting.status() == PostingStatus.DRAFT || posting.status() == PostingStatus.PUBLISHED) {
            actions.add(action("postings.edit", () -> editor(posting)));
        }
        actions.add(action("postings.history", () -> history(posting)));
        if (posting.status() == PostingStatus.DRAFT) {
            actions.add(action("postings.publish", () -> postings.publish(posting.id())));
        }
        if (posting.status() == PostingStatus.PUBLISHED) {
            actions.add(action("postings.close", () -> postings.close(posting.id())));
        }
        if (posting.status() == PostingStatus.PUBLISHED || posting.status() == PostingStatus.CLOSED) {
            actions.add(action("postings.filled", () -> postings.filled(posting.id())));
        }
        return actions;
    }

    /** Every saved version of a posting: number, status then, who and when. */
    private void history(Posting posting) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("postings.history-of", posting.draft().title()));
        Grid<Postings.Revision> revisions = new Grid<>();
        revisions.addColumn(Postings.Revision::number).setHeader(getTranslation("postings.revision")).setAutoWidth(true);
        revisions.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("authoring.field.status"))
                .setAutoWidth(true);
        revisions.addColumn(Postings.Revision::title).setHeader(getTranslation("postings.col.title")).setFlexGrow(2);
        revisions.addColumn(Postings.Revision::editedByName).setHeader(getTranslation("postings.edited-by")).setAutoWidth(true);
        revisions.addColumn(r -> Views.dateTime(this, r.editedAt(), java.time.ZoneId.systemDefault()))
                .setHeader(getTranslation("postings.edited-at")).setAutoWidth(true);
        revisions.setItems(postings.history(posting.id()));
        revisions.setAllRowsVisible(true);
        dialog.add(revisions);
        dialog.setWidth("min(60rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        add(dialog);
        dialog.open();
    }

    private Button action(String key, Runnable work) {
        Button button = new Button(getTranslation(key), click -> {
            try {
                work.run();
                refresh();
            } catch (UserFacingException e) {
                Views.error(getTranslation(e.messageKey(), e.arguments()));
            }
        });
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }

    private void editor(Posting existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "postings.new" : "postings.edit"));
        List<Membership> employers = organisations.myMemberships().stream()
                .filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).toList();
        Select<Membership> organisation = new Select<>();
        organisation.setLabel(getTranslation("postings.field.organisation"));
        organisation.setItems(employers);
        organisation.setItemLabelGenerator(Membership::organisationName);
        Select<PostingKind> kind = enumSelect("postings.field.kind", PostingKind.values(), k -> getTranslation(k.messageKey()));
        TextField title = new TextField(getTranslation("postings.col.title"));
        title.setMaxLength(PostingDraft.TITLE_MAX);
        title.setRequired(true);
        TextArea description = new TextArea(getTranslation("postings.field.description"));
        description.setMaxLength(PostingDraft.DESCRIPTION_MAX);
        Select<Seniority> seniority = enumSelect("postings.field.seniority", Seniority.values(), s -> getTranslation(s.messageKey()));
        Select<RemotePolicy> remote = enumSelect("postings.field.remote", RemotePolicy.values(), r -> getTranslation(r.messageKey()));
        TextField places = new TextField(getTranslation("postings.field.places"));
        places.setHelperText(getTranslation("postings.field.comma-separated"));
        TextField country = new TextField(getTranslation("postings.field.country"));
        country.setMaxLength(2);
        Checkbox visa = new Checkbox(getTranslation("postings.field.visa"));
        BigDecimalField salaryMin = new BigDecimalField(getTranslation("postings.field.salary-min"));
        BigDecimalField salaryMax = new BigDecimalField(getTranslation("postings.field.salary-max"));
        TextField currency = new TextField(getTranslation("postings.field.currency"));
        currency.setMaxLength(3);
        Select<String> period = new Select<>();
        period.setLabel(getTranslation("postings.field.period"));
        period.setItems("YEAR", "MONTH", "HOUR");
        period.setItemLabelGenerator(p -> getTranslation("postings.period." + p.toLowerCase(java.util.Locale.ROOT)));
        TextField languages = new TextField(getTranslation("postings.field.languages"));
        languages.setHelperText(getTranslation("postings.field.language-codes"));
        DatePicker closes = new DatePicker(getTranslation("postings.col.closes"));
        closes.setMin(LocalDate.now(ZoneOffset.UTC));
        IntegerField openings = new IntegerField(getTranslation("postings.field.openings"));
        openings.setMin(1);
        openings.setValue(1);
        List<Skill> allSkills = catalogue.skills();
        MultiSelectComboBox<Skill> required = new MultiSelectComboBox<>(getTranslation("postings.field.required-skills"));
        required.setItems(allSkills);
        required.setItemLabelGenerator(Skill::label);
        MultiSelectComboBox<Skill> optional = new MultiSelectComboBox<>(getTranslation("postings.field.optional-skills"));
        optional.setItems(allSkills);
        optional.setItemLabelGenerator(Skill::label);
        TextArea plan = new TextArea(getTranslation("posting.page.training"));
        TextField courses = new TextField(getTranslation("postings.field.courses"));
        courses.setHelperText(getTranslation("postings.field.course-slugs"));
        TextField occupation = new TextField(getTranslation("postings.field.occupation"));
        occupation.setHelperText(getTranslation("postings.field.occupation-help"));
        occupation.setMaxLength(200);
        TextArea questions = new TextArea(getTranslation("postings.field.questions"));
        questions.setHelperText(getTranslation("postings.field.questions-help", PostingDraft.QUESTIONS_MAX));
        if (existing != null) {
            PostingDraft d = existing.draft();
            employers.stream().filter(m -> m.organisationId().equals(d.organisation())).findFirst().ifPresent(organisation::setValue);
            organisation.setReadOnly(true);
            kind.setValue(d.kind());
            title.setValue(d.title());
            description.setValue(d.description());
            seniority.setValue(d.seniority());
            remote.setValue(d.remote());
            places.setValue(String.join(", ", d.locations()));
            country.setValue(d.workCountry());
            visa.setValue(d.visaSupport());
            salaryMin.setValue(d.salaryMin());
            salaryMax.setValue(d.salaryMax());
            currency.setValue(d.salaryCurrency() == null ? "" : d.salaryCurrency());
            period.setValue(d.salaryPeriod());
            languages.setValue(String.join(", ", d.languages()));
            closes.setValue(d.closesOn());
            openings.setValue(d.openings());
            required.setValue(allSkills.stream().filter(s -> d.requiredSkills().contains(s.uri())).toList());
            optional.setValue(allSkills.stream().filter(s -> d.optionalSkills().contains(s.uri())).toList());
            plan.setValue(d.trainingPlan() == null ? "" : d.trainingPlan());
            courses.setValue(String.join(", ", d.courses()));
            questions.setValue(String.join("\n", d.questions()));
            occupation.setValue(d.occupationUri() == null ? "" : d.occupationUri());
        } else {
            if (!employers.isEmpty()) {
                organisation.setValue(employers.getFirst());
            }
            kind.setValue(PostingKind.JOB);
            seniority.setValue(Seniority.MID);
            remote.setValue(RemotePolicy.HYBRID);
            closes.setValue(LocalDate.now(ZoneOffset.UTC).plusDays(30));
        }
        FormLayout form = new FormLayout(organisation, kind, title, seniority, description, remote, places, country, visa, salaryMin,
                salaryMax, currency, period, languages, closes, openings, required, optional, occupation, plan, courses, questions);
        form.setColspan(description, 2);
        form.setColspan(questions, 2);
        form.setColspan(plan, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("lab.save"), click -> {
            if (organisation.getValue() == null) {
                Views.error(getTranslation("postings.no-organisation"));
                return;
            }
            PostingDraft draft = new PostingDraft(organisation.getValue().organisationId(), kind.getValue(), title.getValue(),
                    description.getValue(), occupation.getValue().isBlank() ? null : occupation.getValue().strip(), seniority.getValue(), list(places.getValue()), remote.getValue(),
                    country.getValue().strip().toUpperCase(java.util.Locale.ROOT), visa.getValue(), salaryMin.getValue(),
                    salaryMax.getValue(), currency.getValue().isBlank() ? null : currency.getValue().strip().toUpperCase(java.util.Locale.ROOT),
                    period.getValue(), list(languages.getValue()), closes.getValue(), openings.getValue() == null ? 0 : openings.getValue(),
                    required.getValue().stream().map(Skill::uri).toList(), optional.getValue().stream().map(Skill::uri).toList(),
                    plan.getValue().isBlank() ? null : plan.getValue(), list(courses.getValue()),
                    questions.getValue().lines().map(String::strip).filter(q -> !q.isEmpty()).toList());
            try {
                if (existing == null) {
                    postings.create(draft);
                } else {
                    postings.update(existing.id(), draft);
                }
                dialog.close();
                refresh();
                Views.success(getTranslation("postings.saved"));
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.<String, HasValidation>ofEntries(Map.entry("title", title),
                        Map.entry("description", description), Map.entry("locations", places), Map.entry("workCountry", country),
                        Map.entry("salary", salaryMin), Map.entry("languages", languages), Map.entry("closesOn", closes),
                        Map.entry("openings", openings), Map.entry("skills", required), Map.entry("trainingPlan", plan),
                        Map.entry("questions", questions), Map.entry("occupation", occupation)));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()), save);
        dialog.setWidth("min(64rem, 95vw)");
        add(dialog);
        dialog.open();
    }

    private static List<String> list(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private <T> Select<T> enumSelect(String label, T[] values, com.vaadin.flow.component.ItemLabelGenerator<T> labels) {
        Select<T> select = new Select<>();
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setItemLabelGenerator(labels);
        return select;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "postings.title");
    }
}
