package eu.aiskills.academy.assessment;

import java.util.UUID;

/** The identity of one quiz attempt. */
public record AttemptId(UUID value) {

    public static AttemptId random() {
        return new AttemptId(UUID.randomUUID());
    }
}
