package eu.aiskills.academy.assessment.internal;

import eu.aiskills.academy.assessment.Quizzes;
import eu.aiskills.academy.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submits timed attempts whose deadline passed while no page asked about them (a closed tab, a
 * crashed browser), as they stand. Two instances sweeping at once grade each attempt once: the
 * submission is guarded in the database.
 */
@Component
class QuizDeadlines {

    private static final Logger log = LoggerFactory.getLogger(QuizDeadlines.class);

    private final Quizzes quizzes;

    QuizDeadlines(Quizzes quizzes) {
        this.quizzes = quizzes;
    }

    @Scheduled(initialDelayString = "${academy.assessment.sweep-interval:15s}", fixedDelayString = "${academy.assessment.sweep-interval:15s}")
    void sweep() {
        int submitted = SystemActor.call(quizzes::submitOverdue);
        if (submitted > 0) {
            log.info("Quizzes: {} attempts submitted at their deadline", submitted);
        }
    }
}
