package eu.aiskills.academy.fellowships;

import java.util.Objects;
import java.util.UUID;

/** A fellowship application's id. */
public record FellowshipApplicationId(UUID value) {

    public FellowshipApplicationId {
        Objects.requireNonNull(value, "value");
    }

    public static FellowshipApplicationId random() {
        return new FellowshipApplicationId(UUID.randomUUID());
    }

    public static FellowshipApplicationId of(String value) {
        return new FellowshipApplicationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
