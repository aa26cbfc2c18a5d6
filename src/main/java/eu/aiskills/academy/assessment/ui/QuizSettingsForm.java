package eu.aiskills.academy.assessment.ui;

import java.math.BigDecimal;

import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.assessment.QuizDraft;

/** A quiz's settings as the quiz editor's form binds them (public: the binder builds it by reflection). */
public record QuizSettingsForm(String title, BigDecimal passMark, Integer attempts, Integer timeLimitMinutes, Integer draw, boolean shuffle,
                               Quiz.ShowAnswers showAnswers) {

    static QuizSettingsForm of(QuizDraft draft) {
        return new QuizSettingsForm(draft.title(), draft.passMark(), draft.attempts(), draft.timeLimitMinutes(), draft.draw(), draft.shuffle(),
                draft.showAnswers());
    }

    /** The draft with these settings; a missing number of attempts is 0, which the rules refuse. */
    QuizDraft applyTo(QuizDraft draft) {
        return new QuizDraft(draft.courseSlug(), draft.lessonSlug(), title, passMark, attempts == null ? 0 : attempts, timeLimitMinutes, draw,
                shuffle, showAnswers, draft.questions(), draft.attempted());
    }
}
