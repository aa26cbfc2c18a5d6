package eu.aiskills.academy.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Rubric;
import eu.aiskills.academy.assessment.Submission;
import eu.aiskills.academy.enrolment.CompletionEvidence;
import eu.aiskills.academy.identity.AccountId;
import org.springframework.stereotype.Component;

/**
 * A learner's passed assignments of a course, as credential evidence: the best passing
 * submission of each, with the level reached on every criterion of the rubric, whether it was
 * late, and the SHA-256 of each file handed in.
 */
@Component
class AssignmentEvidence implements CompletionEvidence {

    private final AssignmentStore store;

    AssignmentEvidence(AssignmentStore store) {
        this.store = store;
    }

    @Override
    public List<Item> of(AccountId learner, String courseSlug) {
        List<Item> items = new ArrayList<>();
        for (Assignment assignment : store.ofCourse(courseSlug)) {
            Optional<Submission> best = store.submissions(assignment.id(), learner).stream()
                    .filter(s -> s.status() == Submission.Status.GRADED && Boolean.TRUE.equals(s.passed()))
                    .max(Comparator.comparing(Submission::score));
            best.ifPresent(submission -> {
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("submission", Integer.toString(submission.number()));
                facts.put("handed in", submission.submittedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + (submission.late() ? " (late)" : " (on time)"));
                facts.put("pass mark", assignment.passMark().stripTrailingZeros().toPlainString() + " %");
                for (Rubric.Criterion criterion : assignment.rubric().criteria()) {
                    criterion.level(submission.levels().getOrDefault(criterion.key(), "")).ifPresent(level -> facts.put(
                            "rubric: " + criterion.title(), level.title() + " (" + level.points() + " of " + criterion.maxPoints() + " points)"));
                }
                for (Submission.HandedIn file : submission.files()) {
                    facts.put("file " + file.position() + " SHA-256", file.fileName() + ": " + file.sha256());
                }
                items.add(new Item("Assignment", assignment.title(), submission.gradedAt(), submission.score(), facts));
            });
        }
        return items;
    }
}
