package eu.aiskills.academy.fellowships.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.FellowshipPlacements;
import eu.aiskills.academy.fellowships.HostOffer;
import eu.aiskills.academy.fellowships.OfferDraft;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Membership;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.Views;

/**
 * A call's page: what it funds, until when (in the call's time zone), who is eligible, how
 * applications are judged, the host offers; members of a host entity offer a placement here.
 */
@Route("fellowships/:" + CallView.SLUG)
@AnonymousAllowed
class CallView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SLUG = "slug";

    private final transient FellowshipCalls calls;
    private final transient OrganisationManagement organisations;
    private final transient Catalogue catalogue;
    private final transient FellowshipPlacements placements;
    private transient FellowshipCall call;
    private String title = "";

    CallView(FellowshipCalls calls, OrganisationManagement organisations, Catalogue catalogue, FellowshipPlacements placements) {
        this.placements = placements;
        this.calls = calls;
        this.organisations = organisations;
        this.catalogue = catalogue;
        addClassName("academy-call");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        call = callOf(event, calls);
        if (call == null) {
            return;
        }
        title = call.title();
        render();
    }

    /** The call a route's {@link #SLUG} names; null, with the person sent to "not found", when there is none. */
    static FellowshipCall callOf(BeforeEnterEvent event, FellowshipCalls calls) {
        try {
            return calls.bySlug(event.getRouteParameters().get(SLUG).orElse(""));
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return null;
        }
    }

    private void render() {
        removeAll();
        Span scheme = new Span(getTranslation(call.scheme().messageKey()));
        scheme.getElement().setAttribute("theme", "badge");
        add(new H1(call.title()), scheme);
        add(Views.markdown(call.summary()));
        add(new Paragraph(getTranslation("fellowship.call.dates", CallTexts.deadline(this, call, call.opensAt()),
                CallTexts.deadline(this, call, call.closesAt()))));
        add(new Paragraph(getTranslation("fellowships.places", call.fundedPlaces(), CallTexts.money(this, call))));
        if (java.time.Instant.now().isBefore(call.closesAt())) {
            RouterLink apply = new RouterLink(getTranslation("fellowship.call.apply"), ApplyView.class,
                    new RouteParameters(Map.of(SLUG, call.slug())));
            apply.addClassName("academy-primary-link");
            add(new Paragraph(apply));
        } else {
            add(new Paragraph(getTranslation("fellowship.call.closed")));
        }
        add(new H2(getTranslation("fellowship.call.eligibility")), list(CallTexts.rules(this, call.rules())));
        add(new H2(getTranslation("fellowship.call.criteria")));
        UnorderedList criteria = new UnorderedList();
        for (Criterion c : call.criteria()) {
            criteria.add(new ListItem(getTranslation("fellowship.call.criterion", c.name(), c.weight().stripTrailingZeros().toPlainString(),
                    c.description())));
        }
        add(criteria, new Paragraph(getTranslation("fellowship.call.scale", call.scoreMax())));
        if (!call.requiredDocuments().isEmpty()) {
            add(new H2(getTranslation("fellowship.call.documents")), list(call.requiredDocuments()));
        }
        add(new H2(getTranslation("fellowship.call.offers")), offers());
        hostForm();
    }

    private Div offers() {
        Map<String, String> labels = catalogue.skills().stream().collect(Collectors.toMap(Skill::uri, Skill::label, (a, b) -> a));
        Div grid = new Div();
        grid.addClassName("academy-card-grid");
        List<HostOffer> offers = calls.offers(call.id());
        if (offers.isEmpty()) {
            grid.add(new Paragraph(getTranslation("fellowship.call.no-offers")));
        }
        for (HostOffer offer : offers) {
            Div card = new Div();
            card.addClassName("academy-card");
            card.add(new H3(offer.topic()), new Paragraph(offer.organisationName() + " · " + offer.city() + ", "
                    + Locale.of("", offer.country()).getDisplayCountry(getLocale())),
                    new Paragraph(getTranslation("fellowship.offer.supervisor", offer.supervisor(), offer.places())));
            if (!offer.description().isBlank()) {
                card.add(Views.markdown(offer.description()));
            }
            if (!offer.skills().isEmpty()) {
                card.add(new Paragraph(getTranslation("fellowship.offer.skills",
                        offer.skills().stream().map(s -> labels.getOrDefault(s, s)).collect(Collectors.joining(", ")))));
            }
            grid.add(card);
        }
        return grid;
    }

    /** Members of a host institution, university or company offer a placement while the call is open; after it, they order who applied. */
    private void hostForm() {
        if (CurrentUser.id().isEmpty()) {
            return;
        }
        if (!java.time.Instant.now().isBefore(call.closesAt())) {
            hostOrders();
            return;
        }
        List<Membership> hosts = organisations.myMemberships().stream().filter(m -> m.organisationKind() == OrganisationKind.HOST_INSTITUTION
                || m.organisationKind() == OrganisationKind.UNIVERSITY || m.organisationKind() == OrganisationKind.EMPLOYER).toList();
        if (hosts.isEmpty()) {
            return;
        }
        Select<Membership> host = new Select<>();
        host.setLabel(getTranslation("fellowship.offer.host"));
        host.setItems(hosts);
        host.setItemLabelGenerator(m -> m == null ? "" : m.organisationName());
        TextField topic = new TextField(getTranslation("fellowship.offer.topic"));
        topic.setMaxLength(OfferDraft.TOPIC_MAX);
        TextField supervisor = new TextField(getTranslation("fellowship.offer.supervisor-field"));
        supervisor.setMaxLength(OfferDraft.SUPERVISOR_MAX);
        TextArea description = new TextArea(getTranslation("fellowship.offer.description"));
        description.setMaxLength(OfferDraft.TEXT_MAX);
        MultiSelectComboBox<Skill> skills = new MultiSelectComboBox<>(getTranslation("alerts.skills"));
        skills.setItemLabelGenerator(Skill::label);
        IntegerField places = new IntegerField(getTranslation("fellowship.offer.places"));
        places.setMin(1);
        TextField city = new TextField(getTranslation("profile.city"));
        city.setMaxLength(OfferDraft.CITY_MAX);
        TextField country = new TextField(getTranslation("postings.field.country"));
        country.setMaxLength(OfferDraft.COUNTRY_LENGTH);
        List<Skill> skillChoices = catalogue.skills();
        skills.setItems(skillChoices);
        RecordBinder<OfferDraft> binder = new RecordBinder<>(OfferDraft.class, Map.of());
        binder.forField(host).withConverter(m -> m == null ? null : m.organisationId(),
                (OrganisationId id) -> hosts.stream().filter(m -> m.organisationId().equals(id)).findFirst().orElse(null)).bind("organisation");
        binder.forField(topic).bind("topic");
        binder.forField(description).bind("description");
        binder.forField(supervisor).bind("supervisor");
        binder.forField(skills).withConverter(chosen -> chosen.stream().map(Skill::uri).toList(),
                (List<String> uris) -> skillChoices.stream().filter(skill -> uris.contains(skill.uri())).collect(Collectors.toSet())).bind("skills");
        binder.forField(places).withConverter(n -> n == null ? 0 : n, n -> n).bind("places");
        binder.forField(city).bind("city");
        binder.forField(country).withConverter(code -> code.strip().toUpperCase(Locale.ROOT), code -> code == null ? "" : code).bind("country");
        binder.readRecord(new OfferDraft(hosts.getFirst().organisationId(), "", "", "", List.of(), 1, "", ""));
        FormLayout form = new FormLayout(host, topic, supervisor, places, city, country, skills, description);
        form.setColspan(description, 2);
        form.setColspan(skills, 2);
        Button add = new Button(getTranslation("fellowship.offer.add"), click -> {
            try {
                calls.addOffer(call.id(), binder.write());
                Views.success(getTranslation("fellowship.offer.added"));
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, binder.fields());
            }
        });
        add.addThemeVariants(ButtonVariant.PRIMARY);
        Div box = new Div(new H2(getTranslation("fellowship.offer.title")), form, add);
        box.addClassName("academy-card");
        add(box);
    }

    /** For each of the member's own offers: the applicants who chose it, to be put in the host's order. */
    private void hostOrders() {
        for (HostOffer offer : calls.offers(call.id())) {
            List<FellowshipPlacements.Candidate> candidates;
            try {
                candidates = placements.applicantsFor(offer.id());
            } catch (org.springframework.security.access.AccessDeniedException notOurs) {
                continue;
            }
            List<FellowshipPlacements.Candidate> order = new java.util.ArrayList<>(candidates);
            Div box = new Div(new H2(getTranslation("fellowship.host.order-title", offer.topic())),
                    new Paragraph(getTranslation("fellowship.host.order-intro")));
            box.addClassName("academy-card");
            com.vaadin.flow.component.html.OrderedList list = new com.vaadin.flow.component.html.OrderedList();
            Runnable[] redraw = new Runnable[1];
            redraw[0] = () -> {
                list.removeAll();
                for (int i = 0; i < order.size(); i++) {
                    int index = i;
                    FellowshipPlacements.Candidate c = order.get(i);
                    Button up = new Button(getTranslation("fellowship.host.up"), click -> {
                        java.util.Collections.swap(order, index, index - 1);
                        redraw[0].run();
                    });
                    up.setEnabled(i > 0);
                    up.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                    up.setAriaLabel(getTranslation("fellowship.host.up-named", c.name()));
                    list.add(new ListItem(new Span(getTranslation("fellowship.host.candidate", c.name(), c.choice()) + " "), up));
                }
            };
            redraw[0].run();
            Button save = new Button(getTranslation("fellowship.host.save"), click -> {
                try {
                    placements.rankApplicants(offer.id(), order.stream().map(FellowshipPlacements.Candidate::application).toList());
                    Views.success(getTranslation("fellowship.host.saved"));
                } catch (UserFacingException e) {
                    Views.error(getTranslation(e.messageKey(), e.arguments()));
                }
            });
            save.addThemeVariants(ButtonVariant.PRIMARY);
            if (order.isEmpty()) {
                box.add(new Paragraph(getTranslation("fellowship.host.nobody")));
            } else {
                box.add(list, save);
            }
            add(box);
        }
    }

    private static UnorderedList list(List<String> lines) {
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "fellowship.call.title", title);
    }
}
