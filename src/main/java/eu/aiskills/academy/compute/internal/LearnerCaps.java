package eu.aiskills.academy.compute.internal;

import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.QuotaAccountId;
import eu.aiskills.academy.compute.QuotaEntryKind;
import eu.aiskills.academy.enrolment.LearnerEnrolled;
import eu.aiskills.academy.identity.SystemActor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A learner who takes a seat in a run with a lab quota gets that many GPU-hours in their own
 * account for the run, once (the movement's key makes a retried event harmless).
 */
@Component
class LearnerCaps {

    private final Ledger ledger;
    private final Catalogue catalogue;

    LearnerCaps(Ledger ledger, Catalogue catalogue) {
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    @ApplicationModuleListener
    void on(LearnerEnrolled enrolled) {
        CourseRun run = SystemActor.call(() -> catalogue.runs(List.of(enrolled.run()))).get(enrolled.run());
        if (run == null || run.labGpuHoursPerLearner() == null || run.labGpuHoursPerLearner().signum() <= 0) {
            return;
        }
        QuotaAccountId account = ledger.learnerAccount(run.id().value(), enrolled.learner().value());
        ledger.move(account, QuotaEntryKind.GRANTED, run.labGpuHoursPerLearner(),
                "cap:" + run.id() + ":" + enrolled.learner(), null, "Lab quota of " + run.courseTitle() + " (" + run.code() + ")");
    }
}
