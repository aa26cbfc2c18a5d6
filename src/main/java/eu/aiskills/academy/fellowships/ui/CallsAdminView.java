package eu.aiskills.academy.fellowships.ui;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
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
import eu.aiskills.academy.fellowships.CallDraft;
import eu.aiskills.academy.fellowships.CallStatus;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.Scheme;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
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
        TextArea summary = new TextArea(getTranslation("fellowship.admin.summary"));
        summary.setMaxLength(CallDraft.SUMMARY_MAX);
        ComboBox<String> zone = new ComboBox<>(getTranslation("fellowship.admin.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.startsWith("Europe/") || z.equals("UTC")).sorted().toList());
        DateTimePicker opens = new DateTimePicker(getTranslation("fellowship.admin.opens"));
        DateTimePicker closes = new DateTimePicker(getTranslation("fellowship.admin.closes"));
        BigDecimalField budget = new BigDecimalField(getTranslation("fellowship.admin.budget"));
        TextField currency = new TextField(getTranslation("postings.field.currency"));
        currency.setMaxLength(CallDraft.CURRENCY_LENGTH);
        IntegerField places = new IntegerField(getTranslation("fellowship.admin.places"));
        places.setMin(1);
        IntegerField maxChoices = new IntegerField(getTranslation("fellowship.admin.max-choices"));
        maxChoices.setMin(1);
        maxChoices.setMax(10);
        IntegerField scoreMax = new IntegerField(getTranslation("fellowship.admin.score-max"));
        scoreMax.setMin(1);
        EligibilityRulesField rules = new EligibilityRulesField();
        TextArea documents = new TextArea(getTranslation("fellowship.admin.documents"));
        documents.setHelperText(getTranslation("fellowship.admin.one-per-line"));
        TextArea criteria = new TextArea(getTranslation("fellowship.admin.criteria"));
        criteria.setHelperText(getTranslation("fellowship.admin.criteria-help"));

        RecordBinder<CallDraft> binder = new RecordBinder<>(CallDraft.class, Map.of());
        binder.forField(slug).withConverter(String::strip, text -> text).bind("slug");
        binder.forField(title).bind("title");
        binder.forField(scheme).bind("scheme");
        binder.forField(summary).bind("summary");
        binder.forField(opens).bind("opens");
        binder.forField(closes).bind("closes");
        binder.forField(zone).withConverter(id -> id == null ? null : ZoneId.of(id), (ZoneId z) -> z == null ? null : z.getId()).bind("timeZone");
        binder.forField(budget).bind("budget");
        binder.forField(currency).withConverter(code -> code.strip().toUpperCase(Locale.ROOT), code -> code == null ? "" : code).bind("currency");
        binder.forField(places).withConverter(CallsAdminView::value, n -> n).bind("fundedPlaces");
        binder.forField(maxChoices).withConverter(CallsAdminView::value, n -> n).bind("maxChoices");
        binder.forField(scoreMax).withConverter(CallsAdminView::value, n -> n).bind("scoreMax");
        binder.forField(rules).bind("rules");
        binder.forField(documents).withConverter(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                (List<String> lines) -> String.join("\n", lines)).bind("requiredDocuments");
        binder.forField(criteria).withConverter(CallsAdminView::criteria, CallsAdminView::criteriaText).bind("criteria");
        binder.readRecord(existing != null ? draftOf(existing) : new CallDraft("", "", Scheme.POSTDOCTORAL, "",
                LocalDateTime.now().withSecond(0).withNano(0), LocalDateTime.now().plusWeeks(6).withHour(17).withMinute(0).withSecond(0)
                .withNano(0), ZoneId.of("Europe/Brussels"), null, "EUR", 10, 3, 5, EligibilityRules.none(), List.of(), List.of(
                        new Criterion("Excellence", "Quality and originality of the research", new BigDecimal("50")),
                        new Criterion("Impact", "For the Academy and its learners", new BigDecimal("30")),
                        new Criterion("Implementation", "Feasibility of the plan", new BigDecimal("20")))));

        FormLayout form = new FormLayout(slug, title, scheme, zone, opens, closes, budget, currency, places, maxChoices, scoreMax, summary,
                rules, documents, criteria);
        form.setColspan(summary, 2);
        form.setColspan(rules, 2);
        form.setColspan(criteria, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("lab.save"), click -> {
            try {
                CallDraft draft = binder.write();
                if (existing == null) {
                    calls.create(draft);
                } else {
                    calls.update(existing.id(), draft);
                }
                dialog.close();
                refresh();
                Views.success(getTranslation("postings.saved"));
            } catch (UserFacingException e) {
                Views.showRejection(this, e, binder.fields());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    /** A saved call as the form edits it: its dates in its own time zone. */
    private static CallDraft draftOf(FellowshipCall call) {
        return new CallDraft(call.slug(), call.title(), call.scheme(), call.summary(), call.opensAt().atZone(call.timeZone()).toLocalDateTime(),
                call.closesAt().atZone(call.timeZone()).toLocalDateTime(), call.timeZone(), call.budget(), call.currency(), call.fundedPlaces(),
                call.maxChoices(), call.scoreMax(), call.rules(), call.requiredDocuments(), call.criteria());
    }

    private static int value(Integer number) {
        return number == null ? 0 : number;
    }

    private static String criteriaText(List<Criterion> criteria) {
        return String.join("\n", criteria.stream()
                .map(c -> c.name() + " | " + (c.weight() == null ? "" : c.weight().stripTrailingZeros().toPlainString()) + " | " + c.description())
                .toList());
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
