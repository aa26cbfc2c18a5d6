package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A lesson's quiz as its instructor writes it in the course editor: its settings and every
 * question of its bank. {@code draw} is how many questions an attempt draws (null: all of them),
 * {@code timeLimitMinutes} null for no limit. {@code attempted} (read only), for a revision,
 * counts the attempts submitted at the published quiz it changes: they keep their own questions.
 */
public record QuizDraft(String courseSlug, String lessonSlug, String title, BigDecimal passMark, int attempts, Integer timeLimitMinutes,
                        Integer draw, boolean shuffle, Quiz.ShowAnswers showAnswers, List<Question> questions, int attempted) {

    public static final int TITLE_MAX = 200;
    public static final int QUESTIONS_MAX = 200;

    public QuizDraft {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** The same draft with other questions (the editor changes one at a time). */
    public QuizDraft withQuestions(List<Question> changed) {
        return new QuizDraft(courseSlug, lessonSlug, title, passMark, attempts, timeLimitMinutes, draw, shuffle, showAnswers, changed,
                attempted);
    }
}
