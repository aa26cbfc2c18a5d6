package eu.aiskills.academy.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.enrolment.CompletionEvidence;
import eu.aiskills.academy.identity.AccountId;
import org.springframework.stereotype.Component;

/** A learner's passed quizzes of a course, as credential evidence: the best submitted attempt of each. */
@Component
class QuizEvidence implements CompletionEvidence {

    private final QuizStore store;

    QuizEvidence(QuizStore store) {
        this.store = store;
    }

    @Override
    public List<Item> of(AccountId learner, String courseSlug) {
        List<Item> items = new ArrayList<>();
        for (Quiz quiz : store.ofCourse(courseSlug)) {
            List<QuizStore.AttemptRow> attempts = store.attempts(quiz.id(), learner);
            Optional<QuizStore.AttemptRow> best = attempts.stream().filter(a -> Boolean.TRUE.equals(a.passed()))
                    .max(Comparator.comparing(QuizStore.AttemptRow::score));
            best.ifPresent(attempt -> {
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("attempt", attempt.number() + " of " + quiz.attemptsAllowed());
                facts.put("questions", attempt.paper().entries().size() + " drawn at random from the course's question bank");
                facts.put("pass mark", quiz.passMark().stripTrailingZeros().toPlainString() + " %");
                if (quiz.timed()) {
                    facts.put("time limit", quiz.timeLimit().toMinutes() + " minutes, kept by the server");
                }
                facts.put("submitted", "deadline".equals(attempt.submittedBy()) ? "at its deadline" : "by the learner");
                items.add(new Item("Quiz", quiz.title(), attempt.submittedAt(), attempt.score(), facts));
            });
        }
        return items;
    }
}
