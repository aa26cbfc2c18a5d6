package eu.aiskills.academy.fellowships.ui;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
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
import eu.aiskills.academy.fellowships.CallDraft;
import eu.aiskills.academy.fellowships.CallStatus;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.Scheme;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** Administrators write fellowship calls (dates in the call's time zone, rules, criteria, documents) and publish them. */
@Route("admin/fellowships")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.admin.fellowships", order = 93, icon = "vaadin:globe-wire")
class CallsAdminView extends VerticalLayout implements HasDynamicTitle {

    private final transient FellowshipCalls calls;
    private final Grid<FellowshipCall> grid = new Grid<>();

    CallsAdminView(FellowshipCalls calls) {
        this.calls = calls;
        addClassName("academy-calls-admin");
        Button create = new Button(getTranslation("fellowship.admin.new"), click -> editor(null));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H1(getTranslation("fellowship.admin.title")), new Paragraph(getTranslation("fellowship.admin.intro")), create);
        grid.addComponentColumn(c -> new RouterLink(c.title(), CallView.class, new RouteParameters(Map.of(CallView.SLUG, c.slug()))))
                .setHeader(getTranslation("postings.col.title")).setFlexGrow(3);
        grid.addColumn(c -> getTranslation(c.scheme().messageKey())).setHeader(getTranslation("fellowship.admin.scheme")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.status().messageKey())).setHeader(getTranslation("authoring.field.status")).setAutoWidth(true);
        grid.addColumn(c -> CallTexts.deadline(this, c, c.closesAt())).setHeader(getTranslation("fellowship.admin.closes")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            HorizontalLayout actions = new HorizontalLayout();
            if (c.status() == CallStatus.DRAFT || java.time.Instant.now().isBefore(c.opensAt())) {
                Button edit = new Button(getTranslation("postings.edit"), click -> editor(c));
                edit.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                actions.add(edit);
            }
            if (c.status() == CallStatus.PUBLISHED) {
                RouterLink review = new RouterLink(getTranslation("review-admin.open"), CallReviewView.class,
                        new RouteParameters(Map.of(CallView.SLUG, c.slug())));
                review.getElement().setAttribute("aria-label", getTranslation("review-admin.title", c.title()));
                actions.add(review);
            }
            if (c.status() == CallStatus.DRAFT) {
                Button publish = new Button(getTranslation("postings.publish"), click -> {
                    try {
                        calls.publish(c.id());
                        refresh();
                    } catch (UserFacingException e) {
                        Views.error(getTranslation(e.messageKey(), e.arguments()));
                    }
                });
                publish.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                actions.add(publish);
            }
            return actions;
        }).setHeader(getTranslation("postings.col.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(calls.all());
    }

    private void editor(FellowshipCall existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "fellowship.admin.new" : "postings.edit"));
        dialog.setWidth("min(64rem, 95vw)");
        TextField slug = new TextField(getTranslation("fellowship.admin.slug"));
        slug.setHelperText(getTranslation("fellowship.admin.slug-help"));
        slug.setMaxLength(CallDraft.SLUG_MAX);
        TextField title = new TextField(getTranslation("postings.col.title"));
        title.setMaxLength(CallDraft.TITLE_MAX);
        Select<Scheme> scheme = new Select<>();
        scheme.setLabel(getTranslation("fellowship.admin.scheme"));
        scheme.setItems(Scheme.values());
        scheme.setItemLabelGenerator(s -> s == null ? "" : getTranslation(s.messageKey()));
        scheme.setValue(Scheme.POSTDOCTORAL);
        TextArea summary = new TextArea(getTranslation("fellowship.admin.summary"));
        summary.setMaxLength(CallDraft.SUMMARY_MAX);
        ComboBox<String> zone = new ComboBox<>(getTranslation("fellowship.admin.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.startsWith("Europe/") || z.equals("UTC")).sorted().toList());
        zone.setValue("Europe/Brussels");
        DateTimePicker opens = new DateTimePicker(getTranslation("fellowship.admin.opens"));
        DateTimePicker closes = new DateTimePicker(getTranslation("fellowship.admin.closes"));
        opens.setValue(LocalDateTime.now().withSecond(0).withNano(0));
        closes.setValue(LocalDateTime.now().plusWeeks(6).withHour(17).withMinute(0).withSecond(0).withNano(0));
        BigDecimalField budget = new BigDecimalField(getTranslation("fellowship.admin.budget"));
        TextField currency = new TextField(getTranslation("postings.field.currency"));
        currency.setValue("EUR");
        currency.setMaxLength(3);
        IntegerField places = new IntegerField(getTranslation("fellowship.admin.places"));
        places.setMin(1);
        places.setValue(10);
        IntegerField maxChoices = new IntegerField(getTranslation("fellowship.admin.max-choices"));
        maxChoices.setMin(1);
        maxChoices.setMax(10);
        maxChoices.setValue(3);
        IntegerField scoreMax = new IntegerField(getTranslation("fellowship.admin.score-max"));
        scoreMax.setMin(1);
        scoreMax.setValue(5);
        Select<EligibilityRules.Nationality> nationality = new Select<>();
        nationality.setLabel(getTranslation("fellowship.admin.nationality"));
        nationality.setItems(EligibilityRules.Nationality.values());
        nationality.setItemLabelGenerator(n -> n == null ? "" : getTranslation("fellowship.admin.nationality." + n.name().toLowerCase(java.util.Locale.ROOT)));
        nationality.setValue(EligibilityRules.Nationality.ANY);
        IntegerField outsideMonths = new IntegerField(getTranslation("fellowship.admin.outside-months"));
        IntegerField outsideWindow = new IntegerField(getTranslation("fellowship.admin.outside-window"));
        Select<EligibilityRules.CareerStage> stage = new Select<>();
        stage.setLabel(getTranslation("fellowship.admin.stage"));
        stage.setItems(EligibilityRules.CareerStage.values());
        stage.setItemLabelGenerator(s -> s == null ? "" : getTranslation("fellowship.admin.stage." + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        stage.setValue(EligibilityRules.CareerStage.ANY);
        IntegerField years = new IntegerField(getTranslation("fellowship.admin.years"));
        IntegerField mobilityMonths = new IntegerField(getTranslation("fellowship.admin.mobility-months"));
        IntegerField mobilityWindow = new IntegerField(getTranslation("fellowship.admin.mobility-window"));
        TextArea documents = new TextArea(getTranslation("fellowship.admin.documents"));
        documents.setHelperText(getTranslation("fellowship.admin.one-per-line"));
        TextArea criteria = new TextArea(getTranslation("fellowship.admin.criteria"));
        criteria.setHelperText(getTranslation("fellowship.admin.criteria-help"));
        criteria.setValue("Excellence | 50 | Quality and originality of the research\nImpact | 30 | For the Academy and its learners\n"
                + "Implementation | 20 | Feasibility of the plan");
        if (existing != null) {
            slug.setValue(existing.slug());
            title.setValue(existing.title());
            scheme.setValue(existing.scheme());
            summary.setValue(existing.summary());
            zone.setValue(existing.timeZone().getId());
            opens.setValue(existing.opensAt().atZone(existing.timeZone()).toLocalDateTime());
            closes.setValue(existing.closesAt().atZone(existing.timeZone()).toLocalDateTime());
            budget.setValue(existing.budget());
            currency.setValue(existing.currency());
            places.setValue(existing.fundedPlaces());
            maxChoices.setValue(existing.maxChoices());
            scoreMax.setValue(existing.scoreMax());
            EligibilityRules r = existing.rules();
            nationality.setValue(r.nationality());
            outsideMonths.setValue(r.outsideEuMonths());
            outsideWindow.setValue(r.outsideEuWindow());
            stage.setValue(r.careerStage());
            years.setValue(r.phdWithinYears());
            mobilityMonths.setValue(r.mobilityMaxMonths());
            mobilityWindow.setValue(r.mobilityWindow());
            documents.setValue(String.join("\n", existing.requiredDocuments()));
            criteria.setValue(String.join("\n", existing.criteria().stream()
                    .map(c -> c.name() + " | " + c.weight().stripTrailingZeros().toPlainString() + " | " + c.description()).toList()));
        }
        FormLayout form = new FormLayout(slug, title, scheme, zone, opens, closes, budget, currency, places, maxChoices, scoreMax, summary,
                new H3(getTranslation("fellowship.call.eligibility")), nationality, outsideMonths, outsideWindow, stage, years, mobilityMonths,
                mobilityWindow, documents, criteria);
        form.setColspan(summary, 2);
        form.getChildren().filter(H3.class::isInstance).forEach(h -> form.setColspan(h, 2));
        form.setColspan(criteria, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("lab.save"), click -> {
            try {
                CallDraft draft = new CallDraft(slug.getValue().strip(), title.getValue(), scheme.getValue(), summary.getValue(), opens.getValue(),
                        closes.getValue(), zone.getValue() == null ? null : ZoneId.of(zone.getValue()), budget.getValue(),
                        currency.getValue().strip().toUpperCase(java.util.Locale.ROOT), value(places), value(maxChoices), value(scoreMax),
                        new EligibilityRules(nationality.getValue(), outsideMonths.getValue(), outsideWindow.getValue(), stage.getValue(),
                                years.getValue(), mobilityMonths.getValue(), mobilityWindow.getValue()),
                        documents.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList(), criteria(criteria.getValue()));
                if (existing == null) {
                    calls.create(draft);
                } else {
                    calls.update(existing.id(), draft);
                }
                dialog.close();
                refresh();
                Views.success(getTranslation("postings.saved"));
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.<String, HasValidation>ofEntries(Map.entry("slug", slug), Map.entry("title", title),
                        Map.entry("summary", summary), Map.entry("closes", closes), Map.entry("budget", budget),
                        Map.entry("fundedPlaces", places), Map.entry("maxChoices", maxChoices), Map.entry("scoreMax", scoreMax),
                        Map.entry("criteria", criteria), Map.entry("requiredDocuments", documents), Map.entry("rules", outsideMonths)));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    /** "Name | weight | description", one criterion per line; a line that does not parse is refused by the service. */
    private static List<Criterion> criteria(String text) {
        List<Criterion> criteria = new ArrayList<>();
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split("\\|", 3);
            BigDecimal weight;
            try {
                weight = parts.length > 1 ? new BigDecimal(parts[1].strip()) : null;
            } catch (NumberFormatException e) {
                weight = null;
            }
            criteria.add(new Criterion(parts[0].strip(), parts.length > 2 ? parts[2].strip() : "", weight));
        }
        return criteria;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "fellowship.admin.title");
    }
}
