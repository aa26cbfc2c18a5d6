package eu.aiskills.academy.compute;

import java.time.Instant;

/**
 * A partition's GPUs as its scheduler reports them right now.
 *
 * @param usableNodes nodes that accept jobs (not down, drained or failing)
 * @param gpusFree    GPUs not allocated on usable nodes
 */
public record PartitionCapacity(String factorySlug, String partition, int nodes, int usableNodes, int gpus, int gpusInUse,
                                int gpusFree, Instant readAt) {
}
