package eu.aiskills.academy.fellowships.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.fellowships.Cohorts;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.OrganisationSummary;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** Administrators set up cohorts (apprenticeship, returnship, scholarship) and their participants, and see each one's progress. */
@Route("admin/cohorts")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.admin.cohorts", order = 94, icon = "vaadin:group")
class CohortsAdminView extends VerticalLayout implements HasDynamicTitle {

    private final transient Cohorts cohorts;
    private final transient OrganisationManagement organisations;

    CohortsAdminView(Cohorts cohorts, OrganisationManagement organisations) {
        this.cohorts = cohorts;
        this.organisations = organisations;
        addClassName("academy-cohorts-admin");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("cohorts-admin.title")), createForm());
        for (Cohorts.Cohort cohort : cohorts.all()) {
            add(cohortCard(cohort));
        }
    }

    private Div createForm() {
        Select<Cohorts.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("cohorts-admin.kind"));
        kind.setItems(Cohorts.Kind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation(k.messageKey()));
        kind.setValue(Cohorts.Kind.APPRENTICESHIP);
        TextField name = new TextField(getTranslation("cohorts-admin.name"));
        name.setMaxLength(Cohorts.NAME_MAX);
        TextField courses = new TextField(getTranslation("postings.field.courses"));
        courses.setHelperText(getTranslation("postings.field.course-slugs"));
        BigDecimalField training = new BigDecimalField(getTranslation("cohorts-admin.training"));
        BigDecimalField work = new BigDecimalField(getTranslation("cohorts-admin.work"));
        BigDecimalField pace = new BigDecimalField(getTranslation("cohorts-admin.pace"));
        pace.setValue(new BigDecimal("40"));
        DatePicker starts = new DatePicker(getTranslation("cohorts-admin.starts"));
        starts.setValue(LocalDate.now());
        DatePicker ends = new DatePicker(getTranslation("cohorts-admin.ends"));
        ends.setValue(LocalDate.now().plusYears(1));
        Button create = new Button(getTranslation("cohorts-admin.create"), click -> {
            try {
                cohorts.create(kind.getValue(), name.getValue(), Arrays.stream(courses.getValue().split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(), training.getValue(), work.getValue(), pace.getValue(), starts.getValue(), ends.getValue());
                Views.success(getTranslation("cohorts-admin.created"));
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.<String, HasValidation>of("name", name, "courses", courses, "hours", training,
                        "hoursPerWeek", pace, "endsOn", ends));
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        FormLayout form = new FormLayout(kind, name, courses, training, work, pace, starts, ends);
        Div box = new Div(new H2(getTranslation("cohorts-admin.new")), form, create);
        box.addClassName("academy-card");
        return box;
    }

    private Div cohortCard(Cohorts.Cohort cohort) {
        Div card = new Div(new H2(cohort.name() + " · " + getTranslation(cohort.kind().messageKey())),
                new Paragraph(getTranslation("cohorts-admin.summary", String.join(", ", cohort.courses()),
                        cohort.trainingHours().stripTrailingZeros().toPlainString(), cohort.workHours().stripTrailingZeros().toPlainString(),
                        cohort.hoursPerWeek().stripTrailingZeros().toPlainString())));
        card.addClassName("academy-card");
        UnorderedList members = new UnorderedList();
        for (Cohorts.Member member : cohorts.members(cohort.id())) {
            Cohorts.Progress progress = cohorts.progress(member.id());
            members.add(new ListItem(getTranslation("cohorts-admin.member", member.name(),
                    member.mentorName() == null ? "—" : member.mentorName(), progress.trainingCosigned().stripTrailingZeros().toPlainString(),
                    progress.workCosigned().stripTrailingZeros().toPlainString(), getTranslation(progress.complete()
                            ? "cohorts.complete" : "cohorts.not-complete"))));
        }
        card.add(new H3(getTranslation("cohorts-admin.members")), members, memberForm(cohort));
        return card;
    }

    private FormLayout memberForm(Cohorts.Cohort cohort) {
        TextField email = new TextField(getTranslation("cohorts-admin.email"));
        ComboBox<OrganisationSummary> employer = new ComboBox<>(getTranslation("cohorts-admin.employer"));
        List<OrganisationSummary> employers = organisations.search("", org.springframework.data.domain.PageRequest.of(0, 500)).getContent()
                .stream().filter(o -> o.kind() == OrganisationKind.EMPLOYER).toList();
        employer.setItems(employers);
        employer.setItemLabelGenerator(OrganisationSummary::name);
        TextField mentor = new TextField(getTranslation("cohorts-admin.mentor"));
        BigDecimalField award = new BigDecimalField(getTranslation("cohorts-admin.award"));
        TextField currency = new TextField(getTranslation("postings.field.currency"));
        currency.setMaxLength(3);
        TextField conditions = new TextField(getTranslation("cohorts-admin.conditions"));
        Button add = new Button(getTranslation("cohorts-admin.add"), click -> {
            try {
                cohorts.addMember(cohort.id(), email.getValue().strip(), employer.getValue() == null ? null : employer.getValue().id(),
                        mentor.getValue(), award.getValue(), currency.getValue().isBlank() ? null : currency.getValue().strip().toUpperCase(),
                        conditions.getValue().isBlank() ? null : conditions.getValue());
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.<String, HasValidation>of("email", email, "mentor", mentor, "award", award));
            }
        });
        FormLayout form = new FormLayout(email, employer, mentor, award, currency, conditions, add);
        return form;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "cohorts-admin.title");
    }
}
