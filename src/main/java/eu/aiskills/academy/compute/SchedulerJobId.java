package eu.aiskills.academy.compute;

import java.util.Objects;
import java.util.UUID;

/** A Slurm job the platform submitted: its id here (not Slurm's job number). */
public record SchedulerJobId(UUID value) {

    public SchedulerJobId {
        Objects.requireNonNull(value, "value");
    }

    public static SchedulerJobId random() {
        return new SchedulerJobId(UUID.randomUUID());
    }

    public static SchedulerJobId of(String value) {
        return new SchedulerJobId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
