package eu.aiskills.academy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts requests that send mail (password resets, verification links) per key, on every
 * instance: an address and a client may ask only so often. Keys are hashed; old rows are removed
 * as new ones come.
 */
@Component
public class MailRequestThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MailRequestThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether every key is still under its {@code max} requests within {@code window}; if so, counts one more for each. */
    public boolean allow(Duration window, int max, String... keys) {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(window));
        jdbc.update("DELETE FROM account_mail_request WHERE requested_at < ?", Timestamp.from(now.minus(Duration.ofDays(1))));
        for (String key : keys) {
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM account_mail_request WHERE request_key = ? AND requested_at >= ?",
                    Integer.class, Secrets.sha256(key), since);
            if (count != null && count >= max) {
                return false;
            }
        }
        for (String key : keys) {
            jdbc.update("INSERT INTO account_mail_request (request_key, requested_at) VALUES (?, ?)", Secrets.sha256(key), Timestamp.from(now));
        }
        return true;
    }
}
