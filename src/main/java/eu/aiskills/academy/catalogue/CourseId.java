package eu.aiskills.academy.catalogue;

import java.util.Objects;
import java.util.UUID;

public record CourseId(UUID value) {

    public CourseId {
        Objects.requireNonNull(value, "value");
    }

    public static CourseId random() {
        return new CourseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
