package eu.aiskills.academy.compute;

import java.util.Objects;
import java.util.UUID;

/** A quota account: an allocation's GPU-hours, or one learner's cap within a run. */
public record QuotaAccountId(UUID value) {

    public QuotaAccountId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
