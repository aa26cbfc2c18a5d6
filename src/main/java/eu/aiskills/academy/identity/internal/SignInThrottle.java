package eu.aiskills.academy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import eu.aiskills.academy.identity.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an e-mail address out of password sign-in for {@code lock} after {@code maxFailures}
 * wrong passwords within that time, on every instance (the count is in the database). It counts
 * any address typed, existing or not, so a lock says nothing about whether an account exists;
 * the sign-in page shows the same message for a lock as for a wrong password. A successful
 * sign-in clears the count.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    SignInThrottle(JdbcTemplate jdbc, Clock clock,
                   @Value("${academy.security.sign-in.max-failures:5}") int maxFailures,
                   @Value("${academy.security.sign-in.lock:15m}") Duration lock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    boolean locked(String email) {
        return lockedFor(email).isPresent();
    }

    /** How long the address stays locked out, when it is. */
    java.util.Optional<Duration> lockedFor(String email) {
        Timestamp until = jdbc.query("SELECT locked_until FROM sign_in_failure WHERE email_hash = ?",
                rs -> rs.next() ? rs.getTimestamp(1) : null, hash(email));
        Instant now = clock.instant();
        return until != null && until.toInstant().isAfter(now) ? java.util.Optional.of(Duration.between(now, until.toInstant()))
                : java.util.Optional.empty();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String email = event.getAuthentication().getName();
        if (email == null || email.isBlank()) {
            return;
        }
        String hash = hash(email);
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(lock));
        // A count older than the window starts again; one more failure otherwise.
        int updated = jdbc.update("UPDATE sign_in_failure SET failures = CASE WHEN first_failed_at < ? THEN 1 ELSE failures + 1 END,"
                + " first_failed_at = CASE WHEN first_failed_at < ? THEN ? ELSE first_failed_at END WHERE email_hash = ?",
                windowStart, windowStart, Timestamp.from(now), hash);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO sign_in_failure (email_hash, failures, first_failed_at) VALUES (?, 1, ?)", hash, Timestamp.from(now));
            } catch (DuplicateKeyException raced) {
                jdbc.update("UPDATE sign_in_failure SET failures = failures + 1 WHERE email_hash = ?", hash);
            }
        }
        int locked = jdbc.update("UPDATE sign_in_failure SET locked_until = ?, failures = 0, first_failed_at = ?"
                + " WHERE email_hash = ? AND failures >= ?", Timestamp.from(now.plus(lock)), Timestamp.from(now), hash, maxFailures);
        if (locked > 0) {
            log.warn("Password sign-in locked for {} after {} failures (address hash {})", lock, maxFailures, hash.substring(0, 12));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        jdbc.update("DELETE FROM sign_in_failure WHERE email_hash = ?", hash(event.getAuthentication().getName()));
    }

    private static String hash(String email) {
        return Secrets.sha256(EmailAddress.normalise(email));
    }
}
