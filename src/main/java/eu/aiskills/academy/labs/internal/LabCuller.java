package eu.aiskills.academy.labs.internal;

import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.LabSessions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends sessions left from before a restart, then every half minute stops idle and overdue ones. */
@Component
@Order(50)
class LabCuller implements ApplicationRunner {

    private final LabSessions sessions;

    LabCuller(LabSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.call(sessions::endOrphans);
    }

    @Scheduled(fixedDelayString = "${academy.labs.cull-interval:30s}", initialDelayString = "${academy.labs.cull-interval:30s}")
    void cull() {
        SystemActor.call(sessions::cull);
    }
}
