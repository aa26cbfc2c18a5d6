package eu.aiskills.academy.fellowships.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
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
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * Preparing an application: what the applicant declares for eligibility (each rule explained
 * before submitting), the host offers in order of preference, the proposal and the required
 * documents; saved as a draft, submitted before the deadline, then shown with its receipt.
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

    private final Div verdicts = new Div();
    private RecordBinder<ApplicationDraft> binder;
    private ApplicantFactsField facts;

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
        facts = new ApplicantFactsField(getLocale());
        ChoicesField choices = new ChoicesField(offers, call.maxChoices());
        TextArea proposal = new TextArea(getTranslation("fellowship.apply.proposal-label"));
        proposal.setMaxLength(ApplicationDraft.PROPOSAL_MAX);
        proposal.setWidthFull();
        proposal.setMinHeight("10rem");
        List<StoredDocument> files = call.requiredDocuments().isEmpty() ? List.of() : documents.mine().stream()
                .filter(d -> d.purpose() == DocumentPurpose.APPLICATION_ATTACHMENT || d.purpose() == DocumentPurpose.CV).toList();
        AttachmentsField attachments = new AttachmentsField(call.requiredDocuments(), files);
        binder = new RecordBinder<>(ApplicationDraft.class, Map.of());
        binder.forField(proposal).withNullRepresentation("").bind("proposal");
        binder.forField(facts).bind("facts");
        binder.forField(choices).bind("choices");
        binder.forField(attachments).bind("documents");
        Map<String, DocumentId> attached = new LinkedHashMap<>();
        if (draft != null) {
            draft.documents().forEach(a -> attached.put(a.name(), a.document()));
        }
        binder.readRecord(draft == null ? new ApplicationDraft("", ApplicantFacts.empty(), List.of(), Map.of())
                : new ApplicationDraft(draft.proposal(), draft.facts(), draft.choices(), attached));

        add(facts);
        add(new H2(getTranslation("fellowship.apply.choices")), new Paragraph(getTranslation("fellowship.apply.choices-help", call.maxChoices())),
                choices);
        add(new H2(getTranslation("fellowship.apply.proposal")), proposal);
        if (!call.requiredDocuments().isEmpty()) {
            add(new H2(getTranslation("fellowship.call.documents")), attachments,
                    new Paragraph(new RouterLink(getTranslation("fellowship.apply.upload"), DocumentsView.class)));
        }

        verdicts.addClassName("academy-eligibility");
        Button check = new Button(getTranslation("fellowship.apply.check"), click -> check());
        Button save = new Button(getTranslation("fellowship.apply.save"), click -> save());
        Button submit = new Button(getTranslation("fellowship.apply.submit"), click -> confirmSubmit());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H2(getTranslation("fellowship.call.eligibility")), verdicts, new HorizontalLayout(check, save, submit));
    }

    private void check() {
        try {
            ApplicationDraft draft = binder.write();
            show(applications.checkEligibility(call.id(), draft.facts(), draft.choices()));
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
        try {
            applications.save(call.id(), binder.write());
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

    /** The form's fields by the names the application service's refusals use. */
    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>(binder.fields());
        fields.putAll(facts.parts());
        return fields;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "fellowship.apply.title", call == null ? "" : call.title());
    }
}
