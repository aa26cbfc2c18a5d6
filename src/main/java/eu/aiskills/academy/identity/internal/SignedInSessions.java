package eu.aiskills.academy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import eu.aiskills.academy.identity.AccountId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The HTTP sessions each account is signed in with, in the database so that every instance sees
 * them: recorded on a session's first signed-in request, seen again at most once a minute, and
 * checked at most every few seconds; a session ended here (sign out everywhere, a new password)
 * is invalidated by whichever instance serves it next.
 */
@Component
public class SignedInSessions {

    /** One session as its account sees it. */
    public record Row(UUID id, String sessionHash, String userAgent, Instant createdAt, Instant lastSeenAt) {
    }

    private static final Duration SEEN_EVERY = Duration.ofMinutes(1);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeout;
    /** Per session hash: when it was last checked, and last written as seen. */
    private final Map<String, Instant[]> recent = new ConcurrentHashMap<>();

    SignedInSessions(JdbcTemplate jdbc, Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * A signed-in request of {@code sessionId}: answers false when the session was ended (the
     * caller invalidates it), true otherwise, recording it when new.
     */
    public boolean seen(String sessionId, AccountId account, String userAgent) {
        String hash = Secrets.sha256(sessionId);
        Instant now = clock.instant();
        Instant[] marks = recent.get(hash);
        if (marks != null && marks[0].plus(CHECK_EVERY).isAfter(now)) {
            return true;
        }
        List<Timestamp> ended = jdbc.query("SELECT ended_at FROM account_session WHERE session_hash = ?", (rs, n) -> rs.getTimestamp(1), hash);
        if (ended.isEmpty()) {
            try {
                jdbc.update("INSERT INTO account_session (id, session_hash, account_id, user_agent, created_at, last_seen_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), hash, account.value().toString(),
                        userAgent == null ? "" : userAgent.substring(0, Math.min(300, userAgent.length())), Timestamp.from(now),
                        Timestamp.from(now));
            } catch (DuplicateKeyException raced) {
                // Two requests of a new session at once: the other one recorded it.
            }
            recent.put(hash, new Instant[] {now, now});
            return true;
        }
        if (ended.getFirst() != null) {
            recent.remove(hash);
            return false;
        }
        if (marks == null || marks[1].plus(SEEN_EVERY).isBefore(now)) {
            jdbc.update("UPDATE account_session SET last_seen_at = ? WHERE session_hash = ?", Timestamp.from(now), hash);
            recent.put(hash, new Instant[] {now, now});
        } else {
            recent.put(hash, new Instant[] {now, marks[1]});
        }
        return true;
    }

    /** The account's sessions that are still open (not ended, seen within the session timeout), newest first. */
    public List<Row> open(AccountId account) {
        return jdbc.query("SELECT id, session_hash, user_agent, created_at, last_seen_at FROM account_session WHERE account_id = ?"
                        + " AND ended_at IS NULL AND last_seen_at > ? ORDER BY last_seen_at DESC LIMIT 50",
                (rs, n) -> new Row(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()), account.value().toString(), Timestamp.from(clock.instant().minus(timeout)));
    }

    /** Ends every session of the account but {@code keepSessionId} (none when null); answers how many. */
    public int endAll(AccountId account, String keepSessionId) {
        String keep = keepSessionId == null ? "" : Secrets.sha256(keepSessionId);
        // This instance's sessions are checked again at once; other instances' within CHECK_EVERY.
        recent.clear();
        return jdbc.update("UPDATE account_session SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL AND session_hash <> ?",
                Timestamp.from(clock.instant()), account.value().toString(), keep);
    }

    /** Ends one session of the account. */
    public boolean end(AccountId account, UUID session) {
        recent.clear();
        return jdbc.update("UPDATE account_session SET ended_at = ? WHERE account_id = ? AND id = ? AND ended_at IS NULL",
                Timestamp.from(clock.instant()), account.value().toString(), session.toString()) == 1;
    }

    /** The session ended by itself (signed out, timed out). */
    void closed(String sessionId) {
        String hash = Secrets.sha256(sessionId);
        recent.remove(hash);
        jdbc.update("UPDATE account_session SET ended_at = ? WHERE session_hash = ? AND ended_at IS NULL", Timestamp.from(clock.instant()),
                hash);
    }

    public static String hashOf(String sessionId) {
        return Secrets.sha256(sessionId);
    }
}
