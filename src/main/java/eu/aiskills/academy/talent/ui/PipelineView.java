package eu.aiskills.academy.talent.ui;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.ApplicationMove;
import eu.aiskills.academy.talent.ApplicationNote;
import eu.aiskills.academy.talent.ApplicationStatus;
import eu.aiskills.academy.talent.Applications;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.JobApplication;
import eu.aiskills.academy.talent.Matching;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.SkillSource;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

/**
 * One posting's applications for its employer team: the pipeline at a glance, applications moved
 * one by one or in bulk with a message to the candidates, each opened with its profile, answers,
 * CV, history and the team's notes; and the candidates open to offers who match best.
 * <p>Long because the pipeline's columns, the bulk move and the opened application share one
 * selection and one refresh; each part is its own method.
 */
@Route("my-postings/:id")
@RolesAllowed(Roles.EMPLOYER)
class PipelineView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Postings postings;
    private final transient Applications applications;
    private final transient Matching matching;
    private final transient Candidates candidates;
    private final Grid<JobApplication> grid = new Grid<>();
    private final Div stages = new Div();
    private final Div matches = new Div();
    private transient Posting posting;
    private String title = "";

    PipelineView(Postings postings, Applications applications, Matching matching, Candidates candidates) {
        this.postings = postings;
        this.applications = applications;
        this.matching = matching;
        this.candidates = candidates;
        addClassName("academy-pipeline");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            posting = postings.published(id);
            applications.forPosting(id);
        } catch (IllegalArgumentException | NotFoundException | AccessDeniedException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        title = posting.draft().title();
        render();
    }

    private void render() {
        removeAll();
        add(new H1(title), new Paragraph(new RouterLink(getTranslation("pipeline.public-page"), PostingView.class,
                new RouteParameters(Map.of("id", posting.id().toString()))), new Span(" · " + getTranslation(posting.status().messageKey()))));
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("pipeline.applications"), applicationsTab());
        tabs.add(getTranslation("pipeline.matches"), matchesTab());
        add(tabs);
        refresh();
    }

    private Component applicationsTab() {
        stages.addClassName("academy-pipeline-stages");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(JobApplication::candidateName).setHeader(getTranslation("pipeline.candidate")).setFlexGrow(2);
        grid.addComponentColumn(a -> {
            Span badge = new Span(getTranslation(a.status().messageKey()));
            badge.getElement().setAttribute("theme", MyApplicationsView.statusTheme(a.status()));
            return badge;
        }).setHeader(getTranslation("pipeline.stage")).setAutoWidth(true);
        grid.addColumn(a -> a.profile().skills().stream().filter(s -> s.source() == SkillSource.VERIFIED).count())
                .setHeader(getTranslation("pipeline.verified")).setAutoWidth(true);
        grid.addColumn(a -> Views.dateTime(this, a.submittedAt(), ZoneId.systemDefault())).setHeader(getTranslation("pipeline.sent"))
                .setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button open = new Button(getTranslation("pipeline.open"), click -> details(a.id()));
            open.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            open.setAriaLabel(getTranslation("pipeline.open-named", a.candidateName()));
            return open;
        }).setAutoWidth(true).setKey("open");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("pipeline.none"));

        Select<ApplicationStatus> to = stageSelect();
        TextField reason = new TextField(getTranslation("pipeline.reason"));
        reason.setMaxLength(Applications.REASON_MAX);
        reason.setWidth("24rem");
        Button move = new Button(getTranslation("pipeline.move-selected"), click -> {
            Set<JobApplication> selected = grid.getSelectedItems();
            try {
                int moved = applications.moveAll(selected.stream().map(JobApplication::id).toList(), to.getValue(), reason.getValue());
                Views.success(getTranslation("pipeline.moved", moved));
                reason.clear();
                refresh();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("reason", reason));
            }
        });
        move.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout bulk = new HorizontalLayout(to, reason, move);
        bulk.setAlignItems(Alignment.BASELINE);
        bulk.addClassName("academy-bulk");
        return new Div(stages, bulk, grid);
    }

    private Select<ApplicationStatus> stageSelect() {
        Select<ApplicationStatus> to = new Select<>();
        to.setLabel(getTranslation("pipeline.move-to"));
        to.setItems(Arrays.stream(ApplicationStatus.values()).filter(ApplicationStatus::employerTarget).toList());
        to.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        to.setValue(ApplicationStatus.SCREENING);
        return to;
    }

    private void refresh() {
        List<JobApplication> all = applications.forPosting(posting.id());
        grid.setItems(all);
        grid.deselectAll();
        Map<ApplicationStatus, Integer> counts = new EnumMap<>(ApplicationStatus.class);
        all.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        stages.removeAll();
        // The pipeline as a bar: one segment per stage, as wide as its share, with its count written in it.
        Div bar = new Div();
        bar.addClassName("academy-stage-bar");
        bar.getElement().setAttribute("role", "img");
        StringBuilder label = new StringBuilder();
        for (ApplicationStatus status : ApplicationStatus.values()) {
            int count = counts.getOrDefault(status, 0);
            if (count == 0) {
                continue;
            }
            Div segment = new Div(new Span(getTranslation(status.messageKey()) + " " + count));
            segment.addClassName("academy-stage");
            segment.addClassName("academy-stage-" + status.name().toLowerCase(Locale.ROOT));
            segment.getStyle().set("flex-grow", String.valueOf(count));
            bar.add(segment);
            label.append(getTranslation(status.messageKey())).append(": ").append(count).append(". ");
        }
        bar.getElement().setAttribute("aria-label", label.isEmpty() ? getTranslation("pipeline.none") : label.toString().strip());
        stages.add(new Paragraph(getTranslation("pipeline.count", all.size())));
        if (!all.isEmpty()) {
            stages.add(bar);
        }
    }

    private void details(UUID id) {
        JobApplication a = applications.get(id);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(a.candidateName());
        dialog.setWidth("min(56rem, 95vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        JobApplication.ProfileSnapshot p = a.profile();
        body.add(new Paragraph(p.headline()));
        String place = (p.city() == null ? "" : p.city() + ", ") + (p.country() == null ? "" : Locale.of("", p.country()).getDisplayCountry(getLocale()));
        if (!place.isBlank()) {
            body.add(new Paragraph(place));
        }
        body.add(new H3(getTranslation("profile.skills")), CandidateProfileDialog.skillList(p.skills()));
        if (!p.experience().isBlank()) {
            body.add(new H3(getTranslation("profile.experience")), Views.markdown(p.experience()));
        }
        if (!p.education().isBlank()) {
            body.add(new H3(getTranslation("profile.education")), Views.markdown(p.education()));
        }
        body.add(new H3(getTranslation("apply.cover-letter")), Views.markdown(a.coverLetter().isBlank() ? "—" : a.coverLetter()));
        for (JobApplication.Answer answer : a.answers()) {
            body.add(new H3(answer.question()), new Paragraph(answer.answer()));
        }
        if (a.hasCv()) {
            Anchor cv = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(applications.openCv(a.id()),
                    a.cvFileName(), null, -1)), getTranslation("pipeline.cv", a.cvFileName()));
            body.add(new Paragraph(cv));
        }
        OrderedList history = new OrderedList();
        for (ApplicationMove move : applications.history(a.id())) {
            history.add(new ListItem(Views.dateTime(this, move.at(), ZoneId.systemDefault()) + " · " + getTranslation(move.to().messageKey())
                    + (move.movedBy().isBlank() ? "" : " · " + move.movedBy()) + (move.reason() == null ? "" : " · “" + move.reason() + "”")));
        }
        body.add(new H3(getTranslation("my-applications.history")), history);
        Div notes = new Div();
        showNotes(notes, a.id());
        TextArea note = new TextArea(getTranslation("pipeline.note"));
        note.setMaxLength(ApplicationNote.BODY_MAX);
        note.setWidthFull();
        note.setHelperText(getTranslation("pipeline.note-help"));
        Button addNote = new Button(getTranslation("pipeline.add-note"), click -> {
            try {
                applications.addNote(a.id(), note.getValue());
                note.clear();
                showNotes(notes, a.id());
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("note", note));
            }
        });
        body.add(new H3(getTranslation("pipeline.notes")), notes, note, addNote);
        dialog.add(body);
        if (a.status().active()) {
            Select<ApplicationStatus> to = stageSelect();
            TextField reason = new TextField(getTranslation("pipeline.reason"));
            reason.setMaxLength(Applications.REASON_MAX);
            reason.setWidth("20rem");
            Button move = new Button(getTranslation("pipeline.move"), click -> {
                try {
                    applications.move(a.id(), to.getValue(), reason.getValue());
                    Views.success(getTranslation("pipeline.moved", 1));
                    dialog.close();
                    refresh();
                } catch (UserFacingException e) {
                    Views.showRejection(this, e, Map.of("reason", reason));
                }
            });
            move.addThemeVariants(ButtonVariant.PRIMARY);
            HorizontalLayout footer = new HorizontalLayout(to, reason, move);
            footer.setAlignItems(Alignment.BASELINE);
            dialog.getFooter().add(footer);
        }
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        add(dialog);
        dialog.open();
    }

    private void showNotes(Div notes, UUID id) {
        notes.removeAll();
        List<ApplicationNote> all = applications.notes(id);
        if (all.isEmpty()) {
            notes.add(new Paragraph(getTranslation("pipeline.no-notes")));
        }
        for (ApplicationNote n : all) {
            Paragraph p = new Paragraph(n.author() + " · " + Views.dateTime(this, n.writtenAt(), ZoneId.systemDefault()) + ": " + n.body());
            p.addClassName("academy-team-note");
            notes.add(p);
        }
    }

    private Component matchesTab() {
        IntegerField minimum = new IntegerField(getTranslation("pipeline.min-required"));
        minimum.setMin(1);
        minimum.setMax(posting.draft().requiredSkills().size());
        minimum.setValue(1);
        minimum.setStepButtonsVisible(true);
        minimum.setWidth("18rem");
        Checkbox verifiedOnly = new Checkbox(getTranslation("pipeline.verified-only"));
        Locale locale = getLocale();
        ComboBox<String> country = new ComboBox<>(getTranslation("profile.country"));
        country.setItems(Views.countriesByName(locale));
        country.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(locale));
        country.setClearButtonVisible(true);
        ComboBox<String> language = new ComboBox<>(getTranslation("profile.languages"));
        language.setItems(posting.draft().languages());
        language.setItemLabelGenerator(l -> Locale.of(l).getDisplayLanguage(locale));
        language.setClearButtonVisible(true);
        Runnable show = () -> showMatches(new Matching.CandidateFilter(minimum.getValue() == null ? 1 : minimum.getValue(),
                verifiedOnly.getValue(), country.getValue(), language.getValue()));
        minimum.addValueChangeListener(e -> show.run());
        verifiedOnly.addValueChangeListener(e -> show.run());
        country.addValueChangeListener(e -> show.run());
        language.addValueChangeListener(e -> show.run());
        HorizontalLayout filters = new HorizontalLayout(minimum, country, language, verifiedOnly);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        matches.addClassName("academy-matches");
        show.run();
        return new Div(new Paragraph(getTranslation("pipeline.matches-intro")), filters, matches);
    }

    private void showMatches(Matching.CandidateFilter filter) {
        matches.removeAll();
        List<Matching.CandidateMatch> found = matching.candidatesFor(posting.id(), filter, 50);
        if (found.isEmpty()) {
            matches.add(new Paragraph(getTranslation("pipeline.no-matches")));
        }
        for (Matching.CandidateMatch match : found) {
            Div card = new Div();
            card.addClassName("academy-card");
            card.addClassName("academy-match");
            Button profile = new Button(getTranslation("pipeline.view-profile"), click -> profile(match));
            profile.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            profile.setAriaLabel(getTranslation("pipeline.view-profile-of", match.displayName()));
            String place = (match.city() == null ? "" : match.city() + ", ")
                    + (match.country() == null ? "" : Locale.of("", match.country()).getDisplayCountry(getLocale()));
            card.add(new H3(match.displayName()), new Paragraph(match.headline() + (place.isBlank() ? "" : " · " + place)),
                    new Paragraph(getTranslation("match.score", match.why().score()) + " · " + OpportunitiesView.explanation(this, match.why())));
            if (!match.why().missing().isEmpty()) {
                card.add(new Paragraph(getTranslation("pipeline.lacks", String.join(", ",
                        match.why().missing().stream().map(s -> s.label()).toList()))));
            }
            card.add(profile);
            matches.add(card);
        }
    }

    private void profile(Matching.CandidateMatch match) {
        CandidateProfileDialog.show(this, candidates, match.candidate());
    }



    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "pipeline.title", title);
    }
}
