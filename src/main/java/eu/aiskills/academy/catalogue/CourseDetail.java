package eu.aiskills.academy.catalogue;

import java.util.List;
import java.util.Set;

/**
 * A course page: its summary, the description as safe HTML, what it teaches and requires, who
 * teaches it, its lessons and its runs, and its published revision (1 until a revision of it is
 * published: what a credential says it was earned under).
 */
public record CourseDetail(
        CourseSummary summary,
        String descriptionHtml,
        CourseFormat format,
        List<String> languages,
        List<String> outcomes,
        List<Skill> skills,
        Set<Sector> sectors,
        List<String> instructors,
        List<String> coInstructors,
        List<CourseSummary> prerequisiteCourses,
        List<Skill> prerequisiteSkills,
        List<LessonSummary> lessons,
        List<CourseRun> runs,
        int revision) {

    public CourseDetail {
        languages = List.copyOf(languages);
        outcomes = List.copyOf(outcomes);
        skills = List.copyOf(skills);
        sectors = Set.copyOf(sectors);
        instructors = List.copyOf(instructors);
        coInstructors = List.copyOf(coInstructors);
        prerequisiteCourses = List.copyOf(prerequisiteCourses);
        prerequisiteSkills = List.copyOf(prerequisiteSkills);
        lessons = List.copyOf(lessons);
        runs = List.copyOf(runs);
    }
}
