package eu.aiskills.academy.catalogue;

import java.util.List;
import java.util.Optional;

/** One lesson to read, with its materials and its neighbours for previous/next navigation. */
public record LessonContent(
        CourseSummary course,
        LessonSummary lesson,
        String html,
        Optional<LessonSummary> previous,
        Optional<LessonSummary> next,
        List<LessonMaterial> materials) {

    public LessonContent {
        materials = List.copyOf(materials);
    }
}
