package eu.aiskills.academy.compute;

import java.time.Duration;
import java.util.Map;

import eu.aiskills.academy.identity.AccountId;

/**
 * A batch job to run on the factory partition of an allocation.
 *
 * @param owner       whom the job runs for (a learner, for a lab), or {@code null} for the caller
 * @param purpose     what it is for, shown to people ("Lab: tensors and gradients")
 * @param script      the batch script, starting with {@code #!}
 * @param gpus        GPUs on one node (0 for a CPU job)
 * @param account     the Slurm account to charge where the factory asks for one, or {@code null}
 * @param reservation a Slurm reservation to run in, or {@code null}
 * @param memoryMb    memory on the node in MiB, or 0 for the partition's default
 * @param learnerRun  for a learner's job (a GPU lab session): the run whose per-learner cap it also draws on, or {@code null}
 */
public record JobRequest(AllocationId allocation, AccountId owner, String purpose, String script, Duration timeLimit,
                         int gpus, Map<String, String> environment, String account, String reservation, long memoryMb,
                         java.util.UUID learnerRun) {

    public static final int SCRIPT_MAX_BYTES = 64 * 1024;
    public static final Duration TIME_LIMIT_MAX = Duration.ofDays(2);
    public static final int ENVIRONMENT_MAX = 50;

    public JobRequest {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** A job that draws only on the allocation. */
    public JobRequest(AllocationId allocation, AccountId owner, String purpose, String script, Duration timeLimit, int gpus,
                      Map<String, String> environment, String account, String reservation, long memoryMb) {
        this(allocation, owner, purpose, script, timeLimit, gpus, environment, account, reservation, memoryMb, null);
    }

    /** A job with the partition's defaults for everything optional. */
    public static JobRequest of(AllocationId allocation, String purpose, String script, Duration timeLimit, int gpus) {
        return new JobRequest(allocation, null, purpose, script, timeLimit, gpus, Map.of(), null, null, 0, null);
    }
}
