package eu.aiskills.academy.catalogue.ui;

import java.util.Map;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.catalogue.AuthoredCourse;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonDraft;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.ui.RecordDialog;

/** Adds or edits one lesson of a course, bound to a {@link LessonDraft}; {@code saved} runs once the service accepted it. */
class LessonDialog extends RecordDialog<LessonDraft> {

    LessonDialog(CourseAuthoring authoring, AuthoredCourse course, AuthoredCourse.Lesson lesson, Runnable saved) {
        super(LessonDraft.class, Map.of());
        setHeaderTitle(getTranslation(lesson == null ? "authoring.add-lesson" : "authoring.edit-lesson"));
        TextField lessonTitle = new TextField(getTranslation("authoring.field.title"));
        lessonTitle.setMaxLength(LessonDraft.TITLE_MAX_LENGTH);
        lessonTitle.setRequired(true);
        TextField module = new TextField(getTranslation("authoring.field.module"));
        module.setMaxLength(LessonDraft.MODULE_MAX_LENGTH);
        module.setHelperText(getTranslation("authoring.module-help"));
        IntegerField minutes = new IntegerField(getTranslation("authoring.field.minutes"));
        minutes.setMin(1);
        minutes.setMax(LessonDraft.MINUTES_MAX);
        Checkbox required = new Checkbox(getTranslation("authoring.field.required-lesson"), true);
        Select<LessonCompletion> completedBy = new Select<>();
        completedBy.setLabel(getTranslation("authoring.field.completed-by"));
        // Labs and quizzes are written with the course (the lab and quiz editors); assignments come
        // from its content files, so a lesson is offered that rule only when it has it already.
        java.util.List<LessonCompletion> rules = new java.util.ArrayList<>(java.util.List.of(LessonCompletion.READ, LessonCompletion.DONE,
                LessonCompletion.QUIZ, LessonCompletion.LAB));
        if (lesson != null && !rules.contains(lesson.draft().completedBy())) {
            rules.add(lesson.draft().completedBy());
        }
        completedBy.setItems(rules);
        completedBy.setItemLabelGenerator(rule -> getTranslation(rule.messageKey()));
        completedBy.setHelperText(getTranslation("authoring.completed-by-help"));
        BigDecimalField passScore = new BigDecimalField(getTranslation("authoring.field.pass-score"));
        passScore.setHelperText(getTranslation("authoring.pass-score-help"));
        IntegerField weight = new IntegerField(getTranslation("authoring.field.weight"));
        weight.setMin(0);
        weight.setMax(LessonDraft.WEIGHT_MAX);
        weight.setStepButtonsVisible(true);
        weight.setHelperText(getTranslation("authoring.weight-help"));
        completedBy.addValueChangeListener(change -> {
            LessonCompletion rule = change.getValue();
            passScore.setVisible(rule == LessonCompletion.LAB);
            weight.setVisible(rule != null && rule.assessed());
            if (rule != LessonCompletion.LAB) {
                passScore.clear();
            }
        });
        TextArea body = new TextArea(getTranslation("authoring.field.body"));
        body.setHelperText(getTranslation("authoring.markdown-help"));
        body.setMaxLength(Markdown.MAX_LENGTH);
        body.setWidthFull();
        body.setMinHeight("14rem");

        binder.forField(lessonTitle).bind("title");
        binder.forField(module).withNullRepresentation("").bind("module");
        binder.forField(minutes).withConverter(value -> value == null ? 0 : value, value -> value).bind("minutes");
        binder.forField(required).bind("required");
        binder.forField(body).withNullRepresentation("").bind("markdown");
        binder.forField(completedBy).bind("completedBy");
        binder.forField(passScore).bind("passScore");
        binder.forField(weight).withConverter(value -> value == null ? 1 : value, value -> value).bind("weight");
        binder.readRecord(lesson != null ? lesson.draft() : new LessonDraft("", "", 30, true, "", LessonCompletion.DONE, null, 1));

        FormLayout layout = new FormLayout(lessonTitle, module, minutes, required, completedBy, passScore, weight, body);
        layout.setColspan(body, 2);
        add(layout);
        setWidth("min(52rem, 95vw)");
        addFooter(draft -> authoring.saveLesson(course.id(), lesson == null ? null : lesson.id(), draft), saved);
    }
}
