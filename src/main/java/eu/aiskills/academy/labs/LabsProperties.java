package eu.aiskills.academy.labs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
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

    /** How sandboxes are confined: whatever the host allows, or (for comparison and tests) per-process limits only. */
    public enum Confinement {
        AUTO, PROCESS_LIMITS
    }

    /**
     * The local launcher: Jupyter Server in a bubblewrap sandbox per session. As root, each session
     * has its own control group (memory, processes and CPU share over all its processes), its own
     * disk image (home and {@code /tmp} together) and its own host user id; otherwise the
     * per-process limits below apply to each process ({@code prlimit}). See ADR 0016.
     *
     * @param bwrap          the bubblewrap binary
     * @param python         the Python that runs Jupyter Server and the kernels (the system's, with its packages)
     * @param firstUid       the first of the host user ids sessions run as, one each, when the platform runs as root
     * @param uids           how many ids the range has (at least the sandboxes that run at once, grading included)
     * @param memory         the memory a session's processes may use together (per process where there is no control group)
     * @param processes      how many processes (and threads) a session may run
     * @param cpus           the CPU share of a session, in cores
     * @param cpuTime        the CPU time a session may use in all (each process, where there is no control group)
     * @param disk           the disk a session may fill, home and {@code /tmp} together
     * @param diskFiles      how many files and directories a session may create
     * @param fileSize       the largest file a session may write
     * @param startTimeout   how long a sandbox may take to answer
     * @param confinement    {@code AUTO}, or {@code PROCESS_LIMITS} to use per-process limits even as root
     */
    public record Sandbox(
            @DefaultValue("/usr/bin/bwrap") @NotBlank String bwrap,
            @DefaultValue("/usr/bin/python3") @NotBlank String python,
            @DefaultValue("900000") @Min(1000) int firstUid,
            @DefaultValue("1000") @Min(1) int uids,
            @DefaultValue("4GB") @NotNull DataSize memory,
            @DefaultValue("64") @Min(8) int processes,
            @DefaultValue("1") @DecimalMin("0.1") double cpus,
            @DefaultValue("2h") @NotNull Duration cpuTime,
            @DefaultValue("1GB") @NotNull DataSize disk,
            @DefaultValue("20000") @Min(100) long diskFiles,
            @DefaultValue("256MB") @NotNull DataSize fileSize,
            @DefaultValue("60s") @NotNull Duration startTimeout,
            @DefaultValue("AUTO") @NotNull Confinement confinement) {

        /** The same sandbox with another memory limit (a lab's own). */
        public Sandbox withMemory(DataSize memory) {
            return new Sandbox(bwrap, python, firstUid, uids, memory, processes, cpus, cpuTime, disk, diskFiles, fileSize,
                    startTimeout, confinement);
        }

        /** The same sandbox with another CPU time limit. */
        public Sandbox withCpuTime(Duration cpuTime) {
            return new Sandbox(bwrap, python, firstUid, uids, memory, processes, cpus, cpuTime, disk, diskFiles, fileSize,
                    startTimeout, confinement);
        }

        /** The same sandbox with another disk quota. */
        public Sandbox withDisk(DataSize disk, long diskFiles) {
            return new Sandbox(bwrap, python, firstUid, uids, memory, processes, cpus, cpuTime, disk, diskFiles, fileSize,
                    startTimeout, confinement);
        }

        /** The same sandbox confined otherwise. */
        public Sandbox withConfinement(Confinement confinement) {
            return new Sandbox(bwrap, python, firstUid, uids, memory, processes, cpus, cpuTime, disk, diskFiles, fileSize,
                    startTimeout, confinement);
        }
    }
}
