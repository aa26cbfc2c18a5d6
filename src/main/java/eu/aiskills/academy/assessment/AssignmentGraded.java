package eu.aiskills.academy.assessment;

import java.math.BigDecimal;

import eu.aiskills.academy.identity.AccountId;

/** A learner's submission was graded ({@code returned}: returned for resubmission), for their notification. */
public record AssignmentGraded(AccountId learner, String assignmentSlug, String assignmentTitle, BigDecimal score, boolean passed,
                               boolean returned) {
}
