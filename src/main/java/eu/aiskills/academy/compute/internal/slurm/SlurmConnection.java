package eu.aiskills.academy.compute.internal.slurm;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and as whom to reach one factory's {@code slurmrestd}: its base URL (without the
 * {@code /slurm/vX} path), the Slurm user name the platform acts as, and where its JWT comes from
 * (read on every request, so a rotated token is picked up).
 */
public record SlurmConnection(URI baseUrl, String user, Supplier<String> token) {

    public SlurmConnection {
        Objects.requireNonNull(baseUrl);
        Objects.requireNonNull(user);
        Objects.requireNonNull(token);
    }

    @Override
    public String toString() {
        return "SlurmConnection[" + baseUrl + " as " + user + "]";
    }
}
