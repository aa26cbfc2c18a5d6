package eu.aiskills.academy.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.internal.SignedInSessions;
import eu.aiskills.academy.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The sessions the signed-in person is signed in with (browser, when last seen), and signing
 * them out: one, or every one but this.
 */
@Service
public class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    /** A session as its owner sees it: which browser, since when, last seen, and whether it is this one. */
    public record ActiveSession(UUID id, String browser, Instant signedInAt, Instant lastSeenAt, boolean current) {
    }

    private final SignedInSessions sessions;

    AccountSessions(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    @SignedIn
    public List<ActiveSession> mine() {
        String current = currentSessionId().map(SignedInSessions::hashOf).orElse("");
        return sessions.open(CurrentUser.requireId()).stream()
                .map(row -> new ActiveSession(row.id(), Browsers.describe(row.userAgent()), row.createdAt(), row.lastSeenAt(),
                        row.sessionHash().equals(current)))
                .toList();
    }

    /** Signs out every other session of the signed-in person; this one stays. */
    @SignedIn
    public int signOutEverywhereElse() {
        int ended = sessions.endAll(CurrentUser.requireId(), currentSessionId().orElse(null));
        log.info("Account {} signed out {} other sessions", CurrentUser.requireId(), ended);
        return ended;
    }

    /** Signs out one of the signed-in person's sessions. */
    @SignedIn
    public void signOut(UUID session) {
        if (!sessions.end(CurrentUser.requireId(), session)) {
            throw new NotFoundException("account.sessions.not-found");
        }
    }

    /** The HTTP session of the request being served, if any. */
    static Optional<String> currentSessionId() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty() : Optional.ofNullable(attributes.getSessionId());
    }
}
