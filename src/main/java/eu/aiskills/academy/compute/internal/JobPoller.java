package eu.aiskills.academy.compute.internal;

import eu.aiskills.academy.compute.SchedulerJobs;
import eu.aiskills.academy.identity.SystemActor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Follows the jobs on the factories' Slurm until they end. */
@Component
class JobPoller {

    private final SchedulerJobs jobs;

    JobPoller(SchedulerJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${academy.compute.slurm.poll-interval:15s}", initialDelayString = "${academy.compute.slurm.poll-interval:15s}")
    void poll() {
        SystemActor.run(jobs::pollActive);
    }
}
