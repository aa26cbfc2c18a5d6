package eu.aiskills.academy.labs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Lab settings.
 *
 * @param location          where the lab folders ({@code <slug>/lab.yaml} and {@code template.ipynb}) are read from
 * @param importLabs        whether to import them at start-up
 * @param maxLocalSessions  how many local sandboxes may run at once; further sessions queue
 * @param extension         how much longer a session runs when its learner extends it
 * @param maxSessionLength  the longest a session may run, extensions included
 * @param sandbox           the local sandbox every lab kernel runs in
 */
@ConfigurationProperties("academy.labs")
@Validated
public record LabsProperties(
        @DefaultValue("classpath:/content/labs/") @NotBlank String location,
        @DefaultValue("true") boolean importLabs,
        @DefaultValue("6") int maxLocalSessions,
        @DefaultValue("30m") @NotNull Duration extension,
        @DefaultValue("4h") @NotNull Duration maxSessionLength,
        @DefaultValue @Valid @NotNull Sandbox sandbox) {

    /**
     * The local launcher: Jupyter Server in a bubblewrap sandbox per session.
     *
     * @param bwrap          the bubblewrap binary
     * @param python         the Python that runs Jupyter Server and the kernels (the system's, with its packages)
     * @param runAs          the host user the sandboxes run as when the platform runs as root (never root itself)
     * @param memory         the address space a session's processes may use
     * @param processes      how many processes a session may run
     * @param cpuTime        CPU time per process
     * @param fileSize       the largest file a session may write
     * @param startTimeout   how long a sandbox may take to answer
     */
    public record Sandbox(
            @DefaultValue("/usr/bin/bwrap") @NotBlank String bwrap,
            @DefaultValue("/usr/bin/python3") @NotBlank String python,
            @DefaultValue("nobody") @NotBlank String runAs,
            @DefaultValue("4GB") @NotNull org.springframework.util.unit.DataSize memory,
            @DefaultValue("64") int processes,
            @DefaultValue("2h") @NotNull Duration cpuTime,
            @DefaultValue("256MB") @NotNull org.springframework.util.unit.DataSize fileSize,
            @DefaultValue("60s") @NotNull Duration startTimeout) {
    }
}
