package eu.aiskills.academy.testsupport;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import eu.aiskills.academy.assessment.Attempt;
import eu.aiskills.academy.assessment.Paper;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.Quizzes;
import eu.aiskills.academy.assessment.internal.QuizStore;
import org.springframework.context.ApplicationContext;

/** Taking quizzes in tests: responses that earn everything or nothing, from a question's own answer. */
public final class TestQuizzes {

    private TestQuizzes() {
    }

    /** The signed-in learner starts an attempt (or goes on with theirs), answers every question right, and submits it. */
    public static Attempt pass(ApplicationContext context, String quiz) {
        Quizzes quizzes = context.getBean(Quizzes.class);
        Attempt attempt = quizzes.start(quiz);
        for (Paper.Entry entry : paper(context, attempt)) {
            quizzes.save(attempt.id(), entry.question().key(), right(entry.question()));
        }
        return quizzes.submit(attempt.id());
    }

    /** What the attempt presents, answers included (the store's copy; learners never see it). */
    public static List<Paper.Entry> paper(ApplicationContext context, Attempt attempt) {
        return context.getBean(QuizStore.class).attempt(attempt.id()).orElseThrow().paper().entries();
    }

    /** A response that earns everything. */
    public static List<String> right(Question question) {
        return switch (question) {
            case Question.SingleChoice q -> q.options().stream().filter(Question.Option::correct).map(Question.Option::key).toList();
            case Question.MultipleChoice q -> q.options().stream().filter(Question.Option::correct).map(Question.Option::key).toList();
            case Question.TrueFalse q -> List.of(Boolean.toString(q.answer()));
            case Question.Numeric q -> List.of(q.answer().toPlainString());
            case Question.ShortText q -> List.of(q.accepted().getFirst());
            case Question.Matching q -> q.pairs().stream().map(p -> p.key() + "=" + p.key()).toList();
            case Question.Ordering q -> q.items().stream().map(Question.Item::key).toList();
        };
    }

    /** A response that earns nothing. */
    public static List<String> wrong(Question question) {
        return switch (question) {
            case Question.SingleChoice q -> q.options().stream().filter(o -> !o.correct()).map(Question.Option::key).limit(1).toList();
            case Question.MultipleChoice q -> q.options().stream().map(Question.Option::key).toList();
            case Question.TrueFalse q -> List.of(Boolean.toString(!q.answer()));
            case Question.Numeric q -> List.of(q.answer().add(BigDecimal.valueOf(1000)).toPlainString());
            case Question.ShortText q -> List.of("certainly not " + q.key());
            case Question.Matching q -> List.of();
            case Question.Ordering q -> Stream.concat(q.items().stream().skip(1), q.items().stream().limit(1)).map(Question.Item::key).toList();
        };
    }
}
