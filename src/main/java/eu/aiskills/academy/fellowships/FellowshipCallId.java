package eu.aiskills.academy.fellowships;

import java.util.Objects;
import java.util.UUID;

/** A fellowship call's id. */
public record FellowshipCallId(UUID value) {

    public FellowshipCallId {
        Objects.requireNonNull(value, "value");
    }

    public static FellowshipCallId random() {
        return new FellowshipCallId(UUID.randomUUID());
    }

    public static FellowshipCallId of(String value) {
        return new FellowshipCallId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
