package eu.aiskills.academy.compute;

import java.util.List;

import eu.aiskills.academy.identity.OrganisationId;

/**
 * An AI Factory as the registry shows it.
 *
 * @param scheduler its Slurm REST endpoint, or {@code null} when the platform does not submit jobs there
 * @param editedAt  when its operators last edited it, or {@code null} while it is as the registry file says
 */
public record FactorySummary(
        FactoryId id,
        String slug,
        String name,
        String hostingEntity,
        OrganisationId operator,
        String hostCountry,
        List<String> consortium,
        String supercomputer,
        String supercomputerNote,
        List<String> keySectors,
        String description,
        List<PartitionSummary> partitions,
        SchedulerEndpoint scheduler,
        java.time.Instant editedAt) {

    public FactorySummary {
        consortium = List.copyOf(consortium);
        keySectors = List.copyOf(keySectors);
        partitions = List.copyOf(partitions);
    }

    public int totalGpus() {
        return partitions.stream().mapToInt(PartitionSummary::totalGpus).sum();
    }
}
