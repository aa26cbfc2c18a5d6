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
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;

    Quotas(Ledger ledger, Catalogue catalogue, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    /** The signed-in person's GPU-hours in each run they have a lab quota in. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<LearnerQuota> mine() {
        UUID me = CurrentUser.requireId().value();
        List<Map<String, Object>> accounts = jdbc.queryForList(
                "SELECT id, run_id FROM quota_account WHERE learner_id = ? ORDER BY created_at DESC", me.toString());
        Map<RunId, CourseRun> runs = catalogue.runs(accounts.stream().map(a -> new RunId(UUID.fromString((String) a.get("run_id"))))
                .toList());
        List<LearnerQuota> quotas = new ArrayList<>();
        for (Map<String, Object> account : accounts) {
            QuotaAccountId id = new QuotaAccountId(UUID.fromString((String) account.get("id")));
            RunId run = new RunId(UUID.fromString((String) account.get("run_id")));
            CourseRun details = runs.get(run);
            quotas.add(new LearnerQuota(run.value(), details == null ? "?" : details.courseTitle(),
                    details == null ? "" : details.code(), ledger.balance(id), ledger.entries(id, 100)));
        }
        return quotas;
    }
}
