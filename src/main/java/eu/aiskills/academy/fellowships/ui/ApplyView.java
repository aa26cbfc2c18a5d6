package eu.aiskills.academy.fellowships.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.documents.ui.DocumentsView;
import eu.aiskills.academy.fellowships.ApplicantFacts.CareerBreak;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.fellowships.ApplicantFacts.Residence;
import eu.aiskills.academy.fellowships.ApplicantFacts;
import eu.aiskills.academy.fellowships.ApplicationDraft;
import eu.aiskills.academy.fellowships.EligibilityReport;
import eu.aiskills.academy.fellowships.FellowshipApplication;
import eu.aiskills.academy.fellowships.FellowshipApplications;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.FellowshipPlacements;
import eu.aiskills.academy.fellowships.FellowshipReviews;
import eu.aiskills.academy.fellowships.HostOffer;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * Preparing an application: what the applicant declares for eligibility (each rule explained
 * before submitting), the host offers in order of preference, the proposal and the required
 * documents; saved as a draft, submitted before the deadline, then shown with its receipt.
 * <p>Long because the application is one form whose sections (facts, choices, proposal, documents)
 * the eligibility check and the save read together; each section is built by its own method.
 */
@Route("fellowships/:" + CallView.SLUG + "/apply")
@PermitAll
class ApplyView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient FellowshipCalls calls;
    private final transient FellowshipApplications applications;
    private final transient Documents documents;
    private final transient FellowshipReviews reviews;
    private final transient FellowshipPlacements placements;
    private transient FellowshipCall call;
    private transient List<HostOffer> offers = List.of();

    private final ComboBox<String> nationality = new ComboBox<>();
    private final Select<PhdStatus> phd = new Select<>();
    private final DatePicker phdDate = new DatePicker();
    private final Div residences = new Div();
    private final Div breaks = new Div();
    private final List<Select<HostOffer>> choices = new ArrayList<>();
    private final TextArea proposal = new TextArea();
    private final Map<String, Select<StoredDocument>> attachments = new LinkedHashMap<>();
    private final Div verdicts = new Div();

    ApplyView(FellowshipCalls calls, FellowshipApplications applications, Documents documents, FellowshipReviews reviews,
              FellowshipPlacements placements) {
        this.reviews = reviews;
        this.placements = placements;
        this.calls = calls;
        this.applications = applications;
        this.documents = documents;
        addClassName("academy-apply-fellowship");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        call = CallView.callOf(event, calls);
        if (call == null) {
            return;
        }
        offers = calls.offers(call.id());
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("fellowship.apply.title", call.title())),
                new Paragraph(new RouterLink(getTranslation("fellowship.apply.back"), CallView.class,
                        new RouteParameters(Map.of(CallView.SLUG, call.slug())))));
        FellowshipApplication mine = applications.mine(call.id()).orElse(null);
        if (mine != null && mine.status() != FellowshipApplication.Status.DRAFT) {
            add(submitted(mine));
            return;
        }
        add(new Paragraph(getTranslation("fellowship.apply.deadline", CallTexts.deadline(this, call, call.closesAt()))));
        if (!call.openAt(java.time.Instant.now())) {
            add(new Paragraph(getTranslation("fellowship.call.closed")));
            return;
        }
        form(mine);
    }

    private Div submitted(FellowshipApplication application) {
        Div box = new Div();
        box.addClassName("academy-card");
        box.addClassName("academy-receipt");
        if (application.status() == FellowshipApplication.Status.SUBMITTED) {
            box.add(new H2(getTranslation("fellowship.receipt.title")),
                    new Paragraph(getTranslation("fellowship.receipt.when", CallTexts.deadline(this, call, application.submittedAt()))),
                    new Paragraph(getTranslation("fellowship.receipt.number", application.receipt())),
                    new Paragraph(getTranslation("fellowship.receipt.immutable")));
            UnorderedList chosen = new UnorderedList();
            for (UUID choice : application.choices()) {
                offers.stream().filter(o -> o.id().equals(choice)).findFirst()
                        .ifPresent(o -> chosen.add(new ListItem(o.topic() + " · " + o.organisationName())));
            }
            box.add(chosen);
            Button withdraw = new Button(getTranslation("fellowship.withdraw"), click -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("fellowship.withdraw"), getTranslation("fellowship.withdraw-confirm"),
                        getTranslation("fellowship.withdraw"), e -> {
                            applications.withdraw(call.id());
                            render();
                        });
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("common.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            withdraw.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            reviews.myResult(call.id()).ifPresent(result -> box.add(new H2(getTranslation("fellowship.result.title")),
                    new Paragraph(getTranslation("fellowship.result.line", result.rank(), result.weighted().stripTrailingZeros().toPlainString(),
                            call.scoreMax(), getTranslation(result.standing().messageKey())))));
            placements.mine(call.id()).ifPresent(placement -> box.add(placement(placement)));
            box.add(withdraw);
        } else {
            box.add(new Paragraph(getTranslation("fellowship.application-status.withdrawn")));
        }
        return box;
    }

    /** The placement offered: where, which choice it was and why not a better one, until when to answer. */
    private Div placement(FellowshipPlacements.Placement placement) {
        Div box = new Div(new H2(getTranslation("fellowship.placement.title")),
                new Paragraph(getTranslation("fellowship.placement.where", placement.offerTopic(), placement.host(), placement.choice())));
        placement.fullBefore().forEach((topic, places) -> box.add(new Paragraph(getTranslation("fellowship.placement.full", topic, places))));
        Span status = new Span(getTranslation(placement.status().messageKey()));
        status.getElement().setAttribute("theme", placement.status() == FellowshipPlacements.Status.ACCEPTED ? "badge success" : "badge");
        box.add(new Paragraph(status));
        if (placement.status() == FellowshipPlacements.Status.OFFERED) {
            box.add(new Paragraph(getTranslation("fellowship.placement.answer-by", CallTexts.deadline(this, call, placement.respondBy()))));
            Button accept = new Button(getTranslation("fellowship.placement.accept"), click -> answer(placement, true));
            accept.addThemeVariants(ButtonVariant.PRIMARY);
            Button decline = new Button(getTranslation("fellowship.placement.decline"), click -> answer(placement, false));
            decline.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            box.add(new HorizontalLayout(accept, decline));
        }
        return box;
    }

    private void answer(FellowshipPlacements.Placement placement, boolean accept) {
        try {
            placements.respond(placement.id(), accept);
            Views.success(getTranslation(accept ? "fellowship.placement.accepted-note" : "fellowship.placement.declined-note"));
            render();
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void form(FellowshipApplication draft) {
        ApplicantFacts facts = draft == null ? ApplicantFacts.empty() : draft.facts();
        Locale locale = getLocale();
        add(new H2(getTranslation("fellowship.apply.about")));
        nationality.setLabel(getTranslation("fellowship.apply.nationality"));
        nationality.setItems(Views.countriesByName(locale));
        nationality.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(locale));
        nationality.setValue(facts.nationality());
        phd.setLabel(getTranslation("fellowship.apply.phd"));
        phd.setItems(PhdStatus.values());
        phd.setItemLabelGenerator(s -> s == null ? "" : getTranslation(s.messageKey()));
        phd.setValue(facts.phd());
        phdDate.setLabel(getTranslation("fellowship.apply.phd-date"));
        phdDate.setValue(facts.phdDate());
        phdDate.setHelperText(getTranslation("fellowship.apply.phd-date-help"));
        HorizontalLayout about = new HorizontalLayout(nationality, phd, phdDate);
        about.setWrap(true);
        add(about);

        add(new H2(getTranslation("fellowship.apply.residences")), new Paragraph(getTranslation("fellowship.apply.residences-help")));
        residences.removeAll();
        facts.residences().forEach(r -> residences.add(residenceRow(r)));
        Button addResidence = new Button(getTranslation("fellowship.apply.add-residence"), VaadinIcon.PLUS.create(),
                click -> residences.add(residenceRow(null)));
        addResidence.addThemeVariants(ButtonVariant.TERTIARY);
        add(residences, addResidence);

        add(new H2(getTranslation("fellowship.apply.breaks")), new Paragraph(getTranslation("fellowship.apply.breaks-help")));
        breaks.removeAll();
        facts.careerBreaks().forEach(b -> breaks.add(breakRow(b)));
        Button addBreak = new Button(getTranslation("fellowship.apply.add-break"), VaadinIcon.PLUS.create(), click -> breaks.add(breakRow(null)));
        addBreak.addThemeVariants(ButtonVariant.TERTIARY);
        add(breaks, addBreak);

        add(new H2(getTranslation("fellowship.apply.choices")), new Paragraph(getTranslation("fellowship.apply.choices-help", call.maxChoices())));
        choices.clear();
        HorizontalLayout choiceRow = new HorizontalLayout();
        choiceRow.setWrap(true);
        for (int i = 0; i < call.maxChoices(); i++) {
            Select<HostOffer> choice = new Select<>();
            choice.setLabel(getTranslation("fellowship.apply.choice", i + 1));
            choice.setItems(offers);
            choice.setItemLabelGenerator(o -> o == null ? getTranslation("fellowship.apply.no-choice") : o.topic() + " · " + o.organisationName());
            choice.setEmptySelectionAllowed(true);
            choice.setEmptySelectionCaption(getTranslation("fellowship.apply.no-choice"));
            choice.setWidth("24rem");
            if (draft != null && i < draft.choices().size()) {
                UUID id = draft.choices().get(i);
                offers.stream().filter(o -> o.id().equals(id)).findFirst().ifPresent(choice::setValue);
            }
            choices.add(choice);
            choiceRow.add(choice);
        }
        add(choiceRow);

        add(new H2(getTranslation("fellowship.apply.proposal")));
        proposal.setLabel(getTranslation("fellowship.apply.proposal-label"));
        proposal.setMaxLength(ApplicationDraft.PROPOSAL_MAX);
        proposal.setWidthFull();
        proposal.setMinHeight("10rem");
        proposal.setValue(draft == null ? "" : draft.proposal());
        add(proposal);

        if (!call.requiredDocuments().isEmpty()) {
            add(new H2(getTranslation("fellowship.call.documents")));
            List<StoredDocument> files = documents.mine().stream().filter(d -> d.purpose() == DocumentPurpose.APPLICATION_ATTACHMENT
                    || d.purpose() == DocumentPurpose.CV).toList();
            attachments.clear();
            HorizontalLayout row = new HorizontalLayout();
            row.setWrap(true);
            for (String name : call.requiredDocuments()) {
                Select<StoredDocument> file = new Select<>();
                file.setLabel(name);
                file.setItems(files);
                file.setItemLabelGenerator(d -> d == null ? getTranslation("fellowship.apply.no-file") : d.fileName());
                file.setEmptySelectionAllowed(true);
                file.setEmptySelectionCaption(getTranslation("fellowship.apply.no-file"));
                if (draft != null) {
                    draft.documents().stream().filter(a -> a.name().equals(name)).findFirst()
                            .flatMap(a -> files.stream().filter(f -> f.id().equals(a.document())).findFirst()).ifPresent(file::setValue);
                }
                attachments.put(name, file);
                row.add(file);
            }
            add(row, new Paragraph(new RouterLink(getTranslation("fellowship.apply.upload"), DocumentsView.class)));
        }

        verdicts.addClassName("academy-eligibility");
        Button check = new Button(getTranslation("fellowship.apply.check"), click -> check());
        Button save = new Button(getTranslation("fellowship.apply.save"), click -> save());
        Button submit = new Button(getTranslation("fellowship.apply.submit"), click -> confirmSubmit());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H2(getTranslation("fellowship.call.eligibility")), verdicts, new HorizontalLayout(check, save, submit));
    }

    private HorizontalLayout residenceRow(Residence residence) {
        ComboBox<String> country = new ComboBox<>(getTranslation("profile.country"));
        country.setItems(Views.countriesByName(getLocale()));
        country.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(getLocale()));
        DatePicker from = new DatePicker(getTranslation("fellowship.apply.from"));
        DatePicker to = new DatePicker(getTranslation("fellowship.apply.to"));
        to.setHelperText(getTranslation("fellowship.apply.to-help"));
        if (residence != null) {
            country.setValue(residence.country());
            from.setValue(residence.from());
            to.setValue(residence.to());
        }
        HorizontalLayout row = new HorizontalLayout(country, from, to);
        row.add(remove(row));
        row.setAlignItems(Alignment.BASELINE);
        row.addClassName("academy-period");
        return row;
    }

    private HorizontalLayout breakRow(CareerBreak careerBreak) {
        DatePicker from = new DatePicker(getTranslation("fellowship.apply.from"));
        DatePicker to = new DatePicker(getTranslation("fellowship.apply.to"));
        TextField reason = new TextField(getTranslation("fellowship.apply.reason"));
        reason.setMaxLength(ApplicantFacts.BREAK_REASON_MAX);
        if (careerBreak != null) {
            from.setValue(careerBreak.from());
            to.setValue(careerBreak.to());
            reason.setValue(careerBreak.reason() == null ? "" : careerBreak.reason());
        }
        HorizontalLayout row = new HorizontalLayout(from, to, reason);
        row.add(remove(row));
        row.setAlignItems(Alignment.BASELINE);
        row.addClassName("academy-period");
        return row;
    }

    private Button remove(HorizontalLayout row) {
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> row.removeFromParent());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setAriaLabel(getTranslation("fellowship.apply.remove-period"));
        return remove;
    }

    @SuppressWarnings("unchecked")
    private ApplicantFacts facts() {
        List<Residence> lived = residences.getChildren().map(c -> (HorizontalLayout) c).map(row -> {
            List<Component> fields = row.getChildren().toList();
            return new Residence(((ComboBox<String>) fields.get(0)).getValue(), ((DatePicker) fields.get(1)).getValue(),
                    ((DatePicker) fields.get(2)).getValue());
        }).filter(r -> r.country() != null || r.from() != null).toList();
        List<CareerBreak> away = breaks.getChildren().map(c -> (HorizontalLayout) c).map(row -> {
            List<Component> fields = row.getChildren().toList();
            return new CareerBreak(((DatePicker) fields.get(0)).getValue(), ((DatePicker) fields.get(1)).getValue(),
                    ((TextField) fields.get(2)).getValue());
        }).filter(b -> b.from() != null || b.to() != null).toList();
        return new ApplicantFacts(nationality.getValue(), lived, phd.getValue(), phdDate.getValue(), away);
    }

    private List<UUID> chosen() {
        return choices.stream().map(Select::getValue).filter(Objects::nonNull).map(HostOffer::id).distinct().toList();
    }

    private void check() {
        try {
            show(applications.checkEligibility(call.id(), facts(), chosen()));
        } catch (UserFacingException e) {
            Views.showRejection(this, e, fields());
        }
    }

    private void show(EligibilityReport report) {
        verdicts.removeAll();
        UnorderedList list = new UnorderedList();
        for (EligibilityReport.Outcome outcome : report.outcomes()) {
            Span mark = new Span(getTranslation(outcome.passed() ? "fellowship.eligibility.pass" : "fellowship.eligibility.fail"));
            mark.getElement().setAttribute("theme", outcome.passed() ? "badge success" : "badge error");
            list.add(new ListItem(mark, new Span(" " + CallTexts.outcome(this, outcome))));
        }
        Paragraph verdict = new Paragraph(getTranslation(report.eligible() ? "fellowship.eligibility.eligible" : "fellowship.eligibility.not-eligible"));
        verdict.addClassName("academy-status-line");
        verdicts.add(verdict, list);
    }

    private boolean save() {
        Map<String, DocumentId> files = new LinkedHashMap<>();
        attachments.forEach((name, select) -> {
            if (select.getValue() != null) {
                files.put(name, select.getValue().id());
            }
        });
        try {
            applications.save(call.id(), new ApplicationDraft(proposal.getValue(), facts(), chosen(), files));
            Views.success(getTranslation("fellowship.apply.saved"));
            check();
            return true;
        } catch (UserFacingException e) {
            Views.showRejection(this, e, fields());
            return false;
        }
    }

    private void confirmSubmit() {
        if (!save()) {
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("fellowship.apply.submit"), getTranslation("fellowship.apply.submit-confirm"),
                getTranslation("fellowship.apply.submit"), event -> {
                    try {
                        applications.submit(call.id());
                        Views.success(getTranslation("fellowship.apply.submitted"));
                        render();
                    } catch (UserFacingException e) {
                        Views.showRejection(this, e, fields());
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.open();
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("nationality", nationality);
        fields.put("phdDate", phdDate);
        fields.put("proposal", proposal);
        if (!choices.isEmpty()) {
            fields.put("choices", choices.getFirst());
        }
        if (!attachments.isEmpty()) {
            fields.put("documents", attachments.values().iterator().next());
        }
        return fields;
    }


    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "fellowship.apply.title", call == null ? "" : call.title());
    }
}
