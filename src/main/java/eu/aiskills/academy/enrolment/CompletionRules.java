package eu.aiskills.academy.enrolment;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.LessonSummary;

/**
 * When a course counts as completed: every required lesson done (a course without required
 * lessons needs all of them). A graded lesson counts as done only once its lab was passed with at
 * least its pass score ({@link Enrolments#recordLabScore}); it cannot be marked done by hand.
 */
final class CompletionRules {

    private CompletionRules() {
    }

    static boolean complete(List<LessonSummary> lessons, Set<UUID> done) {
        if (lessons.isEmpty()) {
            return false;
        }
        List<LessonSummary> required = lessons.stream().filter(LessonSummary::required).toList();
        List<LessonSummary> counted = required.isEmpty() ? lessons : required;
        return counted.stream().allMatch(lesson -> done.contains(lesson.id()));
    }
}
