package eu.aiskills.academy.compute.internal;

import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires allocations whose validity ended, every hour (idempotent, so several instances may run it). */
@Component
class AllocationExpiry {

    private static final Logger log = LoggerFactory.getLogger(AllocationExpiry.class);

    private final Allocations allocations;

    AllocationExpiry(Allocations allocations) {
        this.allocations = allocations;
    }

    @Scheduled(cron = "${academy.compute.expiry-cron:0 7 * * * *}")
    void expire() {
        int expired = SystemActor.call(allocations::expireDue);
        if (expired > 0) {
            log.info("Allocations: {} expired", expired);
        }
    }
}
