package eu.aiskills.academy.catalogue;

import java.util.Objects;
import java.util.UUID;

/** A programme's id. */
public record ProgrammeId(UUID value) {

    public ProgrammeId {
        Objects.requireNonNull(value, "value");
    }

    public static ProgrammeId random() {
        return new ProgrammeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
