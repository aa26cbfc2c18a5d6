package eu.aiskills.academy.talent.ui;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.Applications;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.PostingStatus;
import eu.aiskills.academy.talent.MatchRelevance;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.RemotePolicy;
import org.springframework.beans.factory.ObjectProvider;

/** A posting's public page: what the role is, where, for whom, the skills it needs and, for apprenticeships, the courses. */
@Route("postings/:id")
@AnonymousAllowed
class PostingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Postings postings;
    private final transient Catalogue catalogue;
    private final transient Applications applications;
    private final transient Documents documents;
    private final transient ObjectProvider<MatchRelevance> relevance;
    private String title = "";

    PostingView(Postings postings, Catalogue catalogue, Applications applications, Documents documents,
                ObjectProvider<MatchRelevance> relevance) {
        this.relevance = relevance;
        this.postings = postings;
        this.catalogue = catalogue;
        this.applications = applications;
        this.documents = documents;
        addClassName("academy-posting");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Posting posting;
        try {
            posting = postings.published(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
        } catch (IllegalArgumentException | NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        render(posting);
    }

    private void render(Posting posting) {
        removeAll();
        PostingDraft d = posting.draft();
        title = d.title();
        Locale locale = getLocale();
        add(new H1(d.title()));
        Div badges = new Div();
        badges.addClassName("academy-badges");
        for (String label : new String[] {getTranslation(d.kind().messageKey()), getTranslation(d.seniority().messageKey()),
                getTranslation(d.remote().messageKey()), getTranslation(posting.status().messageKey())}) {
            Span badge = new Span(label);
            badge.getElement().getThemeList().add("badge");
            badges.add(badge);
        }
        add(badges);
        add(new Paragraph(getTranslation("posting.page.employer", posting.organisationName())));
        String country = Locale.of("", d.workCountry()).getDisplayCountry(locale);
        String places = d.remote() == RemotePolicy.REMOTE && d.locations().isEmpty() ? getTranslation("posting.remote.remote")
                : String.join(" · ", d.locations());
        add(new Paragraph(getTranslation("posting.page.where", places, country)));
        if (d.visaSupport()) {
            add(new Paragraph(getTranslation("posting.page.visa")));
        }
        if (d.salaryMin() != null || d.salaryMax() != null) {
            NumberFormat money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(Currency.getInstance(d.salaryCurrency()));
            money.setMaximumFractionDigits(0);
            String range = (d.salaryMin() == null ? "" : money.format(d.salaryMin())) + " – "
                    + (d.salaryMax() == null ? "" : money.format(d.salaryMax()));
            add(new Paragraph(getTranslation("posting.page.salary." + d.salaryPeriod().toLowerCase(Locale.ROOT), range)));
        }
        String languages = d.languages().stream().map(l -> Locale.of(l).getDisplayLanguage(locale)).collect(Collectors.joining(", "));
        add(new Paragraph(getTranslation("posting.page.facts", d.openings(), languages,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d.closesOn()))));
        if (posting.status() != PostingStatus.PUBLISHED) {
            Paragraph closed = new Paragraph(getTranslation("posting.page.closed"));
            closed.addClassName("academy-note");
            add(closed);
        }
        Div description = eu.aiskills.academy.shared.ui.RichText.markdown(d.description());
        description.addClassName("academy-markdown");
        add(description);
        Map<String, String> labels = catalogue.skills().stream().collect(Collectors.toMap(Skill::uri, Skill::label, (a, b) -> a));
        add(new H2(getTranslation("posting.page.skills")), skills(d.requiredSkills(), labels));
        if (!d.optionalSkills().isEmpty()) {
            add(new H2(getTranslation("posting.page.optional-skills")), skills(d.optionalSkills(), labels));
        }
        if (d.kind() == PostingKind.APPRENTICESHIP) {
            add(new H2(getTranslation("posting.page.training")));
            Div plan = eu.aiskills.academy.shared.ui.RichText.markdown(d.trainingPlan());
            plan.addClassName("academy-markdown");
            add(plan);
            UnorderedList courses = new UnorderedList();
            for (String slug : d.courses()) {
                catalogue.publishedCourse(slug).ifPresent(c -> courses.add(new ListItem(new Anchor("courses/" + slug, c.summary().title()))));
            }
            add(courses);
        }
        if (!CurrentUser.hasRole(Roles.EMPLOYER) || CurrentUser.hasRole(Roles.STUDENT) || CurrentUser.hasRole(Roles.FELLOW)) {
            add(new ApplySection(applications, documents, posting));
        }
        similar(posting);
    }

    /** "Similar opportunities": open postings most like this one by their text (when search is available). */
    private void similar(Posting posting) {
        MatchRelevance texts = relevance.getIfAvailable();
        if (texts == null) {
            return;
        }
        UnorderedList list = new UnorderedList();
        for (UUID id : texts.similarPostings(posting.id(), 4)) {
            try {
                Posting other = postings.published(id);
                if (other.status() == PostingStatus.PUBLISHED && !other.id().equals(posting.id())) {
                    list.add(new ListItem(new Anchor("postings/" + id, other.draft().title() + " — " + other.organisationName())));
                }
            } catch (NotFoundException gone) {
                // Closed or removed since it was indexed.
            }
        }
        if (list.getChildren().findAny().isPresent()) {
            Div section = new Div(new H2(getTranslation("posting.page.similar")), list);
            section.addClassName("academy-related");
            add(section);
        }
    }

    private static UnorderedList skills(java.util.List<String> uris, Map<String, String> labels) {
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-skill-list");
        uris.forEach(uri -> list.add(new ListItem(new Anchor(uri, labels.getOrDefault(uri, uri)))));
        return list;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "posting.page.title", title);
    }
}
