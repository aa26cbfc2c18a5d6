package eu.aiskills.academy.compute;

import java.util.Objects;
import java.util.UUID;

public record FactoryId(UUID value) {

    public FactoryId {
        Objects.requireNonNull(value, "value");
    }

    public static FactoryId random() {
        return new FactoryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
