package eu.aiskills.academy.catalogue.ui;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseDraft;
import eu.aiskills.academy.catalogue.CourseFormat;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.Sector;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.ui.RecordBinder;

/**
 * The description of a course, bound to a {@link CourseDraft} by Vaadin's {@link Binder}: the
 * fields take their limits from the record's constants; what the draft must satisfy the service
 * checks, and its refusals are shown beside the field they name.
 */
class CourseForm extends FormLayout {

    /** Rejection field names that differ from the record's component names. */
    private static final Map<String, String> ALIASES = Map.of("description", "descriptionMarkdown", "skills", "skillUris",
            "prerequisites", "prerequisiteCourses");

    final TextField courseTitle = new TextField();
    final TextArea summary = new TextArea();
    final TextArea description = new TextArea();
    final Select<CourseLevel> level = new Select<>();
    final Select<CourseFormat> format = new Select<>();
    final ComboBox<String> language = new ComboBox<>();
    final MultiSelectComboBox<String> otherLanguages = new MultiSelectComboBox<>();
    final IntegerField workload = new IntegerField();
    final BigDecimalField ects = new BigDecimalField();
    final TextArea outcomes = new TextArea();
    final MultiSelectComboBox<Skill> skills = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Sector> sectors = new MultiSelectComboBox<>();
    final MultiSelectComboBox<CourseSummary> prerequisites = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Skill> prerequisiteSkills = new MultiSelectComboBox<>();
    private final RecordBinder<CourseDraft> binder = new RecordBinder<>(CourseDraft.class, ALIASES);

    CourseForm(CourseAuthoring authoring, Catalogue catalogue, CourseId courseId) {
        courseTitle.setLabel(getTranslation("authoring.field.title"));
        courseTitle.setMaxLength(CourseDraft.TITLE_MAX_LENGTH);
        courseTitle.setRequired(true);
        summary.setLabel(getTranslation("authoring.field.summary"));
        summary.setMaxLength(CourseDraft.SUMMARY_MAX_LENGTH);
        summary.setRequired(true);
        description.setLabel(getTranslation("authoring.field.description"));
        description.setHelperText(getTranslation("authoring.markdown-help"));
        description.setMaxLength(Markdown.MAX_LENGTH);
        level.setLabel(getTranslation("authoring.field.level"));
        level.setItems(CourseLevel.values());
        level.setItemLabelGenerator(l -> getTranslation(l.messageKey()));
        format.setLabel(getTranslation("authoring.field.format"));
        format.setItems(CourseFormat.values());
        format.setItemLabelGenerator(f -> getTranslation(f.messageKey()));
        language.setLabel(getTranslation("authoring.field.language"));
        language.setItems(CourseEditorView.LANGUAGES);
        language.setItemLabelGenerator(CourseEditorView::languageName);
        otherLanguages.setLabel(getTranslation("authoring.field.other-languages"));
        otherLanguages.setItems(CourseEditorView.LANGUAGES);
        otherLanguages.setItemLabelGenerator(CourseEditorView::languageName);
        workload.setLabel(getTranslation("authoring.field.workload"));
        workload.setMin(1);
        workload.setMax(CourseDraft.WORKLOAD_MAX);
        workload.setStepButtonsVisible(true);
        ects.setLabel(getTranslation("authoring.field.ects"));
        outcomes.setLabel(getTranslation("authoring.field.outcomes"));
        outcomes.setHelperText(getTranslation("authoring.outcomes-help"));
        outcomes.setRequired(true);
        outcomes.setMaxLength(CourseDraft.OUTCOMES_MAX * (CourseDraft.OUTCOME_MAX_LENGTH + 1));
        List<Skill> skillChoices = authoring.skillChoices();
        skills.setLabel(getTranslation("authoring.field.skills"));
        skills.setItems(skillChoices);
        skills.setItemLabelGenerator(Skill::label);
        prerequisiteSkills.setLabel(getTranslation("authoring.field.prerequisite-skills"));
        prerequisiteSkills.setItems(skillChoices);
        prerequisiteSkills.setItemLabelGenerator(Skill::label);
        sectors.setLabel(getTranslation("authoring.field.sectors"));
        sectors.setItems(Sector.values());
        sectors.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        prerequisites.setLabel(getTranslation("authoring.field.prerequisites"));
        // Read a page at a time as the person types and scrolls: the catalogue may hold thousands of courses.
        prerequisites.setItems(query -> authoring.prerequisiteChoices(courseId, query.getFilter().orElse(""), query.getPage(),
                        query.getPageSize()).courses().stream(),
                query -> (int) Math.min(Integer.MAX_VALUE,
                        authoring.prerequisiteChoices(courseId, query.getFilter().orElse(""), 0, 1).total()));
        prerequisites.setItemLabelGenerator(CourseSummary::title);

        Map<String, Skill> skillsByUri = skillChoices.stream().collect(Collectors.toMap(Skill::uri, Function.identity(), (a, b) -> a));
        binder.forField(courseTitle).bind("title");
        binder.forField(summary).bind("summary");
        binder.forField(description).withNullRepresentation("").bind("descriptionMarkdown");
        binder.forField(level).bind("level");
        binder.forField(format).bind("format");
        binder.forField(language).bind("language");
        binder.forField(otherLanguages).bind("otherLanguages");
        binder.forField(workload).withConverter(hours -> hours == null ? 0 : hours, hours -> hours).bind("workloadHours");
        binder.forField(ects).bind("ects");
        binder.forField(outcomes).withConverter(text -> Arrays.asList(text.split("\\R")), list -> String.join("\n", list))
                .bind("outcomes");
        binder.forField(skills).withConverter(CourseForm::uris, uris -> chosen(uris, skillsByUri)).bind("skillUris");
        binder.forField(sectors).bind("sectors");
        binder.forField(prerequisites).withConverter(
                courses -> courses.stream().map(CourseSummary::id).collect(Collectors.toSet()),
                ids -> new LinkedHashSet<>(catalogue.publishedCourses(ids).values())).bind("prerequisiteCourses");
        binder.forField(prerequisiteSkills).withConverter(CourseForm::uris, uris -> chosen(uris, skillsByUri)).bind("prerequisiteSkills");

        add(courseTitle, summary, description, level, format, language, otherLanguages, workload, ects, outcomes, skills, sectors,
                prerequisites, prerequisiteSkills);
        setColspan(courseTitle, 2);
        setColspan(summary, 2);
        setColspan(description, 2);
        setColspan(outcomes, 2);
        setColspan(skills, 2);
    }

    /** Shows a saved draft, or a new course's defaults. */
    void read(Optional<CourseDraft> draft) {
        binder.readRecord(draft.orElseGet(() -> new CourseDraft("", "", "", CourseLevel.INTRODUCTORY, CourseFormat.SELF_PACED, "en",
                Set.of(), 10, null, List.of(), Set.of(), Set.of(), Set.of(), Set.of())));
    }

    /** The draft as the form shows it. */
    CourseDraft write() {
        return binder.write();
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }

    /** The fields by the names a rejection of the draft uses. */
    Map<String, HasValidation> fields() {
        return binder.fields();
    }

    private static Set<String> uris(Set<Skill> chosen) {
        return chosen.stream().map(Skill::uri).collect(Collectors.toSet());
    }

    private static Set<Skill> chosen(Set<String> uris, Map<String, Skill> skillsByUri) {
        return uris.stream().map(skillsByUri::get).filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
