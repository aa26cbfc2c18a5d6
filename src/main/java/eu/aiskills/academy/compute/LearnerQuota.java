package eu.aiskills.academy.compute;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A learner's GPU-hours in one run: the cap, what is left, and every movement. */
public record LearnerQuota(UUID runId, String courseTitle, String runCode, BigDecimal remaining, List<QuotaEntry> entries) {

    public LearnerQuota {
        entries = List.copyOf(entries);
    }
}
