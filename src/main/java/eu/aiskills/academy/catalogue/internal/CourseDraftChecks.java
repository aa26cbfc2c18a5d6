package eu.aiskills.academy.catalogue.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.CourseDraft;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonDraft;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * The rules a course or lesson draft must meet, each refusal naming the field it concerns so the
 * course editor shows it there. {@code CourseAuthoring} checks every draft here before it saves.
 */
@Component
public class CourseDraftChecks {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    private final Skills skills;
    private final Courses courses;

    CourseDraftChecks(Skills skills, Courses courses) {
        this.skills = skills;
        this.courses = courses;
    }

    /** Refuses a course draft with the field it concerns; {@code existing} is null for a course not yet created. */
    public void check(CourseDraft draft, CourseEntity existing) {
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > CourseDraft.TITLE_MAX_LENGTH) {
            throw UserFacingException.onField("title", "authoring.invalid.title", CourseDraft.TITLE_MAX_LENGTH);
        }
        if (draft.summary() == null || draft.summary().isBlank() || draft.summary().length() > CourseDraft.SUMMARY_MAX_LENGTH) {
            throw UserFacingException.onField("summary", "authoring.invalid.summary", CourseDraft.SUMMARY_MAX_LENGTH);
        }
        if (draft.descriptionMarkdown() != null && draft.descriptionMarkdown().length() > Markdown.MAX_LENGTH) {
            throw UserFacingException.onField("description", "authoring.invalid.too-long", Markdown.MAX_LENGTH);
        }
        if (draft.level() == null) {
            throw UserFacingException.onField("level", "authoring.invalid.level");
        }
        if (draft.format() == null) {
            throw UserFacingException.onField("format", "authoring.invalid.format");
        }
        if (draft.language() == null || !LANGUAGE.matcher(draft.language()).matches()
                || draft.otherLanguages().stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            throw UserFacingException.onField("language", "run.invalid.language");
        }
        if (draft.workloadHours() <= 0 || draft.workloadHours() > CourseDraft.WORKLOAD_MAX) {
            throw UserFacingException.onField("workloadHours", "authoring.invalid.workload", CourseDraft.WORKLOAD_MAX);
        }
        if (draft.ects() != null && (draft.ects().signum() < 0 || draft.ects().compareTo(CourseDraft.ECTS_MAX) > 0
                || draft.ects().stripTrailingZeros().scale() > 1)) {
            throw UserFacingException.onField("ects", "authoring.invalid.ects", CourseDraft.ECTS_MAX);
        }
        if (draft.outcomes().isEmpty()) {
            throw UserFacingException.onField("outcomes", "authoring.invalid.outcomes");
        }
        if (draft.outcomes().size() > CourseDraft.OUTCOMES_MAX
                || draft.outcomes().stream().anyMatch(o -> o.length() > CourseDraft.OUTCOME_MAX_LENGTH)) {
            throw UserFacingException.onField("outcomes", "authoring.invalid.outcome-length", CourseDraft.OUTCOMES_MAX,
                    CourseDraft.OUTCOME_MAX_LENGTH);
        }
        Set<String> known = new HashSet<>();
        skills.findAll().forEach(skill -> known.add(skill.uri()));
        if (!known.containsAll(draft.skillUris())) {
            throw UserFacingException.onField("skills", "authoring.invalid.skills");
        }
        if (!known.containsAll(draft.prerequisiteSkills())) {
            throw UserFacingException.onField("prerequisiteSkills", "authoring.invalid.skills");
        }
        for (CourseId required : draft.prerequisiteCourses()) {
            if (existing != null && required.equals(existing.id())) {
                throw UserFacingException.onField("prerequisites", "authoring.invalid.self-prerequisite");
            }
            if (!courses.existsById(required.value())) {
                throw UserFacingException.onField("prerequisites", "authoring.course-not-found");
            }
        }
    }

    /** Refuses a lesson draft with the field it concerns. */
    public static void check(LessonDraft draft) {
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > LessonDraft.TITLE_MAX_LENGTH) {
            throw UserFacingException.onField("title", "authoring.invalid.title", LessonDraft.TITLE_MAX_LENGTH);
        }
        if (draft.module() != null && draft.module().length() > LessonDraft.MODULE_MAX_LENGTH) {
            throw UserFacingException.onField("module", "authoring.invalid.module", LessonDraft.MODULE_MAX_LENGTH);
        }
        if (draft.minutes() <= 0 || draft.minutes() > LessonDraft.MINUTES_MAX) {
            throw UserFacingException.onField("minutes", "authoring.invalid.minutes", LessonDraft.MINUTES_MAX);
        }
        if (draft.completedBy() == null) {
            throw UserFacingException.onField("completedBy", "authoring.invalid.completed-by");
        }
        if (draft.completedBy() == LessonCompletion.LAB && (draft.passScore() == null || draft.passScore().signum() <= 0
                || draft.passScore().compareTo(java.math.BigDecimal.valueOf(100)) > 0 || draft.passScore().scale() > 2)) {
            throw UserFacingException.onField("passScore", "authoring.invalid.pass-score");
        }
        if (draft.weight() < 0 || draft.weight() > LessonDraft.WEIGHT_MAX) {
            throw UserFacingException.onField("weight", "authoring.invalid.weight", LessonDraft.WEIGHT_MAX);
        }
        if (draft.markdown() == null || draft.markdown().isBlank()) {
            throw UserFacingException.onField("markdown", "authoring.invalid.body");
        }
        if (draft.markdown().length() > Markdown.MAX_LENGTH) {
            throw UserFacingException.onField("markdown", "authoring.invalid.too-long", Markdown.MAX_LENGTH);
        }
    }
}
