package eu.aiskills.academy.assessment.ui;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Assignments;
import eu.aiskills.academy.assessment.Rubric;
import eu.aiskills.academy.assessment.Submission;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * Grading an assignment's submissions, as Moodle's grader does: the submissions waiting first
 * (or all), each opened beside its rubric with one level picked per criterion, the score as it
 * adds up, feedback, and either a final grade or a return for resubmission. Two graders at once
 * grade a submission once; the second is told.
 */
@Route("assignments/:slug/grading")
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
class AssignmentGradingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SLUG = "slug";

    private final transient Assignments assignments;
    private Assignment assignment;
    private final Grid<Submission> grid = new Grid<>();
    private final Checkbox waitingOnly = new Checkbox();
    private final Paragraph summary = new Paragraph();

    AssignmentGradingView(Assignments assignments) {
        this.assignments = assignments;
        addClassName("academy-grading");
        waitingOnly.setValue(true);
        waitingOnly.addValueChangeListener(change -> refresh());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SLUG).orElse("");
        assignment = assignments.assignment(slug).orElseThrow(() -> new NotFoundException("assignment.not-found"));
        removeAll();
        grid.removeAllColumns();
        waitingOnly.setLabel(getTranslation("assignment.grading.waiting-only"));
        grid.addColumn(Submission::learnerName).setHeader(getTranslation("assignment.grading.learner")).setKey("learner").setFlexGrow(2);
        grid.addColumn(Submission::number).setHeader(getTranslation("assignment.grading.number")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Views.dateTime(this, s.submittedAt(), ZoneId.systemDefault())).setHeader(getTranslation("assignment.grading.submitted"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.late() ? getTranslation("assignment.late") : "").setHeader(getTranslation("assignment.grading.late"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.status().messageKey())).setHeader(getTranslation("assignment.grading.status")).setAutoWidth(true);
        grid.addColumn(s -> s.score() == null ? "" : s.score().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("assignment.grading.score")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Button open = new Button(getTranslation(s.awaitingGrade() ? "assignment.grading.grade" : "assignment.grading.view"),
                    click -> open(s));
            open.addThemeVariants(s.awaitingGrade() ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY);
            open.setAriaLabel(getTranslation("assignment.grading.open-label", s.learnerName(), s.number()));
            return open;
        }).setHeader(getTranslation("admin.accounts.actions")).setKey("open").setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("assignment.grading.none"));
        add(new RouterLink(getTranslation("assignment.grading.back", assignment.title()), AssignmentView.class,
                new RouteParameters(Map.of(AssignmentView.SLUG, assignment.slug()))),
                new H1(getTranslation("assignment.grading.title", assignment.title())), summary, waitingOnly, grid);
        refresh();
    }

    private void refresh() {
        List<Submission> all = assignments.submissions(assignment.slug());
        long waiting = all.stream().filter(Submission::awaitingGrade).count();
        summary.setText(getTranslation("assignment.grading.summary", all.size(), waiting));
        grid.setItems(waitingOnly.getValue() ? all.stream().filter(Submission::awaitingGrade).toList() : all);
    }

    /** The grading dialog of one submission: its work, the rubric to pick levels from, the score as it adds up, and feedback. */
    private void open(Submission submission) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("assignment.grading.dialog", submission.learnerName(), submission.number()));
        dialog.setWidth("min(60rem, 96vw)");
        Div work = new Div();
        work.addClassName("academy-grading-work");
        if (submission.late()) {
            Span late = new Span(getTranslation("assignment.late"));
            late.getElement().getThemeList().add("badge warning");
            work.add(late);
        }
        work.add(AssignmentView.files(assignments, submission));
        if (submission.text() != null) {
            Details text = new Details(getTranslation("assignment.grading.text"), Views.markdown(submission.text()));
            text.setOpened(true);
            work.add(text);
        }
        dialog.add(work);
        Map<String, RadioButtonGroup<Rubric.Level>> choices = new LinkedHashMap<>();
        Paragraph total = new Paragraph();
        total.addClassName("academy-grading-total");
        total.getElement().setAttribute("aria-live", "polite");
        for (Rubric.Criterion criterion : assignment.rubric().criteria()) {
            RadioButtonGroup<Rubric.Level> group = new RadioButtonGroup<>(criterion.title());
            group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            group.setItems(criterion.levels());
            group.setItemLabelGenerator(level -> level.title() + " · " + getTranslation("assignment.rubric.points", level.points())
                    + (level.description() == null || level.description().isBlank() ? "" : ": " + level.description()));
            group.setHelperText(criterion.description());
            criterion.level(submission.levels().getOrDefault(criterion.key(), "")).ifPresent(group::setValue);
            group.setReadOnly(!submission.awaitingGrade());
            group.addValueChangeListener(change -> total.setText(total(choices)));
            choices.put(criterion.key(), group);
            dialog.add(group);
        }
        total.setText(total(choices));
        TextArea feedback = new TextArea(getTranslation("assignment.feedback"));
        feedback.setWidthFull();
        feedback.setMaxLength(Assignments.FEEDBACK_MAX);
        feedback.setHelperText(getTranslation("assignment.grading.feedback-help"));
        feedback.setValue(submission.feedback() == null ? "" : submission.feedback());
        feedback.setReadOnly(!submission.awaitingGrade());
        dialog.add(total, feedback);
        Button cancel = new Button(getTranslation("common.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel);
        if (submission.awaitingGrade()) {
            Button returnIt = new Button(getTranslation("assignment.grading.return"), click -> grade(dialog, submission, choices, feedback, true));
            Button save = new Button(getTranslation("assignment.grading.save"), click -> grade(dialog, submission, choices, feedback, false));
            save.addThemeVariants(ButtonVariant.PRIMARY);
            dialog.getFooter().add(returnIt, save);
        }
        dialog.open();
    }

    private void grade(Dialog dialog, Submission submission, Map<String, RadioButtonGroup<Rubric.Level>> choices, TextArea feedback,
                       boolean returnIt) {
        Map<String, String> levels = new LinkedHashMap<>();
        choices.forEach((criterion, group) -> {
            if (group.getValue() != null) {
                levels.put(criterion, group.getValue().key());
            }
        });
        try {
            Submission graded = assignments.grade(submission.id(), levels, feedback.getValue(), returnIt);
            dialog.close();
            Views.success(getTranslation(returnIt ? "assignment.grading.returned" : "assignment.grading.saved", graded.learnerName(),
                    graded.score().stripTrailingZeros().toPlainString()));
            refresh();
        } catch (UserFacingException rejection) {
            RadioButtonGroup<Rubric.Level> field = rejection.field() == null ? null : choices.get(rejection.field());
            String message = getTranslation(rejection.messageKey(), rejection.arguments());
            if (field != null) {
                field.setInvalid(true);
                field.setErrorMessage(message);
                field.scrollIntoView();
            } else if ("feedback".equals(rejection.field())) {
                feedback.setInvalid(true);
                feedback.setErrorMessage(message);
                feedback.focus();
            } else {
                Views.error(message);
                if ("assignment.grade.already".equals(rejection.messageKey())) {
                    dialog.close();
                    refresh();
                }
            }
        }
    }

    /** "Score so far: 7 of 12 points (58.3 %); passes at 60 %", as levels are picked. */
    private String total(Map<String, RadioButtonGroup<Rubric.Level>> choices) {
        int points = choices.values().stream().filter(g -> g.getValue() != null).mapToInt(g -> g.getValue().points()).sum();
        long picked = choices.values().stream().filter(g -> g.getValue() != null).count();
        int max = assignment.rubric().maxPoints();
        return getTranslation("assignment.grading.total", points, max, Math.round(1000.0 * points / max) / 10.0, picked, choices.size(),
                assignment.passMark().stripTrailingZeros().toPlainString());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("assignment.grading.title", assignment == null ? "" : assignment.title()) + Views.TITLE_SEPARATOR
                + getTranslation("app.name");
    }
}
