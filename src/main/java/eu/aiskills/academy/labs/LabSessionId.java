package eu.aiskills.academy.labs;

import java.util.Objects;
import java.util.UUID;

/** A lab session's id. */
public record LabSessionId(UUID value) {

    public LabSessionId {
        Objects.requireNonNull(value, "value");
    }

    public static LabSessionId random() {
        return new LabSessionId(UUID.randomUUID());
    }

    public static LabSessionId of(String value) {
        return new LabSessionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
