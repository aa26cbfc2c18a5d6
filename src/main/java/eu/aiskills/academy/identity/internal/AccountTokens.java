package eu.aiskills.academy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-use links sent by e-mail: the person gets the token, the database only its SHA-256.
 * Using one is a single conditional update, so two uses at the same moment cannot both succeed.
 */
@Component
public class AccountTokens {

    /** What a link is for. */
    public enum Purpose {
        RESET, VERIFY
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the account, valid for {@code validity}; earlier unused ones of the same purpose stop working. */
    public String issue(AccountId account, Purpose purpose, Duration validity) {
        Instant now = clock.instant();
        jdbc.update("UPDATE account_token SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL",
                Timestamp.from(now), account.value().toString(), purpose.name());
        String token = Secrets.token();
        jdbc.update("INSERT INTO account_token (token_hash, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                Secrets.sha256(token), account.value().toString(), purpose.name(), Timestamp.from(now), Timestamp.from(now.plus(validity)));
        return token;
    }

    /** The account a still valid, unused token belongs to, without using it. */
    public Optional<AccountId> peek(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT account_id FROM account_token WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
                (rs, n) -> new AccountId(UUID.fromString(rs.getString(1))), Secrets.sha256(token), purpose.name(),
                Timestamp.from(clock.instant())).stream().findFirst();
    }

    /** Uses the token once: the account it belongs to, or empty when it is unknown, used or expired. */
    public Optional<AccountId> use(String token, Purpose purpose) {
        Optional<AccountId> account = peek(token, purpose);
        if (account.isEmpty()) {
            return account;
        }
        Instant now = clock.instant();
        int used = jdbc.update("UPDATE account_token SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
                Timestamp.from(now), Secrets.sha256(token), purpose.name(), Timestamp.from(now));
        return used == 1 ? account : Optional.empty();
    }
}
