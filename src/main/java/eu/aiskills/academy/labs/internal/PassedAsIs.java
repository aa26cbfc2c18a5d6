package eu.aiskills.academy.labs.internal;

import java.math.BigDecimal;
import java.util.List;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.shared.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * The check at publication: the learners' copy of a graded lab is run as it comes, with the
 * lab's checks. A copy that earns every point, or reaches its lesson's pass score, would let a
 * learner pass by pressing Run all: it is refused with {@code lab.authoring.passes-as-is}.
 */
@Component
public class PassedAsIs {

    private final GradingRun runs;

    PassedAsIs(GradingRun runs) {
        this.runs = runs;
    }

    /**
     * Refuses the learners' copy when it passes as it comes. {@code passScore} is the lesson's
     * (null: the lab passes only with every point). A lab without checks is not graded: nothing
     * to refuse. A sandbox that cannot start is an {@link IllegalStateException}: the caller
     * decides whether publishing may go on unchecked.
     */
    public void refuseIfPassing(String kernel, int memoryMb, LabNotebook learners, List<LabContentImport.Check> checks, BigDecimal passScore)
            throws InterruptedException {
        if (checks.isEmpty()) {
            return;
        }
        GradingRun.Outcome outcome = runs.run(kernel, memoryMb, learners.cells(), checks);
        BigDecimal score = outcome.score();
        boolean passes = outcome.pointsPassed() == outcome.pointsTotal() || passScore != null && score.compareTo(passScore) >= 0;
        if (passes) {
            throw UserFacingException.onField("notebook", "lab.authoring.passes-as-is", score.stripTrailingZeros().toPlainString());
        }
    }
}
