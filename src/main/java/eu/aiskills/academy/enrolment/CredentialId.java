package eu.aiskills.academy.enrolment;

import java.util.Objects;
import java.util.UUID;

public record CredentialId(UUID value) {

    public CredentialId {
        Objects.requireNonNull(value, "value");
    }

    public static CredentialId random() {
        return new CredentialId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
