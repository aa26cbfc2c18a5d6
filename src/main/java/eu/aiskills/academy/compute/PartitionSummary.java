package eu.aiskills.academy.compute;

/**
 * A GPU partition of an AI Factory.
 *
 * @param assumed true when the figures are the platform's demo assumptions rather than published facts
 */
public record PartitionSummary(
        String name,
        String gpuModel,
        int gpusPerNode,
        int nodes,
        int gpuMemoryGb,
        boolean assumed) {

    public int totalGpus() {
        return gpusPerNode * nodes;
    }
}
