package eu.aiskills.academy.labs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.labs.internal.LabSessionStore;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's lab work as a record others may rely on: their sessions (the metered time, the
 * GPU-hours) and graded submissions (the score, the notebook revision and its SHA-256, the checks
 * passed), each with a reference an apprentice's hours entry cites and the words a mentor reads
 * when co-signing it.
 */
@Service
public class LabRecords {

    /** How far back a learner's work is offered to cite. */
    public static final Duration WINDOW = Duration.ofDays(60);
    private static final int LIMIT = 50;

    private final LabSessionStore sessions;
    private final Clock clock;

    LabRecords(LabSessionStore sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** One piece of lab work: what an hours entry cites ({@code ref}) and what it was, in words. */
    public record WorkRecord(String ref, Instant at, String description) {
    }

    /** The signed-in learner's lab work of the last {@link #WINDOW}, newest first. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<WorkRecord> mine() {
        return records(CurrentUser.requireId());
    }

    /** A learner's piece of lab work by its reference, if it is theirs: for the platform (an hours entry citing it). */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public Optional<WorkRecord> of(AccountId learner, String ref) {
        return records(learner).stream().filter(r -> r.ref().equals(ref)).findFirst();
    }

    private List<WorkRecord> records(AccountId learner) {
        return sessions.work(learner, clock.instant().minus(WINDOW), LIMIT).stream().map(LabRecords::record).toList();
    }

    private static WorkRecord record(LabSessionStore.Work work) {
        String at = work.at().truncatedTo(ChronoUnit.MINUTES).toString();
        String description;
        if (work.score() == null) {
            long minutes = work.until() == null ? 0 : Duration.between(work.at(), work.until()).toMinutes();
            description = "Lab session “" + work.labTitle() + "” from " + at + ", " + (work.until() == null ? "still running"
                    : minutes + " min metered") + (work.gpuHours() == null || work.gpuHours().signum() == 0 ? ""
                    : ", " + work.gpuHours().stripTrailingZeros().toPlainString() + " GPU-hours");
        } else {
            description = "Graded submission of “" + work.labTitle() + "” at " + at + ": score " + plain(work.score()) + "/100, notebook revision "
                    + work.revision() + (work.notebookSha256() == null ? "" : " (SHA-256 " + work.notebookSha256() + ")") + ", "
                    + work.checksPassed() + " of " + work.checksTotal() + " checks passed";
        }
        return new WorkRecord(work.ref(), work.at(), description);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
