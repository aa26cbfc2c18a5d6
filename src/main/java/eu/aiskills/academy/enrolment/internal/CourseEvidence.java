package eu.aiskills.academy.enrolment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.enrolment.CompletionEvidence;
import eu.aiskills.academy.identity.AccountId;
import org.springframework.stereotype.Component;

/**
 * The evidence a course credential carries (Open Badges 3.0 {@code Evidence}): every assessed
 * item the modules report ({@link CompletionEvidence}: passed quizzes and assignments, graded
 * labs) with its score, date and checkable facts, and, when lessons were completed by the learner
 * opening them or marking them done, one item that says so. A credential is earned through assessed work when it has at least
 * one assessed item ({@link #ASSESSED_GENRES}).
 */
@Component
public class CourseEvidence {

    /** The genres of evidence that come from assessed work. */
    public static final Set<String> ASSESSED_GENRES = Set.of("Quiz", "Lab", "Assignment");
    public static final String SELF_DECLARED = "Self-declared";

    private final List<CompletionEvidence> sources;

    CourseEvidence(List<CompletionEvidence> sources) {
        this.sources = sources;
    }

    /** The evidence of the learner's completion of the course, {@code done} being the lessons they completed. */
    public List<Map<String, Object>> of(AccountId learner, CourseDetail course, Set<UUID> done) {
        List<Map<String, Object>> evidence = new ArrayList<>();
        List<CompletionEvidence.Item> assessed = new ArrayList<>();
        sources.forEach(source -> assessed.addAll(source.of(learner, course.summary().slug())));
        // In the order the work was graded: the learner's path through the course.
        assessed.sort(java.util.Comparator.comparing(CompletionEvidence.Item::at));
        for (CompletionEvidence.Item item : assessed) {
            StringBuilder narrative = new StringBuilder("Score ").append(item.score().stripTrailingZeros().toPlainString())
                    .append(" out of 100, graded ").append(item.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append('.');
            item.facts().forEach((label, value) -> narrative.append("\n- ").append(label).append(": ").append(value));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", List.of("Evidence"));
            entry.put("name", item.genre() + ": " + item.name());
            entry.put("genre", item.genre());
            entry.put("narrative", narrative.toString());
            evidence.add(entry);
        }
        List<String> declared = course.lessons().stream()
                .filter(lesson -> !lesson.graded() && done.contains(lesson.id()))
                .map(lesson -> lesson.title() + (lesson.completion() == LessonCompletion.READ ? " (opened)" : " (marked done)"))
                .toList();
        if (!declared.isEmpty()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", List.of("Evidence"));
            entry.put("name", "Lessons read or marked done by the learner");
            entry.put("genre", SELF_DECLARED);
            entry.put("narrative", "Completed by the learner opening them or declaring them done, not assessed:"
                    + declared.stream().map(title -> "\n- " + title).collect(Collectors.joining()));
            evidence.add(entry);
        }
        return evidence;
    }
}
