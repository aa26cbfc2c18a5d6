package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import eu.aiskills.academy.shared.UserFacingException;
import org.junit.jupiter.api.Test;

/** A rubric's totals: the levels picked out of each criterion's best, every criterion needed, and what a badly written one gets told. */
class RubricTest {

    private static final Rubric RUBRIC = new Rubric(List.of(
            new Rubric.Criterion("task", "Task", null, List.of(new Rubric.Level("none", "None", null, 0),
                    new Rubric.Level("some", "Some", null, 2), new Rubric.Level("all", "All", null, 4))),
            new Rubric.Criterion("checks", "Checks", "Objective checks", List.of(new Rubric.Level("poor", "Poor", null, 0),
                    new Rubric.Level("good", "Good", null, 3), new Rubric.Level("great", "Great", null, 6))),
            new Rubric.Criterion("next", "Next step", null, List.of(new Rubric.Level("none", "None", null, 0),
                    new Rubric.Level("yes", "Yes", null, 1)))));

    @Test
    void theScoreIsThePointsPickedOutOfEachCriterionsBest() {
        assertThat(RUBRIC.maxPoints()).isEqualTo(11);
        assertThat(RUBRIC.points(Map.of("task", "all", "checks", "great", "next", "yes"))).isEqualTo(11);
        assertThat(RUBRIC.score(Map.of("task", "all", "checks", "great", "next", "yes"))).isEqualByComparingTo("100");
        assertThat(RUBRIC.score(Map.of("task", "none", "checks", "poor", "next", "none"))).isEqualByComparingTo("0");
        assertThat(RUBRIC.score(Map.of("task", "some", "checks", "good", "next", "none"))).as("5 of 11, two decimals half up")
                .isEqualByComparingTo("45.45");
        assertThat(RUBRIC.score(Map.of("task", "all", "checks", "good", "next", "yes"))).isEqualByComparingTo("72.73");
    }

    @Test
    void everyCriterionNeedsOneOfItsOwnLevels() {
        assertThatThrownBy(() -> RUBRIC.score(Map.of("task", "all", "checks", "great"))).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("assignment.grade.level-missing");
            assertThat(e.field()).isEqualTo("next");
            assertThat(e.arguments()).containsExactly("Next step");
        });
        assertThatThrownBy(() -> RUBRIC.score(Map.of("task", "great", "checks", "great", "next", "yes"))).as("a level of another criterion")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("task"));
        assertThatThrownBy(() -> RUBRIC.score(Map.of("task", "all", "checks", "great", "next", "yes", "style", "good")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("assignment.grade.unknown-criterion"));
    }

    @Test
    void aBadlyWrittenRubricIsToldWhatToFix() {
        assertThat(RUBRIC.problems()).isEmpty();
        assertThat(new Rubric(List.of()).problems()).containsExactly("a rubric has 1 to 20 criteria");
        Rubric bad = new Rubric(List.of(
                new Rubric.Criterion("Task!", "", null, List.of(new Rubric.Level("a", "A", null, 0))),
                new Rubric.Criterion("zero", "Zero", null, List.of(new Rubric.Level("a", "A", null, 0), new Rubric.Level("a", "B", null, 0))),
                new Rubric.Criterion("zero", "Again", null, List.of(new Rubric.Level("a", "A", null, 0), new Rubric.Level("b", "B", null, 101)))));
        assertThat(bad.problems()).contains(
                "criterion 'Task!' needs a unique key of lower-case letters, digits and hyphens",
                "criterion 'Task!' needs a title of at most 200 characters",
                "criterion 'Task!' has 2 to 8 levels",
                "criterion 'zero': each level needs a unique key",
                "criterion 'zero': its best level must be worth points",
                "criterion 'zero' needs a unique key of lower-case letters, digits and hyphens",
                "criterion 'zero': level 'b' has 0 to 100 points");
    }
}
