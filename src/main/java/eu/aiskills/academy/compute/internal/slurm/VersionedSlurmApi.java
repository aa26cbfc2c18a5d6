package eu.aiskills.academy.compute.internal.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * What every slurmrestd version does alike: reading a job, finding the platform's jobs by name and
 * cancelling; the versions differ in their paths, their job and node JSON and their submissions.
 */
abstract class VersionedSlurmApi implements SlurmApi {

    protected final SlurmHttp http;
    private final String base;
    private final String jobsPath;

    VersionedSlurmApi(SlurmHttp http, String base, String jobsPath) {
        this.http = http;
        this.base = base;
        this.jobsPath = jobsPath;
    }

    /** The path of an operation of this version, for example {@code /slurm/v0.0.38/job/submit}. */
    protected String path(String operation) {
        return base + operation;
    }

    /** Slurm's reason for a job's state, empty for its "None". */
    protected static String reason(String reason) {
        return "None".equals(reason) ? "" : reason;
    }

    /** A job of this version's JSON, as the platform reads it. */
    protected abstract SlurmJobStatus status(JsonNode job);

    @Override
    public Optional<SlurmJobStatus> job(SlurmConnection connection, String jobId) {
        try {
            JsonNode jobs = http.get(connection, path("/job/" + SlurmIds.checked(jobId))).path("jobs");
            return jobs.isEmpty() ? Optional.empty() : Optional.of(status(jobs.get(0)));
        } catch (SlurmException e) {
            if (e.kind() == SlurmException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<SlurmJobStatus> jobsNamed(SlurmConnection connection, String name) {
        List<SlurmJobStatus> found = new ArrayList<>();
        for (JsonNode job : http.get(connection, path(jobsPath)).path("jobs")) {
            if (name.equals(job.path("name").asString(""))) {
                found.add(status(job));
            }
        }
        return found;
    }

    @Override
    public void cancel(SlurmConnection connection, String jobId) {
        try {
            http.delete(connection, path("/job/" + SlurmIds.checked(jobId)));
        } catch (SlurmException e) {
            if (e.kind() != SlurmException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }
}
