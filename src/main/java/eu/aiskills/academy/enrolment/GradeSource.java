package eu.aiskills.academy.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import eu.aiskills.academy.identity.AccountId;

/**
 * Learners' results on a course's assessed work, as the modules that assess it know them
 * (quizzes and assignments, graded labs), for the run's gradebook without enrolment depending on
 * them. Implementations are Spring beans, asked as the platform, in one query per course.
 */
public interface GradeSource {

    /** The results of {@code learners} on the course's assessed items, one per learner and lesson. */
    List<Result> results(String courseSlug, Collection<AccountId> learners);

    /**
     * A learner's result on the assessed item of a lesson: its genre ({@code Quiz}, {@code Lab},
     * {@code Assignment}), the best score out of 100 (null: none yet), the attempts or submissions
     * made, whether any came after its due date, when the last came, and whether the last waits
     * for a grader.
     */
    record Result(AccountId learner, String lessonSlug, String genre, BigDecimal best, int attempts, boolean late, Instant lastAt,
                  boolean awaitingGrade) {
    }
}
