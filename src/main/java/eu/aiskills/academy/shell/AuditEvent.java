package eu.aiskills.academy.shell;

import java.time.Instant;

/**
 * One security-relevant action.
 *
 * @param actorName who did it ("platform" for the platform's own work)
 * @param action    what kind of action ({@link AuditLog#ACTIONS})
 * @param subject   what it was done to, as people name it
 */
public record AuditEvent(Instant occurredAt, String actorName, String action, String subject, String details) {

    public String messageKey() {
        return "audit.action." + action;
    }
}
