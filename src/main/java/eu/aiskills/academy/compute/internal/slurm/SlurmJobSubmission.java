package eu.aiskills.academy.compute.internal.slurm;

import java.util.Map;

/**
 * A batch job as the platform asks for it, independent of the API version.
 *
 * @param name              job name; the platform's own job id goes here so that a submission can be found again
 * @param timeLimitMinutes  wall-time limit
 * @param gpus              GPUs on the (single) node, 0 for none
 * @param account           Slurm account to charge, or {@code null}
 * @param reservation       Slurm reservation to run in, or {@code null}
 * @param memoryPerNodeMb   memory per node in MiB, or 0 for the partition's default
 */
public record SlurmJobSubmission(String name, String partition, String script, int timeLimitMinutes, int gpus,
                                 String account, String reservation, Map<String, String> environment,
                                 String workingDirectory, String standardOutput, long memoryPerNodeMb) {

    public SlurmJobSubmission {
        environment = Map.copyOf(environment);
    }

    /** The environment with a plain {@code PATH} added when it has none (slurmrestd needs one, and does not inherit any). */
    static Map<String, String> withPath(Map<String, String> environment) {
        if (environment.containsKey("PATH")) {
            return environment;
        }
        Map<String, String> complete = new java.util.HashMap<>(environment);
        complete.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        return complete;
    }
}
