package eu.aiskills.academy.shell.internal;

import java.util.List;

import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.shell.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit log as read back ({@code AuditTrail} writes it); {@code AuditLog} checks who reads it and what they ask. */
@Component
public class AuditEventStore {

    private final JdbcTemplate jdbc;

    AuditEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} events, of one kind of action or (null) all. */
    public List<AuditEvent> recent(String action, int limit) {
        String where = action == null ? "" : " WHERE action = ?";
        Object[] arguments = action == null ? new Object[] {limit} : new Object[] {action, limit};
        return jdbc.query("SELECT occurred_at, actor_name, action, subject, details FROM audit_event" + where
                        + " ORDER BY occurred_at DESC, id LIMIT ?",
                (rs, n) -> new AuditEvent(Jdbc.instant(rs, "occurred_at"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("details")), arguments);
    }
}
