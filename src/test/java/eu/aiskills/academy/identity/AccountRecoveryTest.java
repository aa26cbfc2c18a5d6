package eu.aiskills.academy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.aiskills.academy.identity.internal.SignedInSessions;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Getting back into an account, with a real SMTP server receiving the mails: a reset link works
 * once, for 30 minutes, signs out every session and is answered alike for unknown addresses;
 * requests are throttled per address and per client; a new account's address is verified by the
 * link sent at registration, and applying waits for it.
 */
@AcademyTest
class AccountRecoveryTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = Smtp.server();
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Smtp.register(registry, MAIL);
    }

    @Autowired
    AccountRecovery recovery;
    @Autowired
    Registration registration;
    @Autowired
    AccountManagement accounts;
    @Autowired
    AccountSessions sessions;
    @Autowired
    SignedInSessions signedIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration authentication;

    private String newPerson() {
        String email = "recovering-" + PEOPLE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        eu.aiskills.academy.identity.SystemActor.run(() -> registration.createAccount(NewAccount.of(email, "Rita Recovering",
                "Tram-Gravel-Orbit-7", Set.of(Role.STUDENT), Locale.ENGLISH)));
        return email;
    }

    /** The token of the link to {@code route} in the newest mail to {@code email}, once {@code count} mails reached it. */
    private static String linkTo(String email, String route) {
        return linkTo(email, route, 1);
    }

    private static String linkTo(String email, String route, int count) {
        String link = Smtp.link(MAIL, email, route, count);
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static long mailsTo(String email) {
        return Smtp.to(MAIL, email).length;
    }

    private boolean signsInWith(String email, String password) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        try {
            return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password)).isAuthenticated();
        } catch (BadCredentialsException e) {
            return false;
        }
    }

    @Test
    void aResetLinkWorksOnceSetsThePasswordAndSignsOutEverySession() throws Exception {
        String email = newPerson();
        AccountId id = eu.aiskills.academy.identity.SystemActor.call(() -> accounts.findByEmail(email)).orElseThrow().id();
        assertThat(signedIn.seen("session-one-" + email, id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")).isTrue();
        assertThat(signedIn.seen("session-two-" + email, id, "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36")).isTrue();

        recovery.requestReset("  " + email.toUpperCase(Locale.ROOT) + " ", "198.51.100.7");
        String token = linkTo(email, "reset-password");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_token WHERE token_hash = ?", Integer.class, token))
                .as("only the token's hash is stored").isZero();
        assertThat(recovery.resetLinkValid(token)).isTrue();

        assertThatThrownBy(() -> recovery.resetPassword(token, "password1234")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).startsWith("validation.password"));
        assertThat(recovery.resetLinkValid(token)).as("a refused password does not use the link up").isTrue();
        recovery.resetPassword(token, "Lantern-Quiet-Meadow-9");

        assertThat(signsInWith(email, "Lantern-Quiet-Meadow-9")).isTrue();
        assertThat(signsInWith(email, "Tram-Gravel-Orbit-7")).isFalse();
        assertThat(signedIn.seen("session-one-" + email, id, "")).as("signed out").isFalse();
        assertThat(signedIn.seen("session-two-" + email, id, "")).as("signed out").isFalse();
        assertThatThrownBy(() -> recovery.resetPassword(token, "Another-Quiet-Meadow-9")).isInstanceOfSatisfying(
                UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.link-invalid"));
    }

    @Test
    void anExpiredOrSupersededLinkNoLongerWorks() {
        String email = newPerson();
        recovery.requestReset(email, "198.51.100.8");
        String first = linkTo(email, "reset-password");
        recovery.requestReset(email, "198.51.100.8");
        String second = linkTo(email, "reset-password", 2);

        assertThat(recovery.resetLinkValid(first)).as("a newer link replaces it").isFalse();
        jdbc.update("UPDATE account_token SET expires_at = ? WHERE used_at IS NULL AND account_id = (SELECT id FROM account WHERE email = ?)",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), email);
        assertThat(recovery.resetLinkValid(second)).as("past its 30 minutes").isFalse();
        assertThatThrownBy(() -> recovery.resetPassword(second, "Lantern-Quiet-Meadow-9")).isInstanceOfSatisfying(
                UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.link-invalid"));
    }

    @Test
    void anUnknownAddressIsAnsweredAlikeAndBothAreThrottled() {
        String known = newPerson();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < AccountRecovery.PER_ADDRESS; i++) {
            recovery.requestReset(known, "203.0.113." + i);
            recovery.requestReset(unknown, "203.0.113." + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(known) == AccountRecovery.PER_ADDRESS);
        assertThat(mailsTo(unknown)).isZero();

        for (String address : new String[] {known, unknown}) {
            assertThatThrownBy(() -> recovery.requestReset(address, "203.0.113.99")).as("the same refusal for both")
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.too-many"));
        }
        String client = "192.0.2.44";
        for (int i = 0; i < AccountRecovery.PER_CLIENT; i++) {
            recovery.requestReset("someone-" + i + "-" + UUID.randomUUID() + "@example.org", client);
        }
        assertThatThrownBy(() -> recovery.requestReset("one-more@example.org", client)).as("per client")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.too-many"));
        assertThatThrownBy(() -> recovery.requestReset("not an address", "192.0.2.45")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void aNewAccountLearnsAtOnceButAppliesOnlyOnceItsAddressIsVerified() {
        String email = "newcomer-" + UUID.randomUUID() + "@example.org";
        AccountId id = registration.register(NewAccount.of(email, "Nina Newcomer", "Tram-Gravel-Orbit-7", Set.of(Role.STUDENT),
                Locale.ENGLISH));
        String token = linkTo(email, "verify-email");

        KaribuSupport.signIn(context, email);
        assertThat(accounts.current().orElseThrow().emailVerified()).isFalse();
        assertThatThrownBy(accounts::requireVerifiedEmail).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("account.verify-first"));
        SecurityContextHolder.clearContext();

        assertThat(recovery.verifyEmail(token).id()).isEqualTo(id);
        assertThatThrownBy(() -> recovery.verifyEmail(token)).as("once").isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("verify.link-invalid"));
        KaribuSupport.signIn(context, email);
        assertThat(accounts.current().orElseThrow().emailVerified()).isTrue();
        accounts.requireVerifiedEmail();
    }

    @Test
    void signingOutEverywhereElseKeepsOnlyThisSession() {
        String email = newPerson();
        AccountId id = eu.aiskills.academy.identity.SystemActor.call(() -> accounts.findByEmail(email)).orElseThrow().id();
        signedIn.seen("phone-" + email, id, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1");
        signedIn.seen("laptop-" + email, id, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/133.0");
        KaribuSupport.signIn(context, email);

        assertThat(sessions.mine()).extracting(AccountSessions.ActiveSession::browser)
                .containsExactlyInAnyOrder("Safari 17 · iOS", "Firefox 133 · macOS");
        assertThat(sessions.signOutEverywhereElse()).as("no request here: this session is none of them").isEqualTo(2);
        assertThat(sessions.mine()).isEmpty();
        assertThat(signedIn.seen("phone-" + email, id, "")).isFalse();
        assertThatThrownBy(() -> sessions.signOut(UUID.randomUUID())).isInstanceOf(eu.aiskills.academy.shared.NotFoundException.class);
    }
}
