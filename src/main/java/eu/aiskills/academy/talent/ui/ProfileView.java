package eu.aiskills.academy.talent.ui;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.documents.ui.DocumentsView;
import eu.aiskills.academy.fellowships.Cohorts;
import eu.aiskills.academy.fellowships.FellowshipPlacements;
import eu.aiskills.academy.fellowships.ui.CohortView;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.CandidateProfile;
import eu.aiskills.academy.talent.CandidateSkill;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.ProfileDraft;
import eu.aiskills.academy.talent.SkillSource;
import eu.aiskills.academy.talent.Visibility;
import jakarta.annotation.security.PermitAll;

/**
 * A person's candidate profile: what they write, the skills they declare, confirm from their CV
 * or hold verified by credentials, who may see it, and the consent they can withdraw.
 */
@Route("my-profile")
@PermitAll
@Menu(title = "nav.my-profile", order = 23.5, icon = "vaadin:user-card")
class ProfileView extends VerticalLayout implements HasDynamicTitle {

    private final transient Candidates candidates;
    private final transient Catalogue catalogue;
    private final transient Documents documents;
    private final transient FellowshipPlacements fellowships;
    private final transient Cohorts cohorts;

    ProfileView(Candidates candidates, Catalogue catalogue, Documents documents, FellowshipPlacements fellowships, Cohorts cohorts) {
        this.fellowships = fellowships;
        this.cohorts = cohorts;
        this.candidates = candidates;
        this.catalogue = catalogue;
        this.documents = documents;
        addClassName("academy-profile");
        render();
    }

    private void render() {
        removeAll();
        CandidateProfile profile = candidates.mine();
        add(new H1(getTranslation("profile.title")), new Paragraph(getTranslation("profile.intro")));
        add(standing(profile));
        fellowship();
        add(form(profile));
        add(new H2(getTranslation("profile.skills")), skills(profile));
        add(new H2(getTranslation("profile.cv")), cv(profile));
    }

    /** A fellow in post: where, and the Academy courses they teach; a cohort's participant or mentor: a link to it. */
    private void fellowship() {
        for (FellowshipPlacements.Fellowship fellowship : fellowships.myFellowships()) {
            Div box = new Div(new H2(getTranslation("profile.fellowship")), new Paragraph(getTranslation("profile.fellow-at",
                    fellowship.offerTopic(), fellowship.host(), fellowship.callTitle())));
            if (!fellowship.teaching().isEmpty()) {
                UnorderedList courses = new UnorderedList();
                fellowship.teaching().forEach(c -> courses.add(new ListItem(new com.vaadin.flow.component.html.Anchor("courses/" + c.slug(),
                        c.title()))));
                box.add(new Paragraph(getTranslation("profile.teaches")), courses);
            }
            box.addClassName("academy-card");
            add(box);
        }
        if (!cohorts.myMemberships().isEmpty() || !cohorts.mentees().isEmpty()) {
            add(new Paragraph(new RouterLink(getTranslation("profile.cohorts"), CohortView.class)));
        }
    }

    private Paragraph standing(CandidateProfile profile) {
        Paragraph standing = new Paragraph(profile.visibleToEmployers()
                ? getTranslation("profile.visible", getTranslation(profile.draft().visibility().messageKey()),
                        Views.dateTime(this, profile.consentAt(), java.time.ZoneId.systemDefault()))
                : getTranslation("profile.private"));
        standing.addClassName("academy-status-line");
        return standing;
    }

