package eu.aiskills.academy.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import eu.aiskills.academy.identity.internal.AccountEntity;
import eu.aiskills.academy.identity.internal.AccountTokens;
import eu.aiskills.academy.identity.internal.Accounts;
import eu.aiskills.academy.identity.internal.MailRequestThrottle;
import eu.aiskills.academy.identity.internal.SecurityMail;
import eu.aiskills.academy.identity.internal.SignedInSessions;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Getting back into an account and proving an address: a password reset by e-mail (a single-use
 * link valid 30 minutes, throttled per address and per client, with the same answer whether or
 * not the address has an account; the new password signs out every session), and the link that
 * verifies a new account's address (ADR 0017).
 */
@Service
public class AccountRecovery {

    private static final Logger log = LoggerFactory.getLogger(AccountRecovery.class);
    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);
    public static final Duration VERIFY_VALIDITY = Duration.ofDays(2);
    /** Requests per address, and per client, within {@link #REQUEST_WINDOW}. */
    static final int PER_ADDRESS = 3;
    static final int PER_CLIENT = 10;
    static final Duration REQUEST_WINDOW = Duration.ofMinutes(30);
    public static final String RESET_ROUTE = "reset-password";
    public static final String VERIFY_ROUTE = "verify-email";

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final MailRequestThrottle throttle;
    private final SecurityMail mail;
    private final SignedInSessions sessions;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountRecovery(Accounts accounts, AccountTokens tokens, MailRequestThrottle throttle, SecurityMail mail, SignedInSessions sessions,
                    PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.mail = mail;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Sends a reset link to {@code email} if it belongs to an account that signs in with a
     * password; answers nothing either way. {@code client} names the requester (its address)
     * for the throttle; too many requests are refused with a message, whether or not the address exists.
     */
    @PermitAll
    @Transactional
    public void requestReset(String email, String client) {
        String address = new EmailAddress(email).value();
        if (!throttle.allow(REQUEST_WINDOW, PER_ADDRESS, "reset:address:" + address)
                || !throttle.allow(REQUEST_WINDOW, PER_CLIENT, "reset:client:" + client)) {
            throw new UserFacingException("reset.too-many", REQUEST_WINDOW.toMinutes());
        }
        Optional<AccountEntity> account = accounts.findByEmail(address).filter(AccountEntity::enabled).filter(a -> a.passwordHash() != null);
        if (account.isEmpty()) {
            log.info("Password reset asked for an address without a password account");
            return;
        }
        AccountEntity found = account.get();
        String token = tokens.issue(found.id(), AccountTokens.Purpose.RESET, RESET_VALIDITY);
        mail.send(found.email(), found.displayName(), found.toSummary().preferredLocale(), "reset", mail.link(RESET_ROUTE, token));
        log.info("Password reset link sent for account {}", found.id());
    }

    /** Whether a reset link still works (so that its page can say so before a password is typed). */
    @PermitAll
    @Transactional(readOnly = true)
    public boolean resetLinkValid(String token) {
        return tokens.peek(token, AccountTokens.Purpose.RESET).isPresent();
    }

    /**
     * Sets a new password with a reset link, once: every session of the account is signed out,
     * and the address counts as verified (the link reached it).
     */
    @PermitAll
    @Transactional
    public void resetPassword(String token, String newPassword) {
        AccountEntity account = tokens.peek(token, AccountTokens.Purpose.RESET).flatMap(id -> accounts.findById(id.value()))
                .orElseThrow(() -> new UserFacingException("reset.link-invalid"));
        PasswordPolicy.check(newPassword, account.email(), account.displayName());
        if (tokens.use(token, AccountTokens.Purpose.RESET).isEmpty()) {
            throw new UserFacingException("reset.link-invalid");
        }
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        account.verifyEmail(clock.instant());
        int ended = sessions.endAll(account.id(), null);
        log.info("Account {} set a new password with a reset link; {} sessions signed out", account.id(), ended);
    }

    /** Sends the link that verifies the account's address (at registration, and when asked again). */
    void sendVerification(AccountEntity account) {
        String token = tokens.issue(account.id(), AccountTokens.Purpose.VERIFY, VERIFY_VALIDITY);
        mail.send(account.email(), account.displayName(), account.toSummary().preferredLocale(), "verify", mail.link(VERIFY_ROUTE, token));
    }

    /** The signed-in person asks for the verification link again (throttled per address). */
    @SignedIn
    @Transactional
    public void resendVerification() {
        AccountEntity account = accounts.findById(CurrentUser.requireId().value()).orElseThrow();
        if (account.emailVerified()) {
            return;
        }
        if (!throttle.allow(REQUEST_WINDOW, PER_ADDRESS, "verify:address:" + account.email())) {
            throw new UserFacingException("verify.too-many", REQUEST_WINDOW.toMinutes());
        }
        sendVerification(account);
    }

    /** Verifies the address the link was sent to; anybody holding the link may (it is the proof). */
    @PermitAll
    @Transactional
    public AccountSummary verifyEmail(String token) {
        AccountEntity account = tokens.use(token, AccountTokens.Purpose.VERIFY).flatMap(id -> accounts.findById(id.value()))
                .orElseThrow(() -> new UserFacingException("verify.link-invalid"));
        account.verifyEmail(clock.instant());
        log.info("Account {} verified its address", account.id());
        return account.toSummary();
    }
}
