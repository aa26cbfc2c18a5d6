package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** What an instructor writes about a course in the authoring form. */
public record CourseDraft(
        String title,
        String summary,
        String descriptionMarkdown,
        CourseLevel level,
        CourseFormat format,
        String language,
        Set<String> otherLanguages,
        int workloadHours,
        BigDecimal ects,
        List<String> outcomes,
        Set<String> skillUris,
        Set<Sector> sectors,
        Set<CourseId> prerequisiteCourses,
        Set<String> prerequisiteSkills) {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int SUMMARY_MAX_LENGTH = 600;
    public static final int OUTCOME_MAX_LENGTH = 500;
    public static final int OUTCOMES_MAX = 20;
    public static final int WORKLOAD_MAX = 2000;
    public static final BigDecimal ECTS_MAX = new BigDecimal("180");

    public CourseDraft {
        otherLanguages = otherLanguages == null ? Set.of() : Set.copyOf(otherLanguages);
        outcomes = outcomes == null ? List.of() : outcomes.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        skillUris = skillUris == null ? Set.of() : Set.copyOf(skillUris);
        sectors = sectors == null ? Set.of() : Set.copyOf(sectors);
        prerequisiteCourses = prerequisiteCourses == null ? Set.of() : Set.copyOf(prerequisiteCourses);
        prerequisiteSkills = prerequisiteSkills == null ? Set.of() : Set.copyOf(prerequisiteSkills);
    }
}
