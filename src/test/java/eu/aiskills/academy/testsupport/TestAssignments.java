package eu.aiskills.academy.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Assignments;
import eu.aiskills.academy.assessment.Rubric;
import eu.aiskills.academy.assessment.Submission;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import org.springframework.context.ApplicationContext;

/**
 * Test helper: hand in an assignment as the signed-in learner, and grade it as an administrator
 * (a grader account of its own, created when first needed: the production profile has no demo
 * accounts).
 */
public final class TestAssignments {

    public static final String GRADER = "assignment-grader@academy.test";

    private TestAssignments() {
    }

    /** The signed-in learner hands in a text answer, which the administrator grades with the best level of every criterion. */
    public static Submission pass(ApplicationContext context, String slug) {
        Assignments assignments = context.getBean(Assignments.class);
        Submission handedIn = assignments.submit(slug, "My evaluation plan: ten cases, objective checks, one change at a time.", List.of());
        Assignment assignment = assignments.assignment(slug).orElseThrow();
        return KaribuSupport.as(context, grader(context), () -> assignments.grade(handedIn.id(), levels(assignment.rubric(), true),
                "Clear and testable.", false));
    }

    /** The grader's email, its administrator account created when it does not exist yet. */
    public static synchronized String grader(ApplicationContext context) {
        AccountManagement accounts = context.getBean(AccountManagement.class);
        if (SystemActor.call(() -> accounts.findByEmail(GRADER)).isEmpty()) {
            KaribuSupport.person(context, GRADER, "Grace Grader", Role.ADMIN);
        }
        return GRADER;
    }

    /** The best (or worst) level of every criterion of a rubric. */
    public static Map<String, String> levels(Rubric rubric, boolean best) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (Rubric.Criterion criterion : rubric.criteria()) {
            Optional<Rubric.Level> level = criterion.levels().stream()
                    .reduce((a, b) -> (best ? a.points() >= b.points() : a.points() <= b.points()) ? a : b);
            levels.put(criterion.key(), level.orElseThrow().key());
        }
        return levels;
    }
}
