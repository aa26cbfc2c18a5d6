package eu.aiskills.academy.compute;

import java.util.Objects;
import java.util.UUID;

public record AllocationId(UUID value) {

    public AllocationId {
        Objects.requireNonNull(value, "value");
    }

    public static AllocationId random() {
        return new AllocationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
