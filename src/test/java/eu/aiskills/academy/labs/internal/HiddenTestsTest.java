package eu.aiskills.academy.labs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.shared.UserFacingException;
import org.junit.jupiter.api.Test;

/** What a learner receives of the notebook an instructor wrote: no hidden tests, no solutions. */
class HiddenTestsTest {

    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": "### BEGIN SOLUTION is only a marker in code."},
              {"cell_type": "code", "id": "work", "metadata": {},
               "source": "def mean(values):\\n    ### BEGIN SOLUTION\\n    return sum(values) / len(values)\\n    ### END SOLUTION\\n\\nprint(mean([2, 4]))",
               "execution_count": null, "outputs": []},
              {"cell_type": "code", "id": "t1", "metadata": {"tags": ["hidden-test"], "points": 40},
               "source": "# The mean is right\\nassert mean([2, 4]) == 3", "execution_count": null, "outputs": []}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

    @Test
    void solutionsAreReplacedByThePlaceholderAtTheirIndentationAndHiddenTestsTakenOut() {
        HiddenTests.Split split = HiddenTests.split(NOTEBOOK);

        assertThat(split.learners().cells()).extracting(LabNotebook.Cell::id).containsExactly("intro", "work");
        assertThat(split.learners().cells().get(1).source()).isEqualTo(
                "def mean(values):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n\nprint(mean([2, 4]))");
        assertThat(split.learners().cells().getFirst().source()).as("Markdown is text, not code").contains("### BEGIN SOLUTION");
        assertThat(split.checks()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("The mean is right");
            assertThat(check.points()).isEqualTo(40);
        });
    }

    @Test
    void aCellWithoutMarkersIsLeftAsItIs() {
        assertThat(HiddenTests.withoutSolutions("x = 1\ny = 2\n", 1)).isEqualTo("x = 1\ny = 2\n");
        assertThat(HiddenTests.withoutSolutions("### BEGIN SOLUTION\nx = 42\n### END SOLUTION\n", 1))
                .isEqualTo("# YOUR CODE HERE\nraise NotImplementedError()\n");
        assertThat(HiddenTests.withoutSolutions("a = 1\n### BEGIN SOLUTION\nb = 2\n### END SOLUTION\nc = 3\n### BEGIN SOLUTION\nd = 4\n### END SOLUTION", 1))
                .isEqualTo("a = 1\n# YOUR CODE HERE\nraise NotImplementedError()\nc = 3\n# YOUR CODE HERE\nraise NotImplementedError()");
    }

    @Test
    void aRegionBegunAndNotEndedIsRefusedWithTheCellsNumber() {
        for (String broken : new String[] {"### BEGIN SOLUTION\nanswer = 42", "answer = 42\n### END SOLUTION",
                "### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION"}) {
            assertThatThrownBy(() -> HiddenTests.withoutSolutions(broken, 3)).isInstanceOfSatisfying(UserFacingException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("lab.authoring.solution-unclosed");
                assertThat(e.arguments()).containsExactly(3);
            });
        }
    }
}
