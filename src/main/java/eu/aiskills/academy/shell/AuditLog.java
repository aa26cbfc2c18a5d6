package eu.aiskills.academy.shell;

import java.util.List;

import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shell.internal.AuditEventStore;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log as administrators read it: newest first, optionally one kind of action. */
@Service
public class AuditLog {

    /** The kinds of action recorded. */
    public static final List<String> ACTIONS = List.of("roles-changed", "membership-changed", "course-published", "course-revision-published",
            "course-runs-changed", "course-imported", "course-withdrawn",
            "posting-published", "call-published", "ranking-released", "allocation-granted", "allocation-rejected",
            "credential-revoked");
    public static final int LIMIT_MAX = 500;

    private final AuditEventStore store;

    AuditLog(AuditEventStore store) {
        this.store = store;
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(String action, int limit) {
        if (limit < 1 || limit > LIMIT_MAX || (action != null && !ACTIONS.contains(action))) {
            throw new UserFacingException("audit.invalid.filter", LIMIT_MAX);
        }
        return store.recent(action, limit);
    }
}
