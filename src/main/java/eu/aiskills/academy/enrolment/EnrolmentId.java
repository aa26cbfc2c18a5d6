package eu.aiskills.academy.enrolment;

import java.util.Objects;
import java.util.UUID;

public record EnrolmentId(UUID value) {

    public EnrolmentId {
        Objects.requireNonNull(value, "value");
    }

    public static EnrolmentId random() {
        return new EnrolmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
