package eu.aiskills.academy.compute.internal.slurm;

import java.util.List;
import java.util.Set;

/**
 * A compute node as the scheduler reports it.
 *
 * @param states   lower-case state names and flags (idle, mixed, allocated, down, drain, ...)
 * @param gpus     GPUs configured on the node
 * @param gpusUsed GPUs allocated to jobs
 */
public record SlurmNode(String name, Set<String> states, List<String> partitions, int gpus, int gpusUsed) {

    public SlurmNode {
        states = Set.copyOf(states);
        partitions = List.copyOf(partitions);
    }

    /** Whether jobs can be placed on the node now. */
    public boolean usable() {
        return !(states.contains("down") || states.contains("drain") || states.contains("drained")
                || states.contains("draining") || states.contains("fail") || states.contains("future")
                || states.contains("not_responding") || states.contains("unknown"));
    }
}
