package eu.aiskills.academy.compute;

/**
 * Where a factory's {@code slurmrestd} is and how the platform uses it. The token for
 * {@code user} is not part of it: it is configuration (see {@link ComputeProperties.Slurm}).
 *
 * @param url        the base URL, for example {@code https://slurm-rest.factory.example:6820}
 * @param apiVersion the slurmrestd API version, for example {@code v0.0.41}
 * @param user       the Slurm user the platform submits jobs as
 * @param workDir    the directory jobs start in on the cluster
 */
public record SchedulerEndpoint(String url, String apiVersion, String user, String workDir) {
}
