package eu.aiskills.academy.compute;

import java.util.List;

/**
 * What a factory's operators may change about it.
 *
 * @param scheduler the Slurm REST endpoint, or {@code null} for none
 */
public record FactoryEdit(String description, String supercomputerNote, List<String> keySectors, List<PartitionEdit> partitions,
                          SchedulerEndpoint scheduler) {

    public static final int DESCRIPTION_MAX = 4000;
    public static final int PARTITIONS_MAX = 20;
    public static final int SUPERCOMPUTER_NOTE_MAX = 200;
    /** One key sector's name, and the form's comma-separated list of them. */
    public static final int SECTOR_MAX = 80;
    public static final int SECTORS_TEXT_MAX = 1000;
    public static final int PARTITION_NAME_MAX = 60;
    public static final int GPU_MODEL_MAX = 80;
    public static final int SCHEDULER_URL_MAX = 300;
    public static final int SCHEDULER_USER_MAX = 32;
    public static final int WORK_DIR_MAX = 300;

    public FactoryEdit {
        keySectors = keySectors == null ? List.of() : List.copyOf(keySectors);
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** A partition as its operators describe it. */
    public record PartitionEdit(String name, String gpuModel, int gpusPerNode, int nodes, int gpuMemoryGb) {
    }

    /** The factory as it is now, ready to change. */
    public static FactoryEdit of(FactorySummary factory) {
        return new FactoryEdit(factory.description(), factory.supercomputerNote(), factory.keySectors(),
                factory.partitions().stream().map(p -> new PartitionEdit(p.name(), p.gpuModel(), p.gpusPerNode(), p.nodes(),
                        p.gpuMemoryGb())).toList(), factory.scheduler());
    }
}
