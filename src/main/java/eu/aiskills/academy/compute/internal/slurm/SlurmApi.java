package eu.aiskills.academy.compute.internal.slurm;

import java.util.List;
import java.util.Optional;

/**
 * One version of the {@code slurmrestd} API. Each version has its own paths and JSON shapes;
 * the connector picks the adapter a factory's endpoint is configured for.
 */
public interface SlurmApi {

    /** The version as it appears in the paths, for example {@code v0.0.38}. */
    String version();

    /** Submits a batch job and answers the scheduler's job id. */
    String submit(SlurmConnection connection, SlurmJobSubmission job);

    /** The job's status, or empty when the scheduler does not know it (any more). */
    Optional<SlurmJobStatus> job(SlurmConnection connection, String jobId);

    /** The platform's jobs with this name (normally at most one). */
    List<SlurmJobStatus> jobsNamed(SlurmConnection connection, String name);

    /** Cancels a job; cancelling a job that already ended is not an error. */
    void cancel(SlurmConnection connection, String jobId);

    /** The cluster's nodes with their GPUs. */
    List<SlurmNode> nodes(SlurmConnection connection);
}
