package eu.aiskills.academy.fellowships.internal;

import eu.aiskills.academy.fellowships.FellowshipPlacements;
import eu.aiskills.academy.identity.SystemActor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every ten minutes, placements not answered by their deadline expire and their places are offered on. */
@Component
class FellowshipTriggers {

    private final FellowshipPlacements placements;

    FellowshipTriggers(FellowshipPlacements placements) {
        this.placements = placements;
    }

    @Scheduled(cron = "${academy.fellowships.expiry-cron:0 */10 * * * *}")
    void expireOverdue() {
        SystemActor.run(placements::expireOverdue);
    }
}
