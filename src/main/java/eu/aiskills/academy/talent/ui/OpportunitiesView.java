package eu.aiskills.academy.talent.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.Matching;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.SavedSearch;
import eu.aiskills.academy.talent.SavedSearches;
import jakarta.annotation.security.PermitAll;

/**
 * Open postings ranked for the signed-in person by their skills, each with why it matches and
 * the courses that would close what is missing; and the person's alerts.
 */
@Route("opportunities")
@PermitAll
@Menu(title = "nav.opportunities", order = 23, icon = "vaadin:bullseye")
class OpportunitiesView extends VerticalLayout implements HasDynamicTitle {

    private static final int SHOWN = 30;

    private final transient Matching matching;
    private final transient SavedSearches searches;
    private final transient Catalogue catalogue;
    private final Div results = new Div();
    private final Div alerts = new Div();
    private final Select<PostingKind> kind = new Select<>();

    OpportunitiesView(Matching matching, SavedSearches searches, Catalogue catalogue) {
        this.matching = matching;
        this.searches = searches;
        this.catalogue = catalogue;
        addClassName("academy-opportunities");
        add(new H1(getTranslation("opportunities.title")), new Paragraph(getTranslation("opportunities.intro")));
        kind.setLabel(getTranslation("postings.field.kind"));
        kind.setItems(PostingKind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("opportunities.any-kind") : getTranslation(k.messageKey()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("opportunities.any-kind"));
        kind.addValueChangeListener(change -> showResults());
        results.addClassName("academy-matches");
        add(kind, results, new H2(getTranslation("alerts.title")), alerts);
        showResults();
        showAlerts();
    }

    private void showResults() {
        results.removeAll();
        List<Matching.PostingMatch> matches = matching.postingsForMe(kind.getValue(), SHOWN);
        if (matches.isEmpty()) {
            results.add(new Paragraph(getTranslation("opportunities.none")),
                    new RouterLink(getTranslation("opportunities.add-skills"), ProfileView.class));
            return;
        }
        matches.forEach(match -> results.add(card(match)));
    }

    private Div card(Matching.PostingMatch match) {
        Matching.Explanation why = match.why();
        Div card = new Div();
        card.addClassName("academy-card");
        card.addClassName("academy-match");
        H3 title = new H3(new RouterLink(match.posting().draft().title(), PostingView.class,
                new RouteParameters(Map.of("id", match.posting().id().toString()))));
        Span kindBadge = new Span(getTranslation(match.posting().draft().kind().messageKey()));
        kindBadge.getElement().getThemeList().add("badge");
        card.add(title, new Paragraph(new Span(match.posting().organisationName() + " · "), kindBadge));
        ProgressBar score = new ProgressBar(0, 100, why.score());
        score.getElement().setAttribute("aria-label", getTranslation("match.score", why.score()));
        Span scoreText = new Span(getTranslation("match.score", why.score()));
        scoreText.addClassName("academy-match-score");
        Div meter = new Div(scoreText, score);
        meter.addClassName("academy-match-meter");
        card.add(meter, new Paragraph(explanation(this, why)));
        if (!why.placeFits()) {
            card.add(note(getTranslation("match.place-differs")));
        }
        if (!why.languageFits()) {
            card.add(note(getTranslation("match.language-differs")));
        }
        if (!why.missing().isEmpty()) {
            UnorderedList gaps = new UnorderedList();
            gaps.addClassName("academy-gaps");
            for (Skill missing : why.missing()) {
                List<CourseSummary> courses = match.coursesForMissing().getOrDefault(missing.uri(), List.of());
                ListItem item = new ListItem(new Span(getTranslation("match.missing", missing.label()) + " "));
                if (courses.isEmpty()) {
                    item.add(new Span(getTranslation("match.no-course")));
                } else {
                    item.add(new Span(getTranslation("match.learn-it") + " "));
                    courses.forEach(c -> item.add(new Anchor("courses/" + c.slug(), c.title()), new Span(" ")));
                }
                gaps.add(item);
            }
            card.add(gaps);
        }
        return card;
    }

    /** "7 of 9 required skills, 5 verified by credentials; 1 of 2 optional" in the reader's language. */
    static String explanation(com.vaadin.flow.component.Component view, Matching.Explanation why) {
        String text = view.getTranslation("match.explanation", why.requiredMatched(), why.requiredTotal(), why.verifiedMatched());
        if (why.optionalTotal() > 0) {
            text += view.getTranslation("match.explanation-optional", why.optionalMatched(), why.optionalTotal());
        }
        if (why.relevance() > 0) {
            text += view.getTranslation("match.explanation-text", why.relevance());
        }
        return text;
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("academy-note");
        return note;
    }

    private void showAlerts() {
        alerts.removeAll();
        alerts.add(new Paragraph(getTranslation("alerts.intro")));
        UnorderedList list = new UnorderedList();
        for (SavedSearch search : searches.mine()) {
            Button delete = new Button(VaadinIcon.TRASH.create(), click -> {
                searches.delete(search.id());
                showAlerts();
            });
            delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            delete.setAriaLabel(getTranslation("alerts.delete", search.name()));
            list.add(new ListItem(new Span(search.name() + " "), delete));
        }
        if (list.getChildren().findAny().isPresent()) {
            alerts.add(list);
        }
        Locale locale = getLocale();
        TextField name = new TextField(getTranslation("alerts.name"));
        name.setMaxLength(SavedSearch.NAME_MAX);
        TextField words = new TextField(getTranslation("alerts.words"));
        words.setMaxLength(SavedSearch.TEXT_MAX);
        MultiSelectComboBox<PostingKind> kinds = new MultiSelectComboBox<>(getTranslation("alerts.kinds"));
        kinds.setItems(PostingKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        MultiSelectComboBox<String> countries = new MultiSelectComboBox<>(getTranslation("alerts.countries"));
        countries.setItems(Views.countriesByName(locale));
        countries.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(locale));
        MultiSelectComboBox<Skill> skills = new MultiSelectComboBox<>(getTranslation("alerts.skills"));
        skills.setItems(catalogue.skills());
        skills.setItemLabelGenerator(Skill::label);
        Button save = new Button(getTranslation("alerts.save"), click -> {
            try {
                searches.save(name.getValue(), words.getValue(), new HashSet<>(kinds.getValue()), new HashSet<>(countries.getValue()),
                        skills.getValue().stream().map(Skill::uri).collect(Collectors.toSet()));
                Views.success(getTranslation("alerts.saved", name.getValue().strip()));
                showAlerts();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.<String, HasValidation>of("name", name, "text", words, "countries", countries,
                        "skills", skills));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        FormLayout form = new FormLayout(name, words, kinds, countries, skills);
        form.setColspan(skills, 2);
        Div box = new Div(form, save);
        box.addClassName("academy-card");
        alerts.add(box);
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "opportunities.title");
    }
}