    private Div form(CandidateProfile profile) {
        ProfileDraft d = profile.draft();
        Locale locale = getLocale();
        TextField headline = new TextField(getTranslation("profile.headline"));
        headline.setMaxLength(ProfileDraft.HEADLINE_MAX);
        headline.setHelperText(getTranslation("profile.headline-help"));
        TextArea experience = new TextArea(getTranslation("profile.experience"));
        experience.setMaxLength(ProfileDraft.TEXT_MAX);
        experience.setHelperText(getTranslation("profile.markdown-help"));
        TextArea education = new TextArea(getTranslation("profile.education"));
        education.setMaxLength(ProfileDraft.TEXT_MAX);
        ComboBox<String> country = new ComboBox<>(getTranslation("profile.country"));
        country.setItems(Views.countriesByName(locale));
        country.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(locale));
        country.setClearButtonVisible(true);
        TextField city = new TextField(getTranslation("profile.city"));
        city.setMaxLength(ProfileDraft.CITY_MAX);
        Select<Mobility> mobility = new Select<>();
        mobility.setLabel(getTranslation("profile.mobility"));
        mobility.setItems(Mobility.values());
        mobility.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        MultiSelectComboBox<String> languages = new MultiSelectComboBox<>(getTranslation("profile.languages"));
        languages.setItems(Arrays.stream(Locale.getISOLanguages()).sorted(Comparator.comparing(l -> Locale.of(l).getDisplayLanguage(locale)))
                .toList());
        languages.setItemLabelGenerator(l -> Locale.of(l).getDisplayLanguage(locale));
        List<Skill> all = catalogue.skills();
        MultiSelectComboBox<Skill> declared = new MultiSelectComboBox<>(getTranslation("profile.declared"));
        declared.setItems(all);
        declared.setItemLabelGenerator(Skill::label);
        declared.setHelperText(getTranslation("profile.declared-help"));
        RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>(getTranslation("profile.visibility"));
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation(v.messageKey()));
        Checkbox consent = new Checkbox(getTranslation("profile.consent"));
        RecordBinder<ProfileDraft> binder = new RecordBinder<>(ProfileDraft.class, Map.of("skills", "declaredSkills"));
        binder.forField(headline).bind("headline");
        binder.forField(experience).bind("experience");
        binder.forField(education).bind("education");
        binder.forField(country).bind("country");
        binder.forField(city).withNullRepresentation("").bind("city");
        binder.forField(mobility).bind("mobility");
        binder.forField(languages).withConverter(List::copyOf, (List<String> codes) -> new LinkedHashSet<>(codes)).bind("languages");
        binder.forField(declared).withConverter(chosen -> chosen.stream().map(Skill::uri).toList(),
                (List<String> uris) -> all.stream().filter(skill -> uris.contains(skill.uri())).collect(Collectors.toSet())).bind("declaredSkills");
        binder.forField(visibility).bind("visibility");
        binder.forField(consent).bind("consent");
        binder.readRecord(d);
        FormLayout form = new FormLayout(headline, country, city, mobility, languages, declared, experience, education);
        form.setColspan(headline, 2);
        form.setColspan(declared, 2);
        form.setColspan(experience, 2);
        form.setColspan(education, 2);
        Button save = new Button(getTranslation("profile.save"), click -> {
            try {
                candidates.save(binder.write());
                Views.success(getTranslation("profile.saved"));
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, binder.fields());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save);
        if (profile.consentAt() != null) {
            Button withdraw = new Button(getTranslation("profile.withdraw"), click -> confirmWithdraw());
            withdraw.addThemeVariants(ButtonVariant.ERROR);
            actions.add(withdraw);
        }
        Paragraph consentNote = new Paragraph(getTranslation("profile.consent-note"));
        consentNote.addClassName("academy-note");
        Div box = new Div(form, visibility, consent, consentNote, actions);
        box.addClassName("academy-card");
        return box;
    }

    private void confirmWithdraw() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("profile.withdraw"), getTranslation("profile.withdraw-confirm"),
                getTranslation("profile.withdraw"), event -> {
                    candidates.withdrawConsent();
                    Views.success(getTranslation("profile.withdrawn"));
                    render();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private UnorderedList skills(CandidateProfile profile) {
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-skill-list");
        if (profile.skills().isEmpty()) {
            list.add(new ListItem(getTranslation("profile.no-skills")));
        }
        for (CandidateSkill skill : profile.skills()) {
            Span source = new Span(getTranslation(skill.source().messageKey()));
            source.getElement().getThemeList().add(skill.source() == SkillSource.VERIFIED ? "badge success" : "badge contrast");
            ListItem item = new ListItem(new Span(skill.label() + " "), source);
            if (skill.evidence() != null && (skill.source() == SkillSource.VERIFIED || skill.source() == SkillSource.COURSE)) {
                Span evidence = new Span(" " + getTranslation("profile.evidence", skill.evidence()));
                evidence.addClassName("academy-note");
                item.add(evidence);
            }
            list.add(item);
        }
        return list;
    }

    private Div cv(CandidateProfile profile) {
        Div box = new Div();
        List<StoredDocument> cvs = documents.mine().stream().filter(d -> d.purpose() == DocumentPurpose.CV).toList();
        if (cvs.isEmpty()) {
            box.add(new Paragraph(getTranslation("profile.cv-none")), new RouterLink(getTranslation("profile.cv-upload"), DocumentsView.class));
            return box;
        }
        Select<StoredDocument> choice = new Select<>();
        choice.setLabel(getTranslation("apply.cv"));
        choice.setItems(cvs);
        choice.setItemLabelGenerator(StoredDocument::fileName);
        choice.setValue(cvs.getFirst());
        Button find = new Button(getTranslation("profile.cv-find"), click -> {
            try {
                List<CandidateSkill> found = candidates.suggestFromCv(choice.getValue().id());
                Views.success(getTranslation("profile.cv-found", found.size()));
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("cv", choice));
            }
        });
        HorizontalLayout row = new HorizontalLayout(choice, find);
        row.setAlignItems(Alignment.BASELINE);
        box.add(new Paragraph(getTranslation("profile.cv-intro")), row);
        if (!profile.suggestions().isEmpty()) {
            UnorderedList suggestions = new UnorderedList();
            suggestions.addClassName("academy-suggestions");
            for (CandidateSkill suggestion : profile.suggestions()) {
                Button keep = new Button(getTranslation("profile.cv-confirm"), click -> {
                    candidates.confirmSuggestion(suggestion.uri());
                    render();
                });
                keep.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
                keep.setAriaLabel(getTranslation("profile.cv-confirm-named", suggestion.label()));
                Button drop = new Button(getTranslation("profile.cv-dismiss"), click -> {
                    candidates.dismissSuggestion(suggestion.uri());
                    render();
                });
                drop.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                drop.setAriaLabel(getTranslation("profile.cv-dismiss-named", suggestion.label()));
                suggestions.add(new ListItem(new Span(suggestion.label() + " "), keep, drop));
            }
            box.add(new Paragraph(getTranslation("profile.cv-suggestions")), suggestions);
        }
        return box;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "profile.title");
    }
}
