package eu.aiskills.academy.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.identity.CurrentUser;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each person may still use: a learner's GPU-hours per run (the run's lab quota) with every
 * movement, so that no limit is invisible.
 */
@Service
public class Quotas {

    private final Ledger ledger;
    private final Catalogue catalogue;

    Quotas(Ledger ledger, Catalogue catalogue) {
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    /** The signed-in person's GPU-hours in each run they have a lab quota in. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<LearnerQuota> mine() {
        UUID me = CurrentUser.requireId().value();
        List<Ledger.LearnerAccount> accounts = ledger.learnerAccounts(me);
        Map<RunId, CourseRun> runs = catalogue.runs(accounts.stream().map(a -> new RunId(a.runId())).toList());
        List<LearnerQuota> quotas = new ArrayList<>();
        for (Ledger.LearnerAccount account : accounts) {
            CourseRun details = runs.get(new RunId(account.runId()));
            quotas.add(new LearnerQuota(account.runId(), details == null ? "?" : details.courseTitle(),
                    details == null ? "" : details.code(), ledger.balance(account.id()), ledger.entries(account.id(), 100)));
        }
        return quotas;
    }
}
