package eu.aiskills.academy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import eu.aiskills.academy.identity.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The codes of the second factor: which 30-second step a code belongs to, the step recorded so
 * that a code counts once, and recovery codes kept as their SHA-256 and used up once. Internal:
 * the sign-in calls it for the account whose password was just right, never for one a caller names.
 */
@Component
public class SecondFactorCodes {

    private static final Logger log = LoggerFactory.getLogger(SecondFactorCodes.class);
    public static final int PERIOD = 30;
    public static final int DIGITS = 6;

    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    SecondFactorCodes(Accounts accounts, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The step (now, or one either side for clocks that drift) whose code this is; -1 for none. */
    public long matchingStep(String secret, String code) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long now = clock.instant().getEpochSecond() / PERIOD;
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (codes.generate(secret, step).equals(code.strip())) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return -1;
    }

    /** Replaces the account's recovery codes. */
    public void storeRecoveryCodes(AccountId account, List<String> recovery) {
        jdbc.update("DELETE FROM account_recovery_code WHERE account_id = ?", account.value().toString());
        for (String one : recovery) {
            jdbc.update("INSERT INTO account_recovery_code (code_hash, account_id) VALUES (?, ?)", Secrets.sha256(one),
                    account.value().toString());
        }
    }

    public void dropRecoveryCodes(AccountId account) {
        jdbc.update("DELETE FROM account_recovery_code WHERE account_id = ?", account.value().toString());
    }

    public int recoveryCodesLeft(AccountId account) {
        Integer left = jdbc.queryForObject("SELECT COUNT(*) FROM account_recovery_code WHERE account_id = ? AND used_at IS NULL",
                Integer.class, account.value().toString());
        return left == null ? 0 : left;
    }

    /** Whether the account asks for a second factor at sign-in. */
    @Transactional(readOnly = true)
    public boolean enabledFor(AccountId account) {
        return accounts.findById(account.value()).flatMap(AccountEntity::totpSecret).isPresent();
    }

    /** A code from the app (accepted once: its step is recorded) or an unused recovery code (then used up). */
    @Transactional
    public boolean verify(AccountId id, String code) {
        AccountEntity account = accounts.findById(id.value()).orElse(null);
        if (account == null || code == null || account.totpSecret().isEmpty()) {
            return false;
        }
        String typed = code.strip().toLowerCase(Locale.ROOT);
        if (typed.matches("\\d{" + DIGITS + "}")) {
            long step = matchingStep(account.totpSecret().get(), typed);
            // One conditional update: two sign-ins with the same code at the same moment cannot both pass.
            return step >= 0 && jdbc.update("UPDATE account SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL"
                    + " OR totp_last_step < ?)", step, id.value().toString(), step) == 1;
        }
        if (typed.matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}")) {
            boolean used = jdbc.update("UPDATE account_recovery_code SET used_at = ? WHERE code_hash = ? AND account_id = ? AND used_at IS NULL",
                    Timestamp.from(clock.instant()), Secrets.sha256(typed), id.value().toString()) == 1;
            if (used) {
                log.info("Account {} signed in with a recovery code", id);
            }
            return used;
        }
        return false;
    }
}
