package eu.aiskills.academy.shell;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An in-app notification: a message key with its arguments (translated when shown), where it
 * leads, and whether it was read.
 */
public record Notification(UUID id, String messageKey, List<String> arguments, String link, Instant createdAt,
                           boolean read) {

    public Notification {
        arguments = List.copyOf(arguments);
    }
}
