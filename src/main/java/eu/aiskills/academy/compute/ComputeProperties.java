package eu.aiskills.academy.compute;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Compute settings.
 *
 * @param factoriesLocation where the AI Factory registry files ({@code *.yaml}) are read from at start-up
 * @param importFactories   whether to import them (and the access modes) at start-up
 * @param accessModesLocation the access modes file ({@code access-modes.yaml})
 * @param slurm             how the platform talks to the factories' Slurm
 */
@ConfigurationProperties("academy.compute")
@Validated
public record ComputeProperties(
        @DefaultValue("classpath:/content/factories/") @NotBlank String factoriesLocation,
        @DefaultValue("true") boolean importFactories,
        @DefaultValue("classpath:/content/compute/access-modes.yaml") @NotBlank String accessModesLocation,
        @DefaultValue @Valid @NotNull Slurm slurm) {

    /**
     * The Slurm connector. A factory's endpoint (URL, API version, user) is factory data its
     * operators edit; the JWT for that user is a secret and comes only from here: {@code tokens}
     * (factory slug to token, typically from the environment, e.g.
     * {@code ACADEMY_COMPUTE_SLURM_TOKENS_LUMI}) or a file {@code <slug>.token} in
     * {@code tokenDirectory}, read on every request so that a rotated token is picked up.
     *
     * @param connectTimeout how long connecting to slurmrestd may take
     * @param requestTimeout how long one answer may take
     * @param attempts       how often a request that may safely be repeated is tried when nothing answered
     * @param retryBackoff   the pause before the second attempt; it doubles for each further one
     * @param pollInterval   how often active jobs are polled
     * @param lostAfter      how long a job's scheduler may stay unreachable before the job is given up
     */
    public record Slurm(
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("20s") @NotNull Duration requestTimeout,
            @DefaultValue("3") int attempts,
            @DefaultValue("500ms") @NotNull Duration retryBackoff,
            @DefaultValue("15s") @NotNull Duration pollInterval,
            @DefaultValue("15m") @NotNull Duration lostAfter,
            Map<String, String> tokens,
            Path tokenDirectory) {

        public Slurm {
            tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
            attempts = Math.max(1, attempts);
        }
    }
}
