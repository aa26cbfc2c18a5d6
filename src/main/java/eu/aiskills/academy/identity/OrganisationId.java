package eu.aiskills.academy.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organisation: an employer, a host institution, a university or an AI Factory operator. */
public record OrganisationId(UUID value) {

    public OrganisationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
