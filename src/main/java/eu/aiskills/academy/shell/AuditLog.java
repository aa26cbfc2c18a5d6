package eu.aiskills.academy.shell;

import java.util.List;

import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log as administrators read it: newest first, optionally one kind of action. */
@Service
public class AuditLog {

    /** The kinds of action recorded. */
    public static final List<String> ACTIONS = List.of("roles-changed", "membership-changed", "course-published", "course-withdrawn",
            "posting-published", "call-published", "ranking-released", "allocation-granted", "allocation-rejected",
            "credential-revoked");
    public static final int LIMIT_MAX = 500;

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(String action, int limit) {
        if (limit < 1 || limit > LIMIT_MAX || (action != null && !ACTIONS.contains(action))) {
            throw new UserFacingException("audit.invalid.filter", LIMIT_MAX);
        }
        String where = action == null ? "" : " WHERE action = ?";
        Object[] arguments = action == null ? new Object[0] : new Object[] {action};
        return jdbc.query("SELECT occurred_at, actor_name, action, subject, details FROM audit_event" + where
                        + " ORDER BY occurred_at DESC, id LIMIT " + limit,
                (rs, n) -> new AuditEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("details")), arguments);
    }
}
